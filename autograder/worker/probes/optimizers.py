"""Probes for optimizers: drive an optimizer through a scripted run and record every parameter after every step.

A scenario is plain data the grader makes from a seed:
    groups    [{"params": [tensor, ...], "options": {"lr": 0.1, ...}}, ...]   initial values and per-group options
    kwargs    constructor keywords shared by all groups (betas, eps, momentum, ...)
    grads     grads[step][i] is the gradient of the i-th parameter (counted across groups) or None (no .grad)
    lrs       optional: lrs[step] is a list of per-group learning rates set before that step
    reload_at optional step: before it, state_dict() goes into a brand-new optimizer (a resumed run)
    closure   if true, step(closure) is used; the closure makes the gradients with autograd and returns the loss
    wrap      optional {"k": .., "alpha": .., "inner": "SGD" | "Adam", "inner_kwargs": {...}}: the component is a
              wrapper (Lookahead) around one of torch.optim's optimizers
"""
from __future__ import annotations

import torch

PROBES = {"trajectory"}


def _build(module, component, params_by_group, options, kwargs, wrap):
    groups = [{"params": ps, **opts} for ps, opts in zip(params_by_group, options)]
    if wrap is None:
        return getattr(module, component)(groups, **kwargs)
    inner = getattr(torch.optim, wrap["inner"])(groups, **wrap.get("inner_kwargs", {}))
    return getattr(module, component)(inner, k=wrap["k"], alpha=wrap["alpha"])


def trajectory(module, component, groups, kwargs, grads, lrs=None, reload_at=None, closure=False, wrap=None):
    params_by_group = [[p.clone().requires_grad_(True) for p in g["params"]] for g in groups]
    options = [g["options"] for g in groups]
    params = [p for ps in params_by_group for p in ps]
    optimizer = _build(module, component, params_by_group, options, kwargs, wrap)
    history, losses = [], []
    for step, step_grads in enumerate(grads):
        if reload_at is not None and step == reload_at:
            state = optimizer.state_dict()
            optimizer = _build(module, component, params_by_group, options, kwargs, wrap)
            optimizer.load_state_dict(state)
        if lrs is not None:
            for group, lr in zip(optimizer.param_groups, lrs[step]):
                group["lr"] = lr
        if closure:
            def make_loss(step_grads=step_grads):
                # loss = sum_i <p_i, g_i>, so autograd gives exactly g_i; parameters with no gradient stay out
                for p in params:
                    p.grad = None
                loss = sum((p * g).sum() for p, g in zip(params, step_grads) if g is not None)
                loss.backward()
                return loss
            returned = optimizer.step(make_loss)
            losses.append(returned.detach().clone() if isinstance(returned, torch.Tensor) else returned)
        else:
            for p, g in zip(params, step_grads):
                p.grad = None if g is None else g.clone()
            optimizer.step()
        history.append([p.detach().clone() for p in params])
    result = {"params": history}
    if closure:
        result["loss"] = losses
    return result
