"""SELU's scale and alpha swapped."""
import math

import torch

COMPONENT = "selu"
FILE = "activations.py"
HINT = ("Your SELU's constants are exchanged: alpha (about 1.673) multiplies exp(x) - 1 in the "
        'negative branch, and the scale lambda (about 1.051) multiplies everything. Re-read handout'
        ' section 9.')


def selu(input, inplace=False):
    alpha, scale = 1.0507009873554804934193349852946, 1.6732632423543772848170429916717
    negative = alpha * torch.expm1(torch.where(input > 0, 0.0, input))
    result = scale * torch.where(input > 0, input, negative)
    return input.copy_(result) if inplace else result
