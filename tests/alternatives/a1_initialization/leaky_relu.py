"""x times a per-element slope chosen by the sign of x."""
import math

import torch

COMPONENT = "leaky_relu"
FILE = "activations.py"


def leaky_relu(input, negative_slope=0.01, inplace=False):
    slope = torch.where(input > 0, torch.ones_like(input), torch.full_like(input, negative_slope))
    result = input * slope  # the slope is a constant of x, so d/dx = slope, negative_slope at 0
    if inplace:
        input.copy_(result)
        return input
    return result
