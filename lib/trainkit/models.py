"""Models: the multilayer perceptron every assignment trains on MNIST-1D."""
from __future__ import annotations

from typing import Callable, Sequence

import torch


def mlp(in_features: int = 40, hidden: Sequence[int] = (128, 128), out_features: int = 10,
        activation: Callable[[], torch.nn.Module] = torch.nn.ReLU,
        norm: Callable[[int], torch.nn.Module] | None = None,
        dropout: float = 0.0) -> torch.nn.Sequential:
    """A multilayer perceptron as a flat ``torch.nn.Sequential``.

    Each hidden layer of width ``h`` is ``Linear -> [norm(h)] -> activation() -> [Dropout(dropout)]``;
    the last layer is a plain ``Linear`` producing ``out_features`` logits (no softmax: the loss,
    ``cross_entropy``, applies it). For example ``mlp(norm=torch.nn.BatchNorm1d, dropout=0.1)``.

    Normalization sits before the activation, as in the batch-norm paper (Ioffe & Szegedy, 2015);
    dropout sits after it, so whole activations are dropped.
    """
    layers: list[torch.nn.Module] = []
    width = in_features
    for size in hidden:
        layers.append(torch.nn.Linear(width, size))
        if norm is not None:
            layers.append(norm(size))
        layers.append(activation())
        if dropout > 0:
            layers.append(torch.nn.Dropout(dropout))
        width = size
    layers.append(torch.nn.Linear(width, out_features))
    return torch.nn.Sequential(*layers)
