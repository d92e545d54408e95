"""BatchNormFunction backward without the Σdy term: the path through the batch mean is forgotten."""
import torch

COMPONENT = "BatchNormFunction"
FILE = "normalization.py"
HINT = ("Your gradient of x is wrong while the gradients of weight and bias are right: adding a constant "
        "to every upstream gradient of a channel should not change dx (the mean subtraction "
        "absorbs it), but it changes yours. One path from x to the loss, through the mean, is "
        "missing. Re-read handout section 3 (the backward pass, by hand).")


class BatchNormFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias, eps=1e-5):
        c = x.shape[1]
        if weight is None:
            weight = torch.ones(c, device=x.device, dtype=x.dtype)
        if bias is None:
            bias = torch.zeros(c, device=x.device, dtype=x.dtype)
        dims = [0] + list(range(2, x.dim()))
        shape = [1, -1] + [1] * (x.dim() - 2)
        mean = x.mean(dim=dims, keepdim=True)
        var = x.var(dim=dims, keepdim=True, correction=0)
        inv_std = 1.0 / torch.sqrt(var + eps)
        x_hat = (x - mean) * inv_std
        ctx.save_for_backward(x_hat, inv_std, weight)
        return x_hat * weight.reshape(shape) + bias.reshape(shape)

    @staticmethod
    def backward(ctx, dy):
        x_hat, inv_std, weight = ctx.saved_tensors
        dims = [0] + list(range(2, dy.dim()))
        shape = [1, -1] + [1] * (dy.dim() - 2)
        m = dy.numel() // dy.shape[1]
        sum_dy = dy.sum(dim=dims, keepdim=True)
        sum_dy_x_hat = (dy * x_hat).sum(dim=dims, keepdim=True)
        gamma = weight.reshape(shape)
        grad_x = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_x = gamma * inv_std / m * (m * dy - x_hat * sum_dy_x_hat)
        if ctx.needs_input_grad[1]:
            grad_weight = sum_dy_x_hat.reshape(-1)
        if ctx.needs_input_grad[2]:
            grad_bias = sum_dy.reshape(-1)
        return grad_x, grad_weight, grad_bias, None
