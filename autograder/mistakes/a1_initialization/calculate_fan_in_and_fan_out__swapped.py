"""Fans swapped: fan_in read from dim 0, fan_out from dim 1."""
import math

import torch

COMPONENT = "calculate_fan_in_and_fan_out"
FILE = "initializers.py"
HINT = ('Your fan_in and fan_out are exchanged. A Linear(in, out) weight has shape [out, in]: which'
        ' dimension counts the inputs each output sums over? Re-read handout section 2.')


def calculate_fan_in_and_fan_out(tensor):
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    fan_in = tensor.shape[0] * receptive_field
    fan_out = tensor.shape[1] * receptive_field
    return fan_in, fan_out
