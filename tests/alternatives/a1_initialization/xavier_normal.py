"""std written as gain / sqrt of the mean fan."""
import math

import torch

COMPONENT = "xavier_normal_"
FILE = "initializers.py"


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def xavier_normal_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _fans(tensor)
    mean_fan = (fan_in + fan_out) / 2
    with torch.no_grad():
        tensor.normal_(mean=0.0, std=gain / math.sqrt(mean_fan), generator=generator)
    return tensor
