"""Bound written as sqrt(3 gain^2 / fan), gain recomputed locally."""
import math

import torch

COMPONENT = "kaiming_uniform_"
FILE = "initializers.py"


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


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    if tensor.numel() == 0:
        return tensor
    fans = dict(zip(("fan_in", "fan_out"), _fans(tensor)))
    if mode.lower() not in fans:
        raise ValueError(f"Mode {mode} not supported, please use one of {list(fans)}")
    bound = math.sqrt(3.0 * _gain(nonlinearity, a) ** 2 / fans[mode.lower()])
    with torch.no_grad():
        tensor.uniform_(-bound, bound, generator=generator)
    return tensor
