"""Xavier uniform bound set to the std: sqrt(3) missing."""
import math

import torch

COMPONENT = "xavier_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are too small by a constant factor (about 1.73). You used the target standard'
        ' deviation as the uniform bound: what is the variance of U(-b, b)? Re-read handout section'
        ' 3.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def xavier_uniform_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _fans(tensor)
    bound = gain * math.sqrt(2.0 / (fan_in + fan_out))
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)
