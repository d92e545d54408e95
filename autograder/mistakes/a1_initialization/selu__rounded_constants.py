"""Constants rounded to 1.67 and 1.05."""
import math

import torch

COMPONENT = "selu"
FILE = "activations.py"
HINT = ('Your SELU is close but off by about 0.1%: its constants are the exact solutions of the '
        'fixed-point equations, not round numbers. Use them to full precision (handout section 9).')


def selu(input, inplace=False):
    alpha, scale = 1.67, 1.05
    negative = alpha * torch.expm1(torch.where(input > 0, 0.0, input))
    result = scale * torch.where(input > 0, input, negative)
    return input.copy_(result) if inplace else result
