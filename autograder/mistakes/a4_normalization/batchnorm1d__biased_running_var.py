"""BatchNorm1d storing the biased batch variance in running_var (torch stores the unbiased one)."""
import torch

COMPONENT = "BatchNorm1d"
FILE = "normalization.py"
HINT = ("Your outputs match, but running_var drifts below torch's. The running variance is an estimate "
        "of the population variance, so it is updated with the *unbiased* batch variance "
        "(multiply by m / (m - 1)); normalizing uses the biased one. Re-read handout section 2 "
        "(running statistics).")


class BatchNorm1d(torch.nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True,
                 device=None, dtype=None, *, bias=True):
        super().__init__()
        factory_kwargs = {"device": device, "dtype": dtype}
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = torch.nn.Parameter(torch.ones(num_features, **factory_kwargs))
            if bias:
                self.bias = torch.nn.Parameter(torch.zeros(num_features, **factory_kwargs))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            self.register_buffer("running_mean", torch.zeros(num_features, **factory_kwargs))
            self.register_buffer("running_var", torch.ones(num_features, **factory_kwargs))
            self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long, device=device))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def forward(self, x):
        if x.dim() not in (2, 3):
            raise ValueError(f"BatchNorm1d got a {x.dim()}-D input")
        dims = [0] + list(range(2, x.dim()))
        shape = [1, -1] + [1] * (x.dim() - 2)
        m = x.numel() // x.shape[1]
        if self.training or self.running_mean is None:
            mean = x.mean(dim=dims)
            var = x.var(dim=dims, correction=0)
        else:
            mean, var = self.running_mean, self.running_var
        if self.training and self.track_running_stats:
            self.num_batches_tracked += 1
            if self.momentum is None:
                factor = 1.0 / self.num_batches_tracked.item()
            else:
                factor = self.momentum
            with torch.no_grad():
                self.running_mean.mul_(1 - factor).add_(factor * mean)
                self.running_var.mul_(1 - factor).add_(factor * var)
        mean, var = mean.reshape(shape), var.reshape(shape)
        y = (x - mean) / torch.sqrt(var + self.eps)
        if self.weight is not None:
            y = y * self.weight.reshape(shape)
        if self.bias is not None:
            y = y + self.bias.reshape(shape)
        return y
