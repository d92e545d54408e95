"""erf(x) instead of erf(x / sqrt(2))."""
import math

import torch

COMPONENT = "gelu"
FILE = "activations.py"
HINT = ('Your exact GELU is off: the standard normal CDF is Phi(x) = (1 + erf(x / sqrt(2))) / 2; '
        'erf alone belongs to a normal with variance 1/2. Re-read handout section 10.')


def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate argument must be either none or tanh, got {approximate!r}")
    if approximate == "tanh":
        inner = math.sqrt(2.0 / math.pi) * (input + 0.044715 * input ** 3)
        return 0.5 * input * (1.0 + torch.tanh(inner))
    return 0.5 * input * (1.0 + torch.erf(input))
