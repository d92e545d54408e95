"""std = 1 / fan_in (the variance used as the std)."""
import math

import torch

COMPONENT = "lecun_normal_"
FILE = "initializers.py"
HINT = ('Your weights are much too small: 1 / fan_in is the target variance, and normal_ takes a '
        'standard deviation. Re-read handout section 6.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def lecun_normal_(tensor, generator=None):
    fan_in, _ = _fans(tensor)
    std = 1.0 / fan_in
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)
