"""Parentheses wrong: gain * sqrt(6) / (fan_in + fan_out)."""
import math

import torch

COMPONENT = "xavier_uniform_"
FILE = "initializers.py"
HINT = ('Your bound shrinks far too fast as the layer grows: the square root must cover the whole '
        "fraction 6 / (fan_in + fan_out). Check your parentheses against the docstring's formula "
        '(handout section 3).')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def xavier_uniform_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _fans(tensor)
    bound = gain * math.sqrt(6.0) / (fan_in + fan_out)
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)
