"""BatchNormFunction backward differentiating the variance as if it divided by m - 1."""
import torch

COMPONENT = "BatchNormFunction"
FILE = "normalization.py"
HINT = ("Your gradient of x is slightly off, by a relative amount near 1/m. The forward pass uses the "
        "biased variance (1/m) Σ (x - μ)², so its derivative carries 1/m, not 1/(m - 1). Re-read "
        "handout section 3 (the backward pass, by hand).")


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
            grad_x = gamma * inv_std * (dy - sum_dy / m - x_hat * sum_dy_x_hat / (m - 1))
        if ctx.needs_input_grad[1]:
            grad_weight = sum_dy_x_hat.reshape(-1)
        if ctx.needs_input_grad[2]:
            grad_bias = sum_dy.reshape(-1)
        return grad_x, grad_weight, grad_bias, None
