"""Data augmentation for MNIST-1D: new training signals from old ones, drawn fresh for every batch.

A digit moved a few positions, or with a little noise on top, is still the same digit. Showing the network
such variants teaches it to ignore what does not matter (where the signal sits, small wiggles) and is the
cheapest regularizer there is: no extra data, no extra parameters. Augment *training* batches only: the
validation and test sets measure the real signals.

Both functions take an optional ``torch.Generator`` (on the batch's device), so a seeded pipeline draws
the same augmentations every run without touching the global generator; both return a new tensor of the
input's shape, dtype and device, and leave the input unchanged.
"""
from __future__ import annotations

import torch


def random_shift(x: torch.Tensor, max_shift: int, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Move each sequence of a batch by its own integer shift, filling the vacated end with zeros.

    For a batch ``x`` of shape ``[N, L]`` or ``[N, C, L]``, draw for each sequence n one shift
    :math:`s_n` uniformly from the :math:`2 \cdot \text{max\_shift} + 1` integers
    :math:`-\text{max\_shift}, \dots, \text{max\_shift}` and return

    .. math:: y[n, \dots, i] = \begin{cases} x[n, \dots, i - s_n] & 0 \le i - s_n < L \\ 0 & \text{otherwise} \end{cases}

    so a positive shift moves the signal to the right. Every channel of a sequence moves together.
    Zeros, not wrap-around (``torch.roll``): the end of a signal must not reappear at its start.
    """
    if x.dim() not in (2, 3):
        raise ValueError(f"random_shift expects [N, L] or [N, C, L], got shape {tuple(x.shape)}")
    if not (isinstance(max_shift, int) and max_shift >= 0):
        raise ValueError(f"max_shift must be a non-negative int, got {max_shift!r}")
    n, length = x.shape[0], x.shape[-1]
    shifts = torch.randint(-max_shift, max_shift + 1, (n,), generator=generator, device=x.device)
    source = torch.arange(length, device=x.device) - shifts[:, None]          # [N, L]: where each y[i] comes from
    inside = (source >= 0) & (source < length)
    index = source.clamp(0, length - 1)
    if x.dim() == 3:
        index = index[:, None, :].expand_as(x)
        inside = inside[:, None, :]
    return torch.where(inside, x.gather(-1, index), torch.zeros((), dtype=x.dtype, device=x.device))


def gaussian_jitter(x: torch.Tensor, std: float, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Add independent Gaussian noise to every element: :math:`y = x + \text{std} \cdot \varepsilon`,
    :math:`\varepsilon \sim \mathcal{N}(0, 1)` drawn from ``generator``, of ``x``'s shape, dtype and device.

    ``std`` is a standard deviation, not a variance. Draw the noise from ``generator`` (pass it on: noise
    drawn from the global generator cannot be repeated by a seeded pipeline without disturbing everything else).
    """
    if not std >= 0:
        raise ValueError(f"std must be non-negative, got {std!r}")
    noise = torch.randn(x.shape, generator=generator, dtype=x.dtype, device=x.device)
    return x + std * noise
