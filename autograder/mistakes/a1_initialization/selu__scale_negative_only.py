"""scale applied to the negative branch only."""
import math

import torch

COMPONENT = "selu"
FILE = "activations.py"
HINT = ('Your SELU is right for negative inputs but not for positive ones: the scale lambda '
        'multiplies both branches. Re-read handout section 9.')


def selu(input, inplace=False):
    alpha, scale = 1.6732632423543772848170429916717, 1.0507009873554804934193349852946
    negative = scale * alpha * torch.expm1(torch.where(input > 0, 0.0, input))
    result = torch.where(input > 0, input, negative)
    return input.copy_(result) if inplace else result
