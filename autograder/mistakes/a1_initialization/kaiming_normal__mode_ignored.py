"""mode ignored: always fan_in."""
import math

import torch

COMPONENT = "kaiming_normal_"
FILE = "initializers.py"
HINT = ("Your weights are right with mode='fan_in' but not with mode='fan_out' on a non-square "
        'layer: the mode chooses which fan sets the variance (forward or backward condition). Re-'
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
    fan_in, _ = _fans(tensor)
    std = _gain(nonlinearity, a) / math.sqrt(fan_in)
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)
