"""He's bound sqrt(6 / fan_in) (variance 2 / fan_in) instead of LeCun's."""
import math

import torch

COMPONENT = "lecun_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are too large by about 1.41: the factor 2 belongs to He/Kaiming (ReLU halves '
        "the second moment); LeCun's variance is 1 / fan_in. Re-read handout section 6.")


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def lecun_uniform_(tensor, generator=None):
    fan_in, _ = _fans(tensor)
    bound = math.sqrt(6.0 / fan_in)
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)
