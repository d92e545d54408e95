"""Fans from math.prod over the kernel dimensions."""
import math

import torch

COMPONENT = "calculate_fan_in_and_fan_out"
FILE = "initializers.py"


def calculate_fan_in_and_fan_out(tensor):
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    out_features, in_features, *kernel = tensor.shape
    receptive_field = math.prod(kernel)
    return in_features * receptive_field, out_features * receptive_field
