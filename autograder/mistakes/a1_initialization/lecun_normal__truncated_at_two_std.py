"""Clamped at two std (an attempt at Keras-style truncation): spread 4% small, a pile at +-2 std."""
import math

import torch

COMPONENT = "lecun_normal_"
FILE = "initializers.py"
HINT = ("Your weights' spread is about 4% too small and about 5% of them sit exactly at two standard"
        " deviations: clamping is not truncating, and this course's lecun_normal_ is a plain, untruncated"
        " normal (the docstring says so). Re-read handout section 6.")


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def lecun_normal_(tensor, generator=None):
    fan_in, _ = _fans(tensor)
    std = 1.0 / math.sqrt(fan_in)
    with torch.no_grad():
        tensor.normal_(0.0, std, generator=generator)
        return tensor.clamp_(-2 * std, 2 * std)
