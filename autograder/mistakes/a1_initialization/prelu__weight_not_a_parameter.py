"""The slopes are a plain tensor: no gradient, invisible to the optimizer."""
import math

import torch

COMPONENT = "PReLU"
FILE = "activations.py"
HINT = ('Your PReLU computes the right values but its slopes never learn: the weight must be a '
        'torch.nn.Parameter so it appears in module.parameters() and receives a gradient. Re-read '
        'handout section 8.')


class PReLU(torch.nn.Module):
    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init

        self.weight = torch.full((num_parameters,), float(init), device=device, dtype=dtype)

    def reset_parameters(self):
        self.weight.fill_(self.init)

    def forward(self, input):
        slope = self.weight.reshape(-1, *([1] * (input.dim() - 2))) if self.num_parameters > 1 else self.weight
        return torch.where(input > 0, input, slope * input)

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"
