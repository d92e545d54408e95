"""Diagnostics: what happens inside a network, layer by layer (signal propagation, gradients, dead units).

Each function runs one forward (and, for gradients, one backward) pass on a batch and reports one number per
layer, in the order the layers run. "A layer" is every submodule of the given type (``torch.nn.Linear`` by
default), found with forward hooks, so the functions work on any model, ``trainkit.models.mlp`` or a
hand-written residual network alike. For example::

    from trainkit import diagnostics
    stds = diagnostics.activation_stats(model, x)              # std of each Linear's output
    grads = diagnostics.gradient_stats(model, x, y)            # std of each Linear weight's gradient
    dead = diagnostics.dead_relu_fraction(model, x)            # per ReLU: units that are 0 on every example

They leave the model as they found it: hooks are removed, no ``.grad`` is written (gradients come from
``torch.autograd.grad``), and the model stays in the mode (train/eval) it was in.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable

import torch
import torch.nn.functional as F

ModuleTypes = type | tuple[type, ...]


@contextmanager
def _record_outputs(model: torch.nn.Module, module_type: ModuleTypes):
    """Collect the output of every ``module_type`` submodule during the forward passes inside the block."""
    layers = [m for m in model.modules() if isinstance(m, module_type)]
    if not layers:
        raise ValueError(f"the model has no submodule of type {module_type}")
    outputs: list[torch.Tensor] = []
    handles = [m.register_forward_hook(lambda module, args, output: outputs.append(output)) for m in layers]
    try:
        yield outputs
    finally:
        for handle in handles:
            handle.remove()


def activation_stats(model: torch.nn.Module, x: torch.Tensor, module_type: ModuleTypes = torch.nn.Linear,
                     statistic: str = "std") -> list[float]:
    """Per layer, the ``"std"`` (or ``"mean"``, or root-mean-square ``"rms"``) of its output on the batch ``x``.

    With ``module_type=torch.nn.Linear`` these are the pre-activations :math:`z_l = W_l a_{l-1} + b_l`;
    pass the activation's module type to see the post-activations instead. A module that runs twice
    (a shared layer) contributes two entries.
    """
    reduce = {"std": torch.std, "mean": torch.mean, "rms": lambda t: t.pow(2).mean().sqrt()}[statistic]
    with _record_outputs(model, module_type) as outputs, torch.no_grad():
        model(x)
    return [reduce(output.double()).item() for output in outputs]


def gradient_stats(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor,
                   loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] = F.cross_entropy,
                   module_type: ModuleTypes = torch.nn.Linear, wrt: str = "weight",
                   statistic: str = "std") -> list[float]:
    """Per layer, the ``"std"`` or ``"norm"`` (Frobenius) of a gradient of ``loss_fn(model(x), y)``.

    ``wrt="weight"``: the gradient with respect to each layer's ``weight`` (what the optimizer sees).
    ``wrt="output"``: the gradient with respect to each layer's output, :math:`\\partial L / \\partial z_l`,
    the backward signal whose variance the ``fan_out`` condition keeps constant.

    No ``.grad`` is written. Avoid ``inplace=True`` activations right after a layer with ``wrt="output"``:
    they overwrite the output whose gradient is asked for.
    """
    if wrt not in ("weight", "output"):
        raise ValueError(f'wrt must be "weight" or "output", got {wrt!r}')
    reduce = {"std": torch.std, "norm": torch.linalg.vector_norm}[statistic]
    with _record_outputs(model, module_type) as outputs:
        loss = loss_fn(model(x), y)
    if wrt == "weight":
        targets = [m.weight for m in model.modules() if isinstance(m, module_type)]
    else:
        targets = list(outputs)
    grads = torch.autograd.grad(loss, targets, allow_unused=True)
    return [float("nan") if g is None else reduce(g.double()).item() for g in grads]


def dead_relu_fraction(model: torch.nn.Module, x: torch.Tensor,
                       module_type: ModuleTypes = torch.nn.ReLU) -> list[float]:
    """Per activation layer, the fraction of its units whose output is ``<= 0`` for **every** example in ``x``.

    For ReLU these units are "dead" on this batch: the output is 0 everywhere, so no gradient flows
    through them and, unless the layers below change their input, they never recover. For Leaky ReLU,
    PReLU or ELU the same count gives the units stuck in the negative regime, which still receive a
    gradient (through the slope) and can come back. Outputs are ``[N, units, ...]``; every non-batch
    index counts as one unit.
    """
    with _record_outputs(model, module_type) as outputs, torch.no_grad():
        model(x)
    return [(output <= 0).all(dim=0).double().mean().item() for output in outputs]
