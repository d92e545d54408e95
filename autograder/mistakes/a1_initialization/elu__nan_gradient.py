"""exp evaluated on every input inside torch.where: gradient NaN for large x."""
import math

import torch

COMPONENT = "elu"
FILE = "activations.py"
HINT = ('Your values are right but the gradient becomes NaN for large positive inputs: torch.where '
        'differentiates both branches, exp(x) overflows to inf, and 0 * inf = nan. Only '
        'exponentiate the non-positive inputs. Re-read the activations module docstring and handout'
        ' section 9.')


def elu(input, alpha=1.0, inplace=False):
    result = torch.where(input > 0, input, alpha * (torch.exp(input) - 1))
    return input.copy_(result) if inplace else result
