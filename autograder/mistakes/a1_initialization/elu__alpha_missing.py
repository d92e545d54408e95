"""alpha ignored: x for x > 0, exp(x) - 1 otherwise."""
import math

import torch

COMPONENT = "elu"
FILE = "activations.py"
HINT = ('Your ELU is right for alpha=1 only: alpha scales the negative branch, alpha * (exp(x) - '
        '1), and so its limit for very negative x. Re-read handout section 9.')


def elu(input, alpha=1.0, inplace=False):
    negative = torch.expm1(torch.where(input > 0, 0.0, input))
    result = torch.where(input > 0, input, negative)
    return input.copy_(result) if inplace else result
