"""The negative slope a is not passed to the gain."""
import math

import torch

COMPONENT = "kaiming_normal_"
FILE = "initializers.py"
HINT = ('Your weights are right for a=0 but ignore the negative slope a: with '
        "nonlinearity='leaky_relu' the gain depends on it (calculate_gain(nonlinearity, a)). Re-"
        'read handout section 5.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def _gain(nonlinearity, param=None):
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    return 1.0


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    fan_in, fan_out = _fans(tensor)
    fan = fan_in if mode.lower() == "fan_in" else fan_out
    std = _gain(nonlinearity) / math.sqrt(fan)
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)
