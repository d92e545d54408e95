"""LeCun uniform bound 1 / sqrt(fan_in): sqrt(3) missing."""
import math

import torch

COMPONENT = "lecun_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are too small by a constant factor (about 1.73): 1/sqrt(fan_in) is the target'
        ' standard deviation, and U(-b, b) has variance b^2 / 3. Re-read handout section 6.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def lecun_uniform_(tensor, generator=None):
    fan_in, _ = _fans(tensor)
    bound = 1.0 / math.sqrt(fan_in)
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)
