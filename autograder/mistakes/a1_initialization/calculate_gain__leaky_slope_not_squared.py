"""Leaky ReLU gain sqrt(2 / (1 + slope)) instead of sqrt(2 / (1 + slope^2))."""
import math

import torch

COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ('Your leaky_relu gain is off for slopes other than 0. Work out the second moment of '
        'leaky_relu(x) for a symmetric x: the negative half is multiplied by the slope, so its '
        'square is multiplied by ... Re-read handout section 4.')


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
        return math.sqrt(2.0 / (1 + slope))
    if nonlinearity == "selu":
        return 3.0 / 4
    return 1.0
