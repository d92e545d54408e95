"""Convolution kernels ignored: fans are just shape[1] and shape[0]."""
import math

import torch

COMPONENT = "calculate_fan_in_and_fan_out"
FILE = "initializers.py"
HINT = ('Your fans are right for Linear weights but too small for convolution weights: each output '
        'of a convolution sums over in_channels times every kernel position. Re-read handout '
        'section 2 on the receptive field.')


def calculate_fan_in_and_fan_out(tensor):
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    return tensor.shape[1], tensor.shape[0]
