"""std written as sqrt(gain^2 / fan)."""
import math

import torch

COMPONENT = "kaiming_normal_"
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


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    if tensor.numel() == 0:
        return tensor
    fan_in, fan_out = _fans(tensor)
    if mode.lower() not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of ['fan_in', 'fan_out']")
    fan = {"fan_in": fan_in, "fan_out": fan_out}[mode.lower()]
    with torch.no_grad():
        tensor.normal_(0.0, math.sqrt(_gain(nonlinearity, a) ** 2 / fan), generator=generator)
    return tensor
