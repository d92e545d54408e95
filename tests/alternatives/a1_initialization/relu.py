"""A torch.autograd.Function with a hand-written backward (mask x > 0)."""
import math

import torch

COMPONENT = "relu"
FILE = "activations.py"


class _ReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        positive = input > 0
        ctx.save_for_backward(positive)
        return torch.where(input <= 0, torch.zeros_like(input), input)

    @staticmethod
    def backward(ctx, grad_output):
        (positive,) = ctx.saved_tensors
        return grad_output * positive.to(grad_output.dtype)  # relu'(0) = 0, like torch


def relu(input, inplace=False):
    result = _ReLU.apply(input)
    if inplace:
        input.copy_(result)
        return input
    return result
