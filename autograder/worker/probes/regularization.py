"""Probes for regularization: dropout and alpha dropout (judged by the statistics of what they return), the
weight penalties and max_norm_ (compared with the reference), and MC dropout (statistics plus side effects).

Dropout draws random masks, and a correct implementation may draw them in any order, with torch.rand or
torch.bernoulli, on CPU or CUDA streams: the masks can never be compared with the reference's bit for bit. So
the dropout probes return the sample itself (the input, the output, the input's gradient for a random upstream
gradient) and the check's compare judges its properties (autograder/checks/a5_regularization/_dropout_samples.py).
Each probe seeds torch's global generator first, so a student's result never changes between runs.

Every tensor made here lives on the inputs' device (a variant may set torch's default device to meta).
"""
from __future__ import annotations

import torch

PROBES = {"dropout_function", "dropout_module", "alpha_dropout", "penalty", "max_norm", "mc_dropout"}


def _error_name(make) -> str | None:
    """The type name of the exception `make()` raises, or None when it raises nothing."""
    try:
        make()
    except Exception as exc:  # noqa: BLE001 - any type is reported, the check says which one it expects
        return type(exc).__name__
    return None


def _forward_backward(function, x, upstream):
    """{"y": output, "grad": d(sum(upstream * y))/dx, or None when no gradient reaches x}."""
    leaf = x.clone().requires_grad_(True)
    y = function(leaf)
    grad = None
    if isinstance(y, torch.Tensor) and y.requires_grad:
        y.backward(upstream)
        grad = None if leaf.grad is None else leaf.grad.detach().clone()
    return {"y": y.detach().clone() if isinstance(y, torch.Tensor) else y, "grad": grad}


def dropout_function(module, x, upstream, p, small, seed, invalid_ps):
    """dropout(x, p) in training mode on a large x; then training=False, p=0 and p=1 on `small`; then
    the exception each invalid p raises."""
    torch.manual_seed(seed)
    small_upstream = upstream.reshape(-1)[:small.numel()].reshape(small.shape)
    return {
        "x": x, "upstream": upstream, "small": small, "small_upstream": small_upstream, "p": p,
        "train": _forward_backward(lambda t: module.dropout(t, p, True), x, upstream),
        "eval": _forward_backward(lambda t: module.dropout(t, p, training=False), small, small_upstream),
        "p0": _forward_backward(lambda t: module.dropout(t, 0.0), small, small_upstream),
        "p1": _forward_backward(lambda t: module.dropout(t, 1.0), small, small_upstream),
        "invalid": [_error_name(lambda q=q: module.dropout(small, q)) for q in invalid_ps],
    }


def dropout_module(module, x, upstream, p, small, seed, invalid_ps):
    """Dropout(p) as a layer: two training-mode calls (each draws its own mask), eval mode, inplace=True,
    and invalid p at construction."""
    torch.manual_seed(seed)
    small_upstream = upstream.reshape(-1)[:small.numel()].reshape(small.shape)
    layer = module.Dropout(p)
    layer.train()
    first = _forward_backward(layer, x, upstream)
    second = {"y": layer(x.clone()).detach().clone(), "grad": None}
    layer.eval()
    evaluated = _forward_backward(layer, small, small_upstream)
    in_place = module.Dropout(p, inplace=True)
    in_place.train()
    target = x.clone()
    returned = in_place(target)
    return {
        "x": x, "upstream": upstream, "small": small, "small_upstream": small_upstream, "p": p,
        "train": first, "second": second, "eval": evaluated,
        "inplace": {"returned_input": returned is target, "y": target.clone(), "grad": None},
        "invalid": [_error_name(lambda q=q: module.Dropout(q)) for q in invalid_ps],
    }


def alpha_dropout(module, x, p, small, seed):
    """AlphaDropout(p) on a large standard normal x in training mode, and in eval mode on `small`."""
    torch.manual_seed(seed)
    layer = module.AlphaDropout(p)
    layer.train()
    with torch.no_grad():
        y = layer(x.clone())
    layer.eval()
    with torch.no_grad():
        evaluated = layer(small.clone())
    return {"x": x, "p": p, "train": y.clone(), "eval": evaluated.clone()}


def penalty(module, function, params, lam, pass_as):
    """l1_penalty or l2_penalty of leaf tensors made from `params` (handed over as a list or a generator,
    like model.parameters()), and the gradient of the penalty with respect to each of them."""
    leaves = [p.clone().requires_grad_(True) for p in params]
    handed = (p for p in leaves) if pass_as == "generator" else list(leaves)
    value = getattr(module, function)(handed, lam)
    grads = None
    if isinstance(value, torch.Tensor) and value.requires_grad:
        grads = list(torch.autograd.grad(value, leaves, allow_unused=True))
    return {"value": value.detach().clone() if isinstance(value, torch.Tensor) else value, "grads": grads}


def max_norm(module, weights, max_norms):
    """max_norm_(w, c) on a copy of each weight: the weight afterwards (it works in place) and whether the
    function returned that very tensor."""
    out = []
    for weight, limit in zip(weights, max_norms):
        w = weight.clone()
        returned = module.max_norm_(w, limit)
        out.append({"weight": w, "returns_its_argument": returned is w})
    return out


def _mc_model(state, device, dtype):
    """Linear -> BatchNorm1d -> ReLU -> Dropout -> Linear, loaded with the given weights and running statistics.

    The dropout layer is torch.nn.Dropout, so the check does not depend on the student's own Dropout."""
    width_in, hidden = state["0.weight"].shape[1], state["0.weight"].shape[0]
    outputs = state["4.weight"].shape[0]
    model = torch.nn.Sequential(
        torch.nn.Linear(width_in, hidden, device=device, dtype=dtype),
        torch.nn.BatchNorm1d(hidden, device=device, dtype=dtype),
        torch.nn.ReLU(),
        torch.nn.Dropout(state["p"]),
        torch.nn.Linear(hidden, outputs, device=device, dtype=dtype),
    )
    model.load_state_dict({k: v for k, v in state.items() if k != "p"})
    return model


def mc_dropout(module, state, x, n_samples, seed):
    """mc_dropout_predict twice: once on a model being trained whose batch norm is frozen (eval mode inside a
    training model), once on a model in eval mode. Returns the statistics of the first call, whether the
    results carry a graph, batch norm's running statistics afterwards, and every module's training flag."""
    torch.manual_seed(seed)
    model = _mc_model(state, x.device, x.dtype)
    model.train()
    model[1].eval()                          # a frozen batch norm inside a model that is training
    mean, std = module.mc_dropout_predict(model, x, n_samples=n_samples)
    modes_mixed = [m.training for m in model.modules()]
    model.eval()
    mean_eval, std_eval = module.mc_dropout_predict(model, x, n_samples=4)
    modes_eval = [m.training for m in model.modules()]
    batch_norm = model[1]
    return {
        "n_samples": n_samples,
        "mean": mean.detach().clone(), "std": std.detach().clone(),
        "requires_grad": [bool(t.requires_grad) for t in (mean, std, mean_eval, std_eval)],
        "running_mean": batch_norm.running_mean.clone(), "running_var": batch_norm.running_var.clone(),
        "num_batches_tracked": int(batch_norm.num_batches_tracked),
        "modes_after_mixed": modes_mixed, "modes_after_eval": modes_eval,
    }
