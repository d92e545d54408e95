"""Glorot's 2 / (fan_in + fan_out) used instead of 1 / fan_in."""
import math

import torch

COMPONENT = "lecun_normal_"
FILE = "initializers.py"
HINT = ("Your weights are right for square layers only: that is Glorot's average of the fans. LeCun"
        ' uses fan_in alone. Re-read handout section 6.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def lecun_normal_(tensor, generator=None):
    fan_in, fan_out = _fans(tensor)
    std = math.sqrt(2.0 / (fan_in + fan_out))
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)
