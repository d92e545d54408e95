"""fan_out used instead of fan_in."""
import math

import torch

COMPONENT = "lecun_uniform_"
FILE = "initializers.py"
HINT = ("Your weights are right for square layers only: LeCun's variance is 1 / fan_in (the number "
        'of inputs each output sums). Re-read handout sections 2 and 6.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def lecun_uniform_(tensor, generator=None):
    _, fan_out = _fans(tensor)
    bound = math.sqrt(3.0 / fan_out)
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)
