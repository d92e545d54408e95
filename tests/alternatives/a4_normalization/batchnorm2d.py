"""BatchNorm2d from sums: mean = Σx/m, variance = Σ(x - mean)²/m, written out with explicit sums."""
import torch

COMPONENT = "BatchNorm2d"
FILE = "normalization.py"


class BatchNorm2d(torch.nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True,
                 device=None, dtype=None, *, bias=True):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        if affine:
            self.weight = torch.nn.Parameter(torch.ones(num_features, device=device, dtype=dtype))
            self.bias = torch.nn.Parameter(torch.zeros(num_features, device=device, dtype=dtype)) if bias else None
        else:
            self.weight = self.bias = None
        if track_running_stats:
            self.register_buffer("running_mean", torch.zeros(num_features, device=device, dtype=dtype))
            self.register_buffer("running_var", torch.ones(num_features, device=device, dtype=dtype))
            self.register_buffer("num_batches_tracked", torch.tensor(0, device=device))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def forward(self, x):
        if x.dim() != 4:
            raise ValueError(f"BatchNorm2d expects (N, C, H, W), got {tuple(x.shape)}")
        n, c, h, w = x.shape
        m = n * h * w
        if self.training and m == 1:
            raise ValueError("Expected more than 1 value per channel when training")
        batch_mode = self.training or not self.track_running_stats
        if batch_mode:
            mean = x.sum(dim=(0, 2, 3), keepdim=True) / m
            squared_deviation_sum = ((x - mean) ** 2).sum(dim=(0, 2, 3), keepdim=True)
            var = squared_deviation_sum / m
        else:
            mean = self.running_mean.view(1, c, 1, 1)
            var = self.running_var.view(1, c, 1, 1)
        if self.training and self.track_running_stats:
            self.num_batches_tracked += 1
            alpha = self.momentum if self.momentum is not None else 1.0 / self.num_batches_tracked.item()
            with torch.no_grad():
                self.running_mean.copy_((1 - alpha) * self.running_mean + alpha * mean.flatten())
                self.running_var.copy_((1 - alpha) * self.running_var
                                       + alpha * squared_deviation_sum.flatten() / (m - 1))
        out = (x - mean) / (var + self.eps).sqrt()
        if self.weight is not None:
            out = out * self.weight.view(1, c, 1, 1)
        if self.bias is not None:
            out = out + self.bias.view(1, c, 1, 1)
        return out
