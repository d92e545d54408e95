"""tanh given gain 1, like sigmoid."""
import math

import torch

COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ("Your gain for 'tanh' is wrong: torch uses 5/3 for tanh (only sigmoid and the linear/conv "
        'names get 1). Check the table in the docstring and handout section 4.')


def calculate_gain(nonlinearity, param=None):
    if nonlinearity not in ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                            "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"):
        raise ValueError(f"Unsupported nonlinearity {nonlinearity}")
    if nonlinearity == "leaky_relu" and param is not None:
        if isinstance(param, bool) or not isinstance(param, (int, float)):
            raise ValueError(f"negative_slope {param} not a valid number")
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    return 1.0
