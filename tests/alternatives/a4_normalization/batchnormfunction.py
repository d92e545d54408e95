"""BatchNormFunction with the backward pass staged along the graph: dx̂, then dσ², then dμ, then dx."""
import torch

COMPONENT = "BatchNormFunction"
FILE = "normalization.py"


class BatchNormFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias, eps=1e-5):
        dims = [0] + list(range(2, x.dim()))
        view = [1, -1] + [1] * (x.dim() - 2)
        mu = x.mean(dim=dims, keepdim=True)
        centered = x - mu
        var = (centered * centered).mean(dim=dims, keepdim=True)
        std = torch.sqrt(var + eps)
        x_hat = centered / std
        gamma = weight.view(view) if weight is not None else torch.ones_like(std)
        ctx.save_for_backward(centered, std, gamma)
        out = gamma * x_hat
        return out + bias.view(view) if bias is not None else out

    @staticmethod
    def backward(ctx, dy):
        centered, std, gamma = ctx.saved_tensors
        dims = [0] + list(range(2, dy.dim()))
        m = dy.numel() // dy.shape[1]
        x_hat = centered / std
        d_x_hat = dy * gamma
        d_var = (d_x_hat * centered).sum(dim=dims, keepdim=True) * (-0.5) * std ** -3
        d_mu = -(d_x_hat / std).sum(dim=dims, keepdim=True) + d_var * (-2.0 / m) * centered.sum(dim=dims, keepdim=True)
        dx = d_x_hat / std + d_var * 2.0 * centered / m + d_mu / m
        needs = ctx.needs_input_grad
        return (dx if needs[0] else None,
                (dy * x_hat).sum(dim=dims).flatten() if needs[1] else None,
                dy.sum(dim=dims).flatten() if needs[2] else None,
                None)
