"""std fan_in ** -0.5."""
import math

import torch

COMPONENT = "lecun_normal_"
FILE = "initializers.py"


def lecun_normal_(tensor, generator=None):
    if tensor.numel() == 0:
        return tensor
    fan_in = tensor[0].numel()
    with torch.no_grad():
        tensor.normal_(0.0, fan_in ** -0.5, generator=generator)
    return tensor
