"""A torch.autograd.Function whose backward reuses the output: elu'(x) = elu(x) + alpha for x <= 0."""
import math

import torch

COMPONENT = "elu"
FILE = "activations.py"


class _ELU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input, alpha):
        output = torch.where(input > 0, input, alpha * torch.expm1(input.clamp(max=0)))
        ctx.save_for_backward(input, output)
        ctx.alpha = alpha
        return output

    @staticmethod
    def backward(ctx, grad_output):
        input, output = ctx.saved_tensors
        local = torch.where(input > 0, torch.ones_like(output), output + ctx.alpha)
        return grad_output * local, None


def elu(input, alpha=1.0, inplace=False):
    result = _ELU.apply(input, alpha)
    if inplace:
        input.copy_(result)
        return input
    return result
