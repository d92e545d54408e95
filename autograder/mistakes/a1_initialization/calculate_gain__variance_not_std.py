"""Gains returned as variance factors (2 for ReLU, 25/9 for tanh) rather than their square roots."""
import math

import torch

COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ('Your gains look squared: the gain multiplies the standard deviation of the weights, not '
        'their variance. Re-read handout section 4.')


def calculate_gain(nonlinearity, param=None):
    if nonlinearity not in ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                            "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"):
        raise ValueError(f"Unsupported nonlinearity {nonlinearity}")
    if nonlinearity == "leaky_relu" and param is not None:
        if isinstance(param, bool) or not isinstance(param, (int, float)):
            raise ValueError(f"negative_slope {param} not a valid number")
    if nonlinearity == "tanh":
        return 25.0 / 9
    if nonlinearity == "relu":
        return 2.0
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return 2.0 / (1 + slope ** 2)
    if nonlinearity == "selu":
        return 9.0 / 16
    return 1.0
