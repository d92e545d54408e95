"""Per-channel slopes broadcast against the last dim instead of dim 1."""
import math

import torch

COMPONENT = "PReLU"
FILE = "activations.py"
HINT = ('Your PReLU is right on [N, C] inputs but not on [N, C, L] or images: a weight of shape [C]'
        ' broadcasts against the last dimension, and the channels are dim 1. Reshape the slopes so '
        'they line up with dim 1. Re-read handout section 8.')


class PReLU(torch.nn.Module):
    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init

        self.weight = torch.nn.Parameter(torch.full((num_parameters,), float(init), device=device, dtype=dtype))

    def reset_parameters(self):
        with torch.no_grad():
            self.weight.fill_(self.init)

    def forward(self, input):
        return torch.where(input > 0, input, self.weight * input)

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"
