"""LayerNorm by flattening: the trailing dims become one row per sample, normalized with torch.var_mean."""
import math

import torch

COMPONENT = "LayerNorm"
FILE = "normalization.py"


class LayerNorm(torch.nn.Module):
    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, bias=True, device=None, dtype=None):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = [normalized_shape]
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        make = dict(device=device, dtype=dtype)
        self.weight = torch.nn.Parameter(torch.ones(self.normalized_shape, **make)) if elementwise_affine else None
        self.bias = (torch.nn.Parameter(torch.zeros(self.normalized_shape, **make))
                     if elementwise_affine and bias else None)

    def forward(self, x):
        k = len(self.normalized_shape)
        if tuple(x.shape[x.dim() - k:]) != self.normalized_shape:
            raise RuntimeError(f"expected input of shape [*, {self.normalized_shape}], got {tuple(x.shape)}")
        rows = x.reshape(-1, math.prod(self.normalized_shape))
        var, mean = torch.var_mean(rows, dim=1, keepdim=True, correction=0)
        out = ((rows - mean) / torch.sqrt(var + self.eps)).reshape(x.shape)
        if self.weight is not None:
            out = out * self.weight
        if self.bias is not None:
            out = out + self.bias
        return out
