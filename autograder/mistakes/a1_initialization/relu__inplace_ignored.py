"""inplace=True returns a new tensor and leaves the input untouched."""
import math

import torch

COMPONENT = "relu"
FILE = "activations.py"
HINT = ('With inplace=True, torch writes the result into the input tensor and returns that same '
        'tensor; yours returns a new tensor and leaves the input unchanged. Re-read the relu '
        'docstring.')


def relu(input, inplace=False):
    return torch.where(input <= 0, 0.0, input)
