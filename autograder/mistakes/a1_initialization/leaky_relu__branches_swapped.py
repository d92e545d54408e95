"""Slope applied to the positive side instead of the negative side."""
import math

import torch

COMPONENT = "leaky_relu"
FILE = "activations.py"
HINT = ('Your function scales the positive inputs by the slope and passes the negative ones '
        'through: it is the other way round. Re-read handout section 8.')


def leaky_relu(input, negative_slope=0.01, inplace=False):
    result = torch.where(input > 0, negative_slope * input, input)
    return input.copy_(result) if inplace else result
