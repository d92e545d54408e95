"""SELU with exp(min(x, 0)) - 1 and the constants inline."""
import math

import torch

COMPONENT = "selu"
FILE = "activations.py"


def selu(input, inplace=False):
    alpha = 1.6732632423543772848170429916717
    scale = 1.0507009873554804934193349852946
    result = scale * torch.where(input > 0, input, alpha * (torch.exp(torch.clamp(input, max=0)) - 1))
    if inplace:
        input.copy_(result)
        return input
    return result
