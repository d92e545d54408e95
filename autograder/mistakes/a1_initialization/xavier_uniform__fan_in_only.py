"""Only fan_in used (LeCun's bound instead of Glorot's average)."""
import math

import torch

COMPONENT = "xavier_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are right for square layers only. Xavier/Glorot balances the forward '
        'condition (fan_in) and the backward one (fan_out): which average of the two appears in its'
        ' variance? Handout section 3.')


def _fans(tensor):
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def xavier_uniform_(tensor, gain=1.0, generator=None):
    fan_in, _ = _fans(tensor)
    bound = gain * math.sqrt(3.0 / fan_in)
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)
