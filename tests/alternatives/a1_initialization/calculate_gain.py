"""Gains from a lookup table."""
import math

import torch

COMPONENT = "calculate_gain"
FILE = "initializers.py"


_FIXED_GAINS = {"linear": 1.0, "conv1d": 1.0, "conv2d": 1.0, "conv3d": 1.0, "conv_transpose1d": 1.0,
                "conv_transpose2d": 1.0, "conv_transpose3d": 1.0, "sigmoid": 1.0, "tanh": 5.0 / 3,
                "relu": 2.0 ** 0.5, "selu": 0.75}


def calculate_gain(nonlinearity, param=None):
    if nonlinearity == "leaky_relu":
        if param is None:
            param = 0.01
        elif isinstance(param, bool) or not isinstance(param, (int, float)):
            raise ValueError(f"negative_slope {param} not a valid number")
        return (2.0 / (1.0 + param * param)) ** 0.5
    if nonlinearity not in _FIXED_GAINS:
        raise ValueError(f"Unsupported nonlinearity {nonlinearity}")
    return _FIXED_GAINS[nonlinearity]
