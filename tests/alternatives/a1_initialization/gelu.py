"""x * Phi(x) with Phi via erfc; the tanh form as x * sigmoid(2 z)."""
import math

import torch

COMPONENT = "gelu"
FILE = "activations.py"


def gelu(input, approximate="none"):
    if approximate == "none":
        return input * 0.5 * torch.erfc(-input / math.sqrt(2.0))
    if approximate == "tanh":
        z = math.sqrt(2.0 / math.pi) * (input + 0.044715 * input * input * input)
        return input * torch.sigmoid(2.0 * z)  # (1 + tanh(z)) / 2 = sigmoid(2 z)
    raise ValueError(f"approximate argument must be either none or tanh, got {approximate!r}")
