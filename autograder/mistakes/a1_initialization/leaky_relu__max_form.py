"""leaky_relu(x) = max(x, slope * x): wrong for slope > 1 and at the kink."""
import math

import torch

COMPONENT = "leaky_relu"
FILE = "activations.py"
HINT = ('max(x, slope * x) equals leaky ReLU only for slopes below 1, and at x = 0 autograd splits '
        'the gradient of the tie. Leaky ReLU is defined by the sign of x, not by a maximum. Re-read'
        ' handout section 8.')


def leaky_relu(input, negative_slope=0.01, inplace=False):
    result = torch.maximum(input, negative_slope * input)
    return input.copy_(result) if inplace else result
