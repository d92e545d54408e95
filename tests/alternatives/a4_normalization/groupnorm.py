"""GroupNorm one group at a time: slice the group's channels, normalize per sample, concatenate."""
import torch

COMPONENT = "GroupNorm"
FILE = "normalization.py"


class GroupNorm(torch.nn.Module):
    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, device=None, dtype=None, *, bias=True):
        super().__init__()
        if num_channels % num_groups:
            raise ValueError(f"num_channels ({num_channels}) must be divisible by num_groups ({num_groups})")
        self.num_groups, self.num_channels, self.eps, self.affine = num_groups, num_channels, eps, affine
        self.weight = torch.nn.Parameter(torch.ones(num_channels, device=device, dtype=dtype)) if affine else None
        self.bias = (torch.nn.Parameter(torch.zeros(num_channels, device=device, dtype=dtype))
                     if affine and bias else None)

    def forward(self, x):
        size = self.num_channels // self.num_groups
        sample_dims = tuple(range(1, x.dim()))          # one group of one sample: all but the batch dim
        pieces = []
        for g in range(self.num_groups):
            part = x[:, g * size:(g + 1) * size]
            mean = part.mean(dim=sample_dims, keepdim=True)
            var = ((part - mean) ** 2).mean(dim=sample_dims, keepdim=True)
            pieces.append((part - mean) / torch.sqrt(var + self.eps))
        out = torch.cat(pieces, dim=1)
        view = [1, self.num_channels] + [1] * (x.dim() - 2)
        if self.weight is not None:
            out = out * self.weight.view(view)
        if self.bias is not None:
            out = out + self.bias.view(view)
        return out
