"""BatchNorm1d normalizing with the unbiased variance (divides by m - 1): train outputs slightly too small,
and running_var gets the m / (m - 1) correction twice.
"""
COMPONENT = "BatchNorm1d"
FILE = "normalization.py"
DROP_IN = ("the slip is in the forward BatchNorm1d shares with BatchNorm2d; as its own forward it stays "
           "BatchNorm1d's alone, as in the example submission (tools/make_examples.py)")
HINT = ("Your train-mode output is a little too close to zero, by a factor that shrinks as the batch "
        "grows. Batch norm *normalizes* with the biased batch variance (divide by m); only the running "
        "variance stores the unbiased one. Re-read handout section 2 (the forward pass).")


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
