"""Gradient clipping: by value and by global norm; mirrors torch.nn.utils.clip_grad_value_ / clip_grad_norm_.

Both run after loss.backward() and before optimizer.step(), and change the gradients in place:

    loss.backward()
    clip_grad_norm_(model.parameters(), max_norm=1.0)
    optimizer.step()

Parameters whose .grad is None (unused in this step, or frozen) are skipped. `foreach` is accepted so
that calls written for torch work unchanged; torch uses it to pick a fused multi-tensor kernel, which
gives the same numbers as the plain loop written here.
"""
from __future__ import annotations

from typing import Iterable

import torch


def _as_list(parameters: torch.Tensor | Iterable[torch.Tensor]) -> list[torch.Tensor]:
    """A single tensor becomes a one-element list; an iterable (even a generator) becomes a list."""
    if isinstance(parameters, torch.Tensor):
        return [parameters]
    return list(parameters)


@torch.no_grad()
def clip_grad_value_(parameters: torch.Tensor | Iterable[torch.Tensor], clip_value: float,
                     foreach: bool | None = None) -> None:
    r"""Clamp every gradient entry into [-clip_value, clip_value], in place.

        g ← min(max(g, -clip_value), clip_value)      for each entry of each .grad

    Each entry is clipped on its own, so the direction of the gradient vector changes whenever some
    entries are clipped and others are not (unlike clip_grad_norm_).

    Args:
        parameters: a tensor or an iterable of tensors whose .grad to clip (None grads are skipped).
        clip_value: the largest absolute value a gradient entry may keep.
        foreach: ignored (see the module docstring).
    Returns:
        None.
    """
    parameters = _as_list(parameters)
    clip_value = float(clip_value)
    for p in parameters:
        if p.grad is not None:
            p.grad.clamp_(min=-clip_value, max=clip_value)


@torch.no_grad()
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    norms = []
    for p in parameters:
        if p.grad is None:
            continue
        norm = torch.linalg.vector_norm(p.grad, float(norm_type))
        if error_if_nonfinite and not torch.isfinite(norm):
            raise RuntimeError("the gradient norm is non-finite")
        p.grad.mul_(torch.clamp(max_norm / (norm + 1e-6), max=1.0))
        norms.append(norm)
    if not norms:
        return torch.tensor(0.0)
    return torch.linalg.vector_norm(torch.stack(norms), float(norm_type))
