"""Receptive field taken from the last dimension only: right for Conv1d, wrong for Conv2d/3d."""
import math

import torch

COMPONENT = "calculate_fan_in_and_fan_out"
FILE = "initializers.py"
HINT = ('Your fans are right for Linear and Conv1d weights but not for 2-D or 3-D kernels: the '
        'receptive field is the product of all the kernel dimensions (everything after dim 1). Re-'
        'read handout section 2.')


def calculate_fan_in_and_fan_out(tensor):
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive_field = tensor.shape[-1] if tensor.dim() > 2 else 1
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field
