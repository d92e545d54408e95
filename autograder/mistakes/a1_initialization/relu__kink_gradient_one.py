"""Custom backward with x >= 0: relu'(0) = 1 instead of torch's 0."""
import math

import torch

COMPONENT = "relu"
FILE = "activations.py"
HINT = ("Your values are right but the gradient at exactly x = 0 is 1, and torch's convention is "
        "relu'(0) = 0 (the derivative of the branch for x <= 0). Check which comparison picks the "
        'branch. Re-read the kink convention in handout section 7.')


class _ReLUFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        (input,) = ctx.saved_tensors
        return grad_output * (input >= 0).to(grad_output.dtype)


def relu(input, inplace=False):
    result = _ReLUFunction.apply(input)
    return input.copy_(result) if inplace else result
