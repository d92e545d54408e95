"""alpha multiplies the positive branch too."""
import math

import torch

COMPONENT = "elu"
FILE = "activations.py"
HINT = ('Your ELU is right for alpha=1 only: alpha multiplies the negative branch alone; for x > 0,'
        ' elu(x) = x. Re-read handout section 9.')


def elu(input, alpha=1.0, inplace=False):
    negative = torch.expm1(torch.where(input > 0, 0.0, input))
    result = alpha * torch.where(input > 0, input, negative)
    return input.copy_(result) if inplace else result
