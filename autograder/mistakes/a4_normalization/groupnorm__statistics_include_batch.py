"""GroupNorm averaging over the batch as well: one mean and variance per group for the whole batch."""
import torch

COMPONENT = "GroupNorm"
FILE = "normalization.py"
HINT = ("Your GroupNorm output for one sample changes when the other samples change. Group norm, like "
        "layer norm, normalizes each sample on its own: average over the group's channels and "
        "positions, never over the batch dim. Re-read handout section 4 (group normalization).")


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
        grouped = x.reshape(n, self.num_groups, -1)
        mean = grouped.mean(dim=(0, 2), keepdim=True)
        var = grouped.var(dim=(0, 2), keepdim=True, correction=0)
        y = ((grouped - mean) / torch.sqrt(var + self.eps)).reshape(x.shape)
        shape = [1, -1] + [1] * (x.dim() - 2)
        if self.weight is not None:
            y = y * self.weight.reshape(shape)
        if self.bias is not None:
            y = y + self.bias.reshape(shape)
        return y
