"""PReLU with a float mask and slopes moved to the channel dim by view."""
import math

import torch

COMPONENT = "PReLU"
FILE = "activations.py"


class PReLU(torch.nn.Module):
    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init
        self.weight = torch.nn.Parameter(torch.empty(num_parameters, device=device, dtype=dtype))
        self.reset_parameters()

    def reset_parameters(self):
        torch.nn.init.constant_(self.weight, self.init)

    def forward(self, input):
        if self.num_parameters == 1:
            slope = self.weight[0]
        else:
            channels = input.shape[1] if input.dim() >= 2 else 1
            if channels != self.num_parameters:
                raise ValueError(f"Mismatch of parameter numbers and input channel size. Found parameter "
                                 f"numbers = {self.num_parameters} and channel size = {channels}.")
            shape = [1] * input.dim()
            shape[1] = self.num_parameters
            slope = self.weight.view(shape)
        positive = (input > 0).to(input.dtype)
        return input * positive + slope * input * (1 - positive)

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"
