"""The uniform bound sqrt(6 / (fan_in + fan_out)) used as the std."""
import math

import torch

COMPONENT = "xavier_normal_"
FILE = "initializers.py"
HINT = ('Your weights are too large by a constant factor (about 1.73): the sqrt(3) belongs to the '
        "uniform's bound, not to the normal's standard deviation. Re-read handout section 3.")


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def xavier_normal_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _fans(tensor)
    std = gain * math.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)
