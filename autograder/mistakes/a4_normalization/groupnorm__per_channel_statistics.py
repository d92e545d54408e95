"""GroupNorm ignoring num_groups: every channel of every sample is normalized alone (instance norm)."""
import torch

COMPONENT = "GroupNorm"
FILE = "normalization.py"
HINT = ("Your GroupNorm only matches torch when num_groups equals num_channels. The statistics of a "
        "group are taken over all of its channels (and all positions) together, not per channel. "
        "Re-read handout section 4 (group normalization).")


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
        flat = x.reshape(n, c, -1)
        mean = flat.mean(dim=-1, keepdim=True)
        var = flat.var(dim=-1, keepdim=True, correction=0)
        y = ((flat - mean) / torch.sqrt(var + self.eps)).reshape(x.shape)
        shape = [1, -1] + [1] * (x.dim() - 2)
        if self.weight is not None:
            y = y * self.weight.reshape(shape)
        if self.bias is not None:
            y = y + self.bias.reshape(shape)
        return y
