"""Bound sqrt(3 / fan_in), fan_in from the size of one output's slice."""
import math

import torch

COMPONENT = "lecun_uniform_"
FILE = "initializers.py"


def lecun_uniform_(tensor, generator=None):
    if tensor.numel() == 0:
        return tensor
    fan_in = tensor[0].numel()  # everything one output unit sums over: in_features * kernel
    bound = math.sqrt(3.0 / fan_in)
    with torch.no_grad():
        tensor.uniform_(-bound, bound, generator=generator)
    return tensor
