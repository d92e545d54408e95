"""Default negative_slope 0.3 (Keras' old default) instead of torch's 0.01."""
import math

import torch

COMPONENT = "leaky_relu"
FILE = "activations.py"
HINT = ("Your function is right when the slope is given, but the default slope differs from torch's"
        ' (negative_slope=0.01). Check the signature in the docstring.')


def leaky_relu(input, negative_slope=0.3, inplace=False):
    result = torch.where(input > 0, input, negative_slope * input)
    return input.copy_(result) if inplace else result
