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
def clip_grad_norm_(parameters: torch.Tensor | Iterable[torch.Tensor], max_norm: float,
                    norm_type: float = 2.0, error_if_nonfinite: bool = False,
                    foreach: bool | None = None) -> torch.Tensor:
    r"""Rescale all gradients together so that their *global* norm is at most max_norm, in place.

    The global norm treats every gradient of every parameter as one long vector g:

        total_norm = ‖g‖_p = (Σ_i |g_i|^p)^(1/p)            (norm_type = p)
                   = ‖(‖g⁽¹⁾‖_p, ‖g⁽²⁾‖_p, ...)‖_p        (the p-norm of the per-parameter p-norms)
        total_norm = max_i |g_i|                            (norm_type = inf)

    Every gradient is then multiplied by the same coefficient

        clip_coef = min(max_norm / (total_norm + 1e-6), 1)

    so the direction of g is kept, gradients whose norm is already below max_norm are left (almost
    exactly) as they are, and the 1e-6 keeps the division finite when every gradient is zero.

    Args:
        parameters: a tensor or an iterable of tensors whose .grad to clip (None grads are skipped).
        max_norm: the largest global norm allowed.
        norm_type: p of the p-norm: a positive float, or float('inf') for the max-norm.
        error_if_nonfinite: if True, raise RuntimeError when total_norm is nan or inf instead of
            scaling the gradients by a meaningless coefficient.
        foreach: ignored (see the module docstring).
    Returns:
        total_norm, the global norm of the gradients *before* clipping, as a 0-dim tensor on the device
        of the first gradient (tensor(0.) when there are no gradients).
    """
    parameters = _as_list(parameters)
    max_norm = float(max_norm)
    norm_type = float(norm_type)
    grads = [p.grad for p in parameters if p.grad is not None]
    if len(grads) == 0:
        return torch.tensor(0.0)
    # The p-norm of a concatenation is the p-norm of the parts' p-norms (also for p = inf: max of maxes),
    # so no giant concatenated vector is ever built.
    first_device = grads[0].device
    per_parameter_norms = [torch.linalg.vector_norm(g, norm_type).to(first_device) for g in grads]
    total_norm = torch.linalg.vector_norm(torch.stack(per_parameter_norms), norm_type)
    if error_if_nonfinite and not torch.isfinite(total_norm):
        raise RuntimeError(f"The total norm of order {norm_type} of the gradients is non-finite "
                           f"({total_norm.item()}), so it cannot be clipped. To scale the gradients by the "
                           f"non-finite norm anyway, set error_if_nonfinite=False")
    # Clamped to 1: clipping only ever shrinks gradients. Multiplying by exactly 1.0 below the threshold
    # (instead of branching on `if clip_coef < 1`) avoids a GPU -> CPU synchronization.
    for g, norm in zip(grads, per_parameter_norms):
        clip_coef = torch.clamp(max_norm / (norm + 1e-6), max=1.0)
        g.mul_(clip_coef.to(g.device))
    return total_norm
