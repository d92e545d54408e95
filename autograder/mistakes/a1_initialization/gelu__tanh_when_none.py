"""The tanh approximation used even when approximate='none'."""
import math

import torch

COMPONENT = "gelu"
FILE = "activations.py"
HINT = ("Your GELU with approximate='none' differs from torch by about 1e-4: that is the size of "
        "the tanh approximation's error. The default is the exact x * Phi(x), with Phi written "
        'through erf. Re-read handout section 10.')


def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate argument must be either none or tanh, got {approximate!r}")
    inner = math.sqrt(2.0 / math.pi) * (input + 0.044715 * input ** 3)
    return 0.5 * input * (1.0 + torch.tanh(inner))
