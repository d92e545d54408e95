"""A 1-D residual network for MNIST-1D, built from your own a1 initializers and activations, your a4
BatchNorm1d and your a5 Dropout (torch.nn.Conv1d and torch.nn.Linear are the only torch layers).

Why this shape trains fast at a high learning rate (handout section 3):
  * batch norm after every convolution keeps each layer's inputs at zero mean and unit variance,
    whatever the weights do, so a large step cannot blow the activations up;
  * residual connections ``x + F(x)`` give the gradient a path that skips every block, so depth does not
    make it vanish;
  * He initialization (``kaiming_normal_``, ReLU gain √2) starts every convolution at the variance that
    ReLU halves back, and ``zero_init_residual`` starts every block as the identity (its last batch-norm
    scale γ = 0), so a deep network begins as a shallow one and grows into its depth.

Shapes: a batch of signals ``[N, L]`` (or ``[N, C, L]``) -> logits ``[N, num_classes]``.
"""
from __future__ import annotations

import torch
from torch import nn

from components import BatchNorm1d, Dropout, kaiming_normal_, relu, xavier_uniform_


class ResidualBlock1d(nn.Module):
    r"""Two same-length convolutions with batch norm, and the input added back before the last ReLU:

    .. math:: y = \operatorname{relu}\big(x + \mathrm{bn_2}(\mathrm{conv_2}(\mathrm{dropout}(\operatorname{relu}(\mathrm{bn_1}(\mathrm{conv_1}(x))))))\big)

    Submodules, by these names: ``conv1``, ``bn1``, ``dropout``, ``conv2``, ``bn2``. Both convolutions
    are ``nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2, bias=False)`` (no bias:
    the batch norm after each one has its own shift β), initialized with your
    ``kaiming_normal_(weight, mode="fan_in", nonlinearity="relu")``; ``bn1``/``bn2`` are your
    ``BatchNorm1d(channels)``, ``dropout`` your ``Dropout(dropout)``, the activation your ``relu``.
    """

    def __init__(self, channels: int, kernel_size: int = 3, dropout: float = 0.0):
        super().__init__()
        if kernel_size % 2 != 1:
            raise ValueError(f"kernel_size must be odd (same-length padding), got {kernel_size}")
        self.conv1 = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2, bias=False)
        self.bn1 = BatchNorm1d(channels)
        self.dropout = Dropout(dropout)
        self.conv2 = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2, bias=False)
        self.bn2 = BatchNorm1d(channels)
        for conv in (self.conv1, self.conv2):
            kaiming_normal_(conv.weight, mode="fan_in", nonlinearity="relu")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(self.dropout(out)))
        return relu(x + out)


class ResNet1d(nn.Module):
    r"""stem -> ``num_blocks`` residual blocks -> global average pooling -> linear head.

    Submodules, by these names:
      * ``stem``: ``nn.Conv1d(in_channels, channels, 5, padding=2, bias=False)``, initialized with your
        ``kaiming_normal_(weight, mode="fan_in", nonlinearity="relu")``, then ``stem_bn`` (your
        ``BatchNorm1d(channels)``) and your ``relu``;
      * ``blocks``: ``nn.Sequential`` of ``ResidualBlock1d(channels, 3, dropout)``;
      * global average pooling: the mean over the length dim, ``[N, C, L] -> [N, C]`` (the network
        does not care *where* along the signal a feature was found);
      * ``head``: ``nn.Linear(channels, num_classes)``, weight from your ``xavier_uniform_`` (no ReLU
        follows it), bias zero.

    With ``zero_init_residual`` every block's ``bn2.weight`` starts at 0, so every block starts as the
    identity. A 2-D input ``[N, L]`` is read as ``[N, 1, L]``.
    """

    def __init__(self, in_channels: int = 1, channels: int = 32, num_blocks: int = 2, num_classes: int = 10,
                 dropout: float = 0.0, zero_init_residual: bool = True):
        super().__init__()
        self.stem = nn.Conv1d(in_channels, channels, 5, padding=2, bias=False)
        self.stem_bn = BatchNorm1d(channels)
        self.blocks = nn.Sequential(*[ResidualBlock1d(channels, 3, dropout) for _ in range(num_blocks)])
        self.head = nn.Linear(channels, num_classes)
        kaiming_normal_(self.stem.weight, mode="fan_in", nonlinearity="relu")
        xavier_uniform_(self.head.weight)
        with torch.no_grad():
            self.head.bias.zero_()
            if zero_init_residual:
                for block in self.blocks:
                    block.bn2.weight.zero_()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() == 2:
            x = x.unsqueeze(1)
        x = relu(self.stem_bn(self.stem(x)))
        x = self.blocks(x)
        return self.head(x.mean(dim=-1))
