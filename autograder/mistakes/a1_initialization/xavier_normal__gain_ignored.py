"""The gain argument is ignored."""
import math

import torch

COMPONENT = "xavier_normal_"
FILE = "initializers.py"
HINT = ('Your weights are right for gain=1 but do not change with the gain argument, which scales '
        'the standard deviation. Re-read handout sections 3 and 4.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def xavier_normal_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _fans(tensor)
    std = math.sqrt(2.0 / (fan_in + fan_out))
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)
