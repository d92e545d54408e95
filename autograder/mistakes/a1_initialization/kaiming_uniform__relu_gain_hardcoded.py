"""Gain hard-coded to sqrt(2), whatever the nonlinearity."""
import math

import torch

COMPONENT = "kaiming_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are right for ReLU but not for other nonlinearities or slopes: the gain must '
        'come from calculate_gain(nonlinearity, a), not a constant. Re-read handout section 5.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    fan_in, fan_out = _fans(tensor)
    fan = fan_in if mode.lower() == "fan_in" else fan_out
    std = math.sqrt(2.0 / fan)
    bound = math.sqrt(3.0) * std
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)
