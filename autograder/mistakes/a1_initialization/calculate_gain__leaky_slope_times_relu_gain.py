"""Leaky ReLU gain computed as sqrt(2) * negative_slope (the slope used as the gain)."""
import math

import torch

COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ('Your leaky_relu gain is far too small: the negative slope is not the gain. The gain undoes'
        ' the loss of second moment through the nonlinearity; compute E[leaky_relu(x)^2] for x ~ '
        'N(0, 1). Re-read handout section 4.')


def calculate_gain(nonlinearity, param=None):
    if nonlinearity not in ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                            "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"):
        raise ValueError(f"Unsupported nonlinearity {nonlinearity}")
    if nonlinearity == "leaky_relu" and param is not None:
        if isinstance(param, bool) or not isinstance(param, (int, float)):
            raise ValueError(f"negative_slope {param} not a valid number")
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0) * slope
    if nonlinearity == "selu":
        return 3.0 / 4
    return 1.0
