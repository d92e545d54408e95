"""Normalization layers: batch norm (1-D and 2-D), layer norm, group norm, and batch norm's backward by hand.

Every layer here computes the same thing: for each group of numbers it normalizes over,

    x̂ = (x - mean) / sqrt(var + eps)        (var is the *biased* variance: divide by m, not m - 1)
    y = γ · x̂ + β                           (γ = weight, β = bias: one per channel or feature)

What differs is *which* numbers form a group:

    BatchNorm   one channel, across the batch (and across length / height / width)
    LayerNorm   one sample, across its trailing `normalized_shape` dims
    GroupNorm   one sample, across a group of channels (and length / height / width)

The modules mirror torch.nn.BatchNorm1d, BatchNorm2d, LayerNorm and GroupNorm (same arguments, same
defaults, same parameter and buffer names, so state_dicts are interchangeable), built from plain tensor
operations: autograd differentiates them. BatchNormFunction is the exception: it computes training-mode
batch norm with a backward pass written by hand.

Every tensor created here lives on the device and has the dtype of the input (or of the parameters).
"""
from __future__ import annotations

import numbers

import torch
from torch import nn


def _channel_shape(x: torch.Tensor) -> list[int]:
    """The shape (1, C, 1, ..., 1) that broadcasts a per-channel vector of length C against `x`."""
    return [1, x.shape[1]] + [1] * (x.dim() - 2)


def _dims_except_channel(x: torch.Tensor) -> list[int]:
    """Every dim of `x` but the channel dim 1: the dims batch norm averages over."""
    return [0] + list(range(2, x.dim()))


class _BatchNorm(nn.Module):
    r"""Batch normalization over the channel dim 1 of an input (N, C, *); the shared code of BatchNorm1d/2d.

    Training mode, per channel c, with m = N · (product of the dims after C) numbers per channel:

        μ_c   = (1/m) Σ x                       the batch mean
        σ²_c  = (1/m) Σ (x - μ_c)²              the *biased* batch variance, used to normalize
        y     = γ_c · (x - μ_c) / sqrt(σ²_c + eps) + β_c

    and, when `track_running_stats`, the running statistics move towards the batch statistics:

        running_mean ← (1 - momentum) · running_mean + momentum · μ_c
        running_var  ← (1 - momentum) · running_var  + momentum · σ²_c · m / (m - 1)   (*unbiased*)

    (PyTorch's convention: `momentum` weighs the *new* value. With momentum=None the factor is
    1 / num_batches_tracked instead, which makes the running statistics the plain average of every batch
    seen so far.) `num_batches_tracked` counts the training-mode batches.

    Eval mode normalizes with running_mean and running_var and updates nothing. Without running
    statistics (track_running_stats=False) eval mode normalizes with the batch statistics, like training.

    Args:
        num_features: C, the number of channels.
        eps: added to the variance before the square root, for numerical stability.
        momentum: weight of the new batch statistics in the running averages; None for a cumulative average.
        affine: whether to learn γ (`weight`, initialized to ones) and β (`bias`, initialized to zeros).
        track_running_stats: whether to keep the buffers running_mean (zeros), running_var (ones) and
            num_batches_tracked (a long tensor 0); if False the three are registered as None.
        device, dtype: where and in what precision to create the parameters and buffers.
        bias: (keyword only) with affine=True, whether to learn β; if False, `bias` is None.
    """

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float | None = 0.1,
                 affine: bool = True, track_running_stats: bool = True, device=None, dtype=None,
                 *, bias: bool = True) -> None:
        super().__init__()
        factory_kwargs = {"device": device, "dtype": dtype}
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = nn.Parameter(torch.ones(num_features, **factory_kwargs))
            if bias:
                self.bias = nn.Parameter(torch.zeros(num_features, **factory_kwargs))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            # Buffers, not parameters: they are saved in the state_dict and move with .to(device),
            # but the optimizer never sees them. The counter is a long on the same device.
            self.register_buffer("running_mean", torch.zeros(num_features, **factory_kwargs))
            self.register_buffer("running_var", torch.ones(num_features, **factory_kwargs))
            self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long, device=device))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def _check_input_dim(self, input: torch.Tensor) -> None:
        raise NotImplementedError  # each subclass says which shapes it accepts

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        self._check_input_dim(input)
        if input.shape[1] != self.num_features:
            raise RuntimeError(f"{type(self).__name__}({self.num_features}) got an input with "
                             f"{input.shape[1]} channels (shape {tuple(input.shape)}); dim 1 must be "
                             f"the {self.num_features} channels")
        values_per_channel = input.numel() // input.shape[1]
        if self.training and values_per_channel == 1:
            raise ValueError(f"Expected more than 1 value per channel when training, got input size "
                             f"{list(input.shape)}")
        dims = _dims_except_channel(input)
        shape = _channel_shape(input)
        use_batch_statistics = self.training or self.running_mean is None

        mean = input.mean(dim=dims) if use_batch_statistics else self.running_mean
        centered = input - mean.reshape(shape)
        if use_batch_statistics:
            var = (centered * centered).mean(dim=dims)    # biased: divide by m, as the paper does
        else:
            var = self.running_var

        if self.training and self.track_running_stats:
            self.num_batches_tracked.add_(1)
            if self.momentum is None:
                factor = 1.0 / self.num_batches_tracked.item()   # cumulative moving average
            else:
                factor = self.momentum
            m = values_per_channel
            with torch.no_grad():                         # running statistics are not part of the graph
                unbiased_var = var * m / (m - 1)
                self.running_mean.mul_(1 - factor).add_(factor * mean)
                self.running_var.mul_(1 - factor).add_(factor * unbiased_var)

        # y = γ·(x - μ)/√(σ² + eps) + β, with γ/√(σ² + eps) computed once per channel: one multiplication of the
        # whole input instead of a division and a multiplication (batch norm's cost is in these passes over x)
        scale = torch.rsqrt(var + self.eps)
        if self.weight is not None:
            scale = scale * self.weight
        y = centered * scale.reshape(shape)
        if self.bias is not None:
            y = y + self.bias.reshape(shape)
        return y

    def extra_repr(self) -> str:
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, "
                f"track_running_stats={self.track_running_stats}")


class BatchNorm1d(_BatchNorm):
    r"""Batch normalization of a 2-D input (N, C) or a 3-D input (N, C, L); mirrors torch.nn.BatchNorm1d.

    Statistics per channel over N (and L). See _BatchNorm for the formulas and arguments.
    """

    def _check_input_dim(self, input: torch.Tensor) -> None:
        if input.dim() not in (2, 3):
            raise ValueError(f"BatchNorm1d expects a 2-D input (N, C) or a 3-D input (N, C, L); got a "
                             f"{input.dim()}-D input of shape {tuple(input.shape)}")

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        self._check_input_dim(input)
        if input.shape[1] != self.num_features:
            raise RuntimeError(f"{type(self).__name__}({self.num_features}) got an input with "
                             f"{input.shape[1]} channels (shape {tuple(input.shape)}); dim 1 must be "
                             f"the {self.num_features} channels")
        values_per_channel = input.numel() // input.shape[1]
        if self.training and values_per_channel == 1:
            raise ValueError(f"Expected more than 1 value per channel when training, got input size "
                             f"{list(input.shape)}")
        dims = _dims_except_channel(input)
        shape = _channel_shape(input)
        use_batch_statistics = self.training or self.running_mean is None

        mean = input.mean(dim=dims) if use_batch_statistics else self.running_mean
        centered = input - mean.reshape(shape)
        if use_batch_statistics:
            var = input.var(dim=dims)
        else:
            var = self.running_var

        if self.training and self.track_running_stats:
            self.num_batches_tracked.add_(1)
            if self.momentum is None:
                factor = 1.0 / self.num_batches_tracked.item()   # cumulative moving average
            else:
                factor = self.momentum
            m = values_per_channel
            with torch.no_grad():                         # running statistics are not part of the graph
                unbiased_var = var * m / (m - 1)
                self.running_mean.mul_(1 - factor).add_(factor * mean)
                self.running_var.mul_(1 - factor).add_(factor * unbiased_var)

        # y = γ·(x - μ)/√(σ² + eps) + β, with γ/√(σ² + eps) computed once per channel: one multiplication of the
        # whole input instead of a division and a multiplication (batch norm's cost is in these passes over x)
        scale = torch.rsqrt(var + self.eps)
        if self.weight is not None:
            scale = scale * self.weight
        y = centered * scale.reshape(shape)
        if self.bias is not None:
            y = y + self.bias.reshape(shape)
        return y


class BatchNorm2d(_BatchNorm):
    r"""Batch normalization of a 4-D input (N, C, H, W); mirrors torch.nn.BatchNorm2d.

    Statistics per channel over N, H and W. See _BatchNorm for the formulas and arguments.
    """

    def _check_input_dim(self, input: torch.Tensor) -> None:
        if input.dim() != 4:
            raise ValueError(f"BatchNorm2d expects a 4-D input (N, C, H, W); got a {input.dim()}-D "
                             f"input of shape {tuple(input.shape)}")


class BatchNormFunction(torch.autograd.Function):
    r"""Training-mode batch norm over every dim but dim 1, with a backward pass written by hand.

    Usage: ``y = BatchNormFunction.apply(x, weight, bias, eps)`` with x of shape (N, C, *), weight γ and
    bias β of shape (C,) (either may be None: γ = 1, β = 0). Per channel, over its m values:

        μ = (1/m) Σ x,    σ² = (1/m) Σ (x - μ)²,    σ̂ = sqrt(σ² + eps)
        x̂ = (x - μ) / σ̂,   y = γ x̂ + β

    Backward, given dy = ∂L/∂y (sums run over the m values of one channel):

        dβ = Σ dy
        dγ = Σ dy · x̂
        dx̂ = γ dy
        x depends on L through three paths: x̂ directly, μ, and σ². Summing them
        (dσ² = Σ dx̂ · (x - μ) · (-1/2) σ̂⁻³,  dμ = -Σ dx̂ / σ̂ + dσ² · (-2/m) Σ (x - μ), whose second term is 0),

            dx = dx̂ / σ̂ + dσ² · 2 (x - μ) / m + dμ / m

        and, substituting x - μ = σ̂ x̂, everything collapses to

            dx = (1/m) · γ · σ̂⁻¹ · (m · dy - Σ dy - x̂ · Σ (dy · x̂))

    The mean term (Σ dy) removes the part of dy that shifts every value of the channel alike (the mean
    subtraction undoes it); the x̂ term removes the part along x̂ (the division by σ̂ undoes scaling).
    Gradients are returned only for the inputs that need them (ctx.needs_input_grad); eps gets None.
    """

    @staticmethod
    def forward(ctx, x: torch.Tensor, weight: torch.Tensor | None, bias: torch.Tensor | None,
                eps: float = 1e-5) -> torch.Tensor:
        if x.dim() < 2:
            raise ValueError(f"BatchNormFunction expects an input (N, C, *) with at least 2 dims; got "
                             f"shape {tuple(x.shape)}")
        num_channels = x.shape[1]
        if x.numel() // num_channels <= 1:
            raise ValueError(f"Expected more than 1 value per channel when training, got input size "
                             f"{list(x.shape)}")
        if weight is None:
            weight = torch.ones(num_channels, device=x.device, dtype=x.dtype)
        if bias is None:
            bias = torch.zeros(num_channels, device=x.device, dtype=x.dtype)
        dims = _dims_except_channel(x)
        shape = _channel_shape(x)
        mean = x.mean(dim=dims, keepdim=True)
        var = x.var(dim=dims, keepdim=True, correction=0)
        inv_std = 1.0 / torch.sqrt(var + eps)                  # σ̂⁻¹, shape (1, C, 1, ...)
        x_hat = (x - mean) * inv_std
        # Backward needs x̂, σ̂⁻¹ and γ; keeping x̂ saves recomputing it (memory for time).
        ctx.save_for_backward(x_hat, inv_std, weight)
        return x_hat * weight.reshape(shape) + bias.reshape(shape)

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor):
        grad_x = grad_weight = grad_bias = None
        x_hat, inv_std, weight = ctx.saved_tensors
        dims = _dims_except_channel(grad_output)
        shape = _channel_shape(grad_output)
        m = grad_output.numel() // grad_output.shape[1]        # values per channel

        sum_dy = grad_output.sum(dim=dims, keepdim=True)                    # Σ dy
        sum_dy_x_hat = (grad_output * x_hat).sum(dim=dims, keepdim=True)    # Σ dy · x̂

        if ctx.needs_input_grad[0]:
            grad_x = (weight.reshape(shape) * inv_std / m) * (m * grad_output - sum_dy - x_hat * sum_dy_x_hat)
        if ctx.needs_input_grad[1]:
            grad_weight = sum_dy_x_hat.reshape(-1)
        if ctx.needs_input_grad[2]:
            grad_bias = sum_dy.reshape(-1)
        return grad_x, grad_weight, grad_bias, None


class LayerNorm(nn.Module):
    r"""Layer normalization over the trailing dims of each sample; mirrors torch.nn.LayerNorm.

    With normalized_shape = (D1, ..., Dk), the statistics of each sample are taken over its last k dims
    (m = D1 · ... · Dk numbers), never over the batch:

        μ = (1/m) Σ x,   σ² = (1/m) Σ (x - μ)²   (biased)
        y = (x - μ) / sqrt(σ² + eps) · γ + β      γ, β of shape normalized_shape (elementwise)

    There are no running statistics: training and eval mode compute the same thing, and the output of
    one sample does not depend on the others (so any batch size works, even 1).

    Args:
        normalized_shape: an int or a tuple, the trailing shape of the input to normalize over.
        eps: added to the variance before the square root.
        elementwise_affine: whether to learn γ (`weight`, ones) and β (`bias`, zeros).
        bias: with elementwise_affine, whether to learn β; if False, `bias` is None.
        device, dtype: where and in what precision to create the parameters.
    """

    def __init__(self, normalized_shape: int | tuple[int, ...], eps: float = 1e-5,
                 elementwise_affine: bool = True, bias: bool = True, device=None, dtype=None) -> None:
        super().__init__()
        factory_kwargs = {"device": device, "dtype": dtype}
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if elementwise_affine:
            self.weight = nn.Parameter(torch.ones(self.normalized_shape, **factory_kwargs))
            if bias:
                self.bias = nn.Parameter(torch.zeros(self.normalized_shape, **factory_kwargs))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        k = len(self.normalized_shape)
        if input.dim() < k or tuple(input.shape[input.dim() - k:]) != self.normalized_shape:
            raise RuntimeError(f"LayerNorm(normalized_shape={list(self.normalized_shape)}) expects an input "
                               f"of shape [*, {', '.join(map(str, self.normalized_shape))}]; got "
                               f"{list(input.shape)}")
        dims = list(range(input.dim() - k, input.dim()))        # the last k dims
        mean = input.mean(dim=dims, keepdim=True)
        var = input.var(dim=dims, keepdim=True, correction=0)
        output = (input - mean) / torch.sqrt(var + self.eps)
        if self.weight is not None:
            output = output * self.weight                       # broadcasts over the leading dims
        if self.bias is not None:
            output = output + self.bias
        return output

    def extra_repr(self) -> str:
        return f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}"


class GroupNorm(nn.Module):
    r"""Group normalization of an input (N, C, *); mirrors torch.nn.GroupNorm.

    The C channels are split into num_groups consecutive groups of C / num_groups channels. Each sample
    is normalized per group, over the group's channels and all the dims after C
    (m = C / num_groups · product of the dims after C numbers):

        μ = (1/m) Σ x,   σ² = (1/m) Σ (x - μ)²   (biased)
        y = (x - μ) / sqrt(σ² + eps) · γ_c + β_c   γ, β per channel, shape (C,)

    num_groups = 1 normalizes each sample over everything (like LayerNorm over (C, *) with per-channel
    γ and β); num_groups = C normalizes each channel of each sample alone (instance norm). Independent
    of the batch, like LayerNorm; no running statistics.

    Args:
        num_groups: how many groups to split the channels into; must divide num_channels.
        num_channels: C.
        eps: added to the variance before the square root.
        affine: whether to learn γ (`weight`, ones) and β (`bias`, zeros), one per channel.
        device, dtype: where and in what precision to create the parameters.
        bias: (keyword only) with affine, whether to learn β; if False, `bias` is None.
    """

    def __init__(self, num_groups: int, num_channels: int, eps: float = 1e-5, affine: bool = True,
                 device=None, dtype=None, *, bias: bool = True) -> None:
        super().__init__()
        factory_kwargs = {"device": device, "dtype": dtype}
        if num_channels % num_groups != 0:
            raise ValueError(f"num_channels ({num_channels}) must be divisible by num_groups ({num_groups})")
        self.num_groups = num_groups
        self.num_channels = num_channels
        self.eps = eps
        self.affine = affine
        if affine:
            self.weight = nn.Parameter(torch.ones(num_channels, **factory_kwargs))
            if bias:
                self.bias = nn.Parameter(torch.zeros(num_channels, **factory_kwargs))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        if input.dim() < 2 or input.shape[1] != self.num_channels:
            raise RuntimeError(f"GroupNorm({self.num_groups}, {self.num_channels}) expects an input "
                               f"(N, {self.num_channels}, *); got shape {list(input.shape)}")
        n = input.shape[0]
        # (N, C, *) -> (N, G, C/G · *): channels c·... of a group are consecutive in memory after dim 1,
        # so one reshape puts each group's numbers on the last dim.
        grouped = input.reshape(n, self.num_groups, -1)
        mean = grouped.mean(dim=-1, keepdim=True)
        var = grouped.var(dim=-1, keepdim=True, correction=0)
        output = ((grouped - mean) / torch.sqrt(var + self.eps)).reshape(input.shape)
        shape = _channel_shape(input)
        if self.weight is not None:
            output = output * self.weight.reshape(shape)
        if self.bias is not None:
            output = output + self.bias.reshape(shape)
        return output

    def extra_repr(self) -> str:
        return f"{self.num_groups}, {self.num_channels}, eps={self.eps}, affine={self.affine}"
