"""Probes for gradient clipping: set up parameters with given gradients, clip, record what changed.

A clipping scenario is a list of calls, each plain data the grader makes from a seed:
    params     the parameter values (leaf tensors requiring grad are made from them)
    grads      grads[i] becomes params[i].grad, or None (a parameter without a gradient, to be skipped)
    pass_as    how the parameters are handed over: "list", "generator" (like model.parameters(), which can
               be iterated only once) or "tensor" (a single tensor, which torch also accepts)
    may_raise  the call is expected to raise (or not): the probe records the exception's type name
    and the function's own arguments: max_norm, norm_type, error_if_nonfinite (clip_grad_norm_) or
    clip_value (clip_grad_value_).

Recorded after each call: every gradient, whether each .grad is still the very tensor it was before (clipping
works in place, so anything holding the gradient sees the clipped values), and the parameters themselves
(which clipping must leave alone).
"""
from __future__ import annotations

import torch

PROBES = {"clip_norm", "clip_value"}


def _parameters_with_grads(call):
    params = []
    for value, grad in zip(call["params"], call["grads"]):
        p = value.clone().requires_grad_(True)
        p.grad = None if grad is None else grad.clone()
        params.append(p)
    return params


def _hand_over(params, pass_as):
    if pass_as == "tensor":
        return params[0]
    if pass_as == "generator":
        return (p for p in params)
    return list(params)


def _after(params, originals):
    return {
        "grads": [None if p.grad is None else p.grad.clone() for p in params],
        "grad_is_same_tensor": [None if g is None else p.grad is g for p, g in zip(params, originals)],
        "params": [p.detach().clone() for p in params],
    }


def clip_norm(module, calls):
    results = []
    for call in calls:
        params = _parameters_with_grads(call)
        originals = [p.grad for p in params]
        arguments = _hand_over(params, call["pass_as"])
        options = {"norm_type": call["norm_type"], "error_if_nonfinite": call["error_if_nonfinite"]}
        if call.get("may_raise"):
            try:
                total_norm = module.clip_grad_norm_(arguments, call["max_norm"], **options)
            except NotImplementedError:
                raise                 # a stub: not implemented yet, which says nothing about raising
            except Exception as exc:  # the scenario asks whether it raises, and what
                results.append({"raised": type(exc).__name__, "total_norm": None})
                continue
            results.append({"raised": None, "total_norm": _plain(total_norm)})
            continue
        total_norm = module.clip_grad_norm_(arguments, call["max_norm"], **options)
        results.append({"total_norm": _plain(total_norm), **_after(params, originals)})
    return results


def clip_value(module, calls):
    results = []
    for call in calls:
        params = _parameters_with_grads(call)
        originals = [p.grad for p in params]
        module.clip_grad_value_(_hand_over(params, call["pass_as"]), call["clip_value"])
        results.append(_after(params, originals))
    return results


def _plain(value):
    return value.detach().clone() if isinstance(value, torch.Tensor) else value
