"""BatchNorm1d with the channel moved to the front: statistics by torch.var_mean over rows, updates by lerp_."""
import torch

COMPONENT = "BatchNorm1d"
FILE = "normalization.py"


class BatchNorm1d(torch.nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True,
                 device=None, dtype=None, *, bias=True):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        self.weight = torch.nn.Parameter(torch.ones(num_features, device=device, dtype=dtype)) if affine else None
        self.bias = (torch.nn.Parameter(torch.zeros(num_features, device=device, dtype=dtype))
                     if affine and bias else None)
        if track_running_stats:
            self.register_buffer("running_mean", torch.zeros(num_features, device=device, dtype=dtype))
            self.register_buffer("running_var", torch.ones(num_features, device=device, dtype=dtype))
            self.register_buffer("num_batches_tracked", torch.zeros((), dtype=torch.long, device=device))
        else:
            self.running_mean = self.running_var = self.num_batches_tracked = None

    def forward(self, x):
        if x.dim() not in (2, 3):
            raise ValueError(f"BatchNorm1d expects (N, C) or (N, C, L), got {tuple(x.shape)}")
        # (N, C, L) -> (C, N*L): one row per channel.
        rows = x.transpose(0, 1).reshape(self.num_features, -1)
        m = rows.shape[1]
        if self.training and m == 1:
            raise ValueError("Expected more than 1 value per channel when training")
        if self.training or self.running_mean is None:
            var, mean = torch.var_mean(rows, dim=1, unbiased=False)
        else:
            var, mean = self.running_var, self.running_mean
        if self.training and self.track_running_stats:
            self.num_batches_tracked.add_(1)
            weight = 1.0 / int(self.num_batches_tracked) if self.momentum is None else self.momentum
            self.running_mean.lerp_(mean.detach(), weight)
            self.running_var.lerp_(var.detach() * (m / (m - 1)), weight)
        scale = torch.rsqrt(var + self.eps)
        shift = -mean * scale
        if self.weight is not None:
            scale, shift = scale * self.weight, shift * self.weight
        if self.bias is not None:
            shift = shift + self.bias
        view = (1, -1) + (1,) * (x.dim() - 2)
        return x * scale.view(view) + shift.view(view)
