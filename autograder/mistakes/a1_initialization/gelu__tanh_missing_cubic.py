"""tanh approximation without the 0.044715 x^3 term."""
import math

import torch

COMPONENT = "gelu"
FILE = "activations.py"
HINT = ("Your approximate='tanh' GELU misses part of the tanh's argument: it is sqrt(2/pi) * (x + "
        '0.044715 x^3). Re-read the formula in the docstring (handout section 10).')


def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate argument must be either none or tanh, got {approximate!r}")
    if approximate == "tanh":
        return 0.5 * input * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * input))
    return 0.5 * input * (1.0 + torch.erf(input / math.sqrt(2.0)))
