"""GroupNorm splitting the channels the wrong way: (N, C/G, G, ...) puts channels c, c+G, c+2G, ... in a group."""
import torch

COMPONENT = "GroupNorm"
FILE = "normalization.py"
HINT = ("Your GroupNorm is right for num_groups=1 and num_groups=C but wrong in between: the channels "
        "are grouped wrongly. A group is C/G *consecutive* channels (0..C/G-1, then C/G..2C/G-1, "
        "...), so the group index must be the outer one when you reshape dim 1. Re-read "
        "handout section 4 (group normalization).")


class GroupNorm(torch.nn.Module):
    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, device=None, dtype=None, *, bias=True):
        super().__init__()
        factory_kwargs = {"device": device, "dtype": dtype}
        if num_channels % num_groups != 0:
            raise ValueError("num_channels must be divisible by num_groups")
        self.num_groups = num_groups
        self.num_channels = num_channels
        self.eps = eps
        self.affine = affine
        if affine:
            self.weight = torch.nn.Parameter(torch.ones(num_channels, **factory_kwargs))
            if bias:
                self.bias = torch.nn.Parameter(torch.zeros(num_channels, **factory_kwargs))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def forward(self, x):
        n, c = x.shape[0], x.shape[1]
        grouped = x.reshape(n, c // self.num_groups, self.num_groups, -1)   # group index inner
        mean = grouped.mean(dim=(1, 3), keepdim=True)
        var = grouped.var(dim=(1, 3), keepdim=True, correction=0)
        y = ((grouped - mean) / torch.sqrt(var + self.eps)).reshape(x.shape)
        shape = [1, -1] + [1] * (x.dim() - 2)
        if self.weight is not None:
            y = y * self.weight.reshape(shape)
        if self.bias is not None:
            y = y + self.bias.reshape(shape)
        return y
