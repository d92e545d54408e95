"""Probes for learning-rate schedules and the LR range test.

schedule     drive a scheduler through a scripted run (optimizer.step(); scheduler.step()) and record, after
             construction and after every step, each group's lr, get_last_lr(), and for OneCycleLR the
             momentum (SGD) or betas (Adam) it cycles; optionally a state_dict() round trip mid-run.
plateau      the same for ReduceLROnPlateau, fed a scripted metric sequence with scheduler.step(metric).
range_test   run lr_range_test on a small regression model that diverges at large rates; return the rates,
             the smoothed losses, and whether the model and the optimizer were given back exactly as they were.
suggestion   call suggest_lr on a list of (lrs, losses) cases; return each answer or the exception's type name.

The optimizers are torch.optim's own (trusted), one parameter per group, so only the schedule is under test.
In the schedule runs the parameters have no gradient: optimizer.step() is called, as in training and in the
order torch expects, but leaves them alone (the rates are what is compared, and it keeps the runs fast).
Every tensor is made from the inputs (on their device), never on the default device.
"""
from __future__ import annotations

import copy

import torch

PROBES = {"schedule", "plateau", "range_test", "suggestion"}


def _optimizer(kind: str, params: list, group_lrs: list, options: dict) -> torch.optim.Optimizer:
    """torch.optim.SGD or torch.optim.Adam with one parameter group per entry of `group_lrs`."""
    optimizer_class = {"SGD": torch.optim.SGD, "Adam": torch.optim.Adam}[kind]
    return optimizer_class([{"params": [p], "lr": lr} for p, lr in zip(params, group_lrs)], **options)


def _record(optimizer, scheduler, cycled: str | None) -> dict:
    """What the schedule has set now: every group's lr, what get_last_lr() says, and the cycled momentum."""
    row = {"lr": [group["lr"] for group in optimizer.param_groups],
           "get_last_lr": list(scheduler.get_last_lr())}
    if cycled == "momentum":
        row["momentum"] = [group["momentum"] for group in optimizer.param_groups]
    elif cycled == "betas":
        row["betas"] = [list(group["betas"]) for group in optimizer.param_groups]
    return row


def _round_trip(make_optimizer, make_scheduler, optimizer, scheduler):
    """Save both state dicts (deep copies, as if written to disk), load them into a brand-new pair."""
    optimizer_state = copy.deepcopy(optimizer.state_dict())
    scheduler_state = copy.deepcopy(scheduler.state_dict())
    optimizer = make_optimizer()
    scheduler = make_scheduler(optimizer)
    optimizer.load_state_dict(optimizer_state)
    scheduler.load_state_dict(scheduler_state)
    return optimizer, scheduler


def schedule(module, component, params, group_lrs, kwargs, steps, optimizer="SGD", optimizer_kwargs=None,
             reload_at=None, epochs=None, cycled=None):
    """records[0] is after construction, records[t] after the t-th optimizer.step(); scheduler.step().

    epochs: if given, the t-th call is scheduler.step(epochs[t - 1]) (an explicit, possibly fractional epoch).
    reload_at: after step reload_at, the run goes on in a fresh optimizer and scheduler loaded from state dicts.
    """
    params = [p.clone().requires_grad_(True) for p in params]

    def make_optimizer():
        return _optimizer(optimizer, params, group_lrs, optimizer_kwargs or {})

    def make_scheduler(opt):
        return getattr(module, component)(opt, **kwargs)

    opt = make_optimizer()
    scheduler = make_scheduler(opt)
    records = [_record(opt, scheduler, cycled)]
    for step in range(1, steps + 1):
        opt.step()
        if epochs is None:
            scheduler.step()
        else:
            scheduler.step(epochs[step - 1])
        records.append(_record(opt, scheduler, cycled))
        if reload_at is not None and step == reload_at:
            opt, scheduler = _round_trip(make_optimizer, make_scheduler, opt, scheduler)
    return records


def plateau(module, params, group_lrs, kwargs, metrics, reload_at=None, metric_as_tensor=False):
    """records[0] is after construction, records[i] after the i-th scheduler.step(metrics[i - 1]).

    metric_as_tensor: each metric is passed as a 0-dim tensor (as a validation loss usually is).
    """
    params = [p.clone().requires_grad_(True) for p in params]

    def make_optimizer():
        return _optimizer("SGD", params, group_lrs, {})

    def make_scheduler(opt):
        return module.ReduceLROnPlateau(opt, **kwargs)

    opt = make_optimizer()
    scheduler = make_scheduler(opt)
    records = [_record(opt, scheduler, None)]
    for i, metric in enumerate(metrics, start=1):
        opt.step()
        if metric_as_tensor:
            metric = torch.tensor(metric, dtype=params[0].dtype, device=params[0].device)
        scheduler.step(metric)
        records.append(_record(opt, scheduler, None))
        if reload_at is not None and i == reload_at:
            opt, scheduler = _round_trip(make_optimizer, make_scheduler, opt, scheduler)
    return records


def _same_state(before: dict, after: dict) -> bool:
    """Optimizer state dicts' "state" parts equal: same entries, tensors bit for bit."""
    if set(before) != set(after):
        return False
    for key, entry in before.items():
        if not isinstance(after[key], dict) or set(entry) != set(after[key]):
            return False
        for name, value in entry.items():
            other = after[key][name]
            if isinstance(value, torch.Tensor):
                if not (isinstance(other, torch.Tensor) and other.shape == value.shape and torch.equal(other, value)):
                    return False
            elif other != value:
                return False
    return True


def range_test(module, x, y, w1, b1, w2, b2, batch_size, optimizer, optimizer_kwargs, kwargs):
    """lr_range_test on a 2-layer tanh network fitting y from x with the squared error.

    Before the test the optimizer takes one ordinary step (so it has state to restore: momentum buffers,
    Adam's moments) and the model is put in eval mode (the test must train, then give eval mode back).
    """
    model = torch.nn.Sequential(
        torch.nn.Linear(w1.shape[1], w1.shape[0], device=x.device, dtype=x.dtype),
        torch.nn.Tanh(),
        torch.nn.Linear(w2.shape[1], w2.shape[0], device=x.device, dtype=x.dtype))
    with torch.no_grad():
        for parameter, value in zip(model.parameters(), (w1, b1, w2, b2)):
            parameter.copy_(value)
    opt = {"SGD": torch.optim.SGD, "Adam": torch.optim.Adam}[optimizer](model.parameters(), **optimizer_kwargs)
    torch.nn.functional.mse_loss(model(x), y).backward()
    opt.step()
    opt.zero_grad()
    model.eval()
    batches = [(x[i:i + batch_size], y[i:i + batch_size]) for i in range(0, x.shape[0], batch_size)]

    parameters_before = {k: v.detach().clone() for k, v in model.state_dict().items()}
    optimizer_before = copy.deepcopy(opt.state_dict())
    lrs, losses = module.lr_range_test(model, torch.nn.functional.mse_loss, batches, opt, **kwargs)
    parameters_after = model.state_dict()
    optimizer_after = opt.state_dict()
    restored = {
        "parameters": set(parameters_after) == set(parameters_before) and all(
            torch.equal(parameters_after[k].detach(), v) for k, v in parameters_before.items()),
        "optimizer state": _same_state(optimizer_before["state"], optimizer_after["state"]),
        "optimizer hyperparameters": optimizer_after["param_groups"] == optimizer_before["param_groups"],
        "eval mode": not model.training,
    }
    return {"lrs": list(lrs), "losses": list(losses), "restored": restored}


def suggestion(module, cases):
    """For each {"lrs": [...], "losses": [...]}: {"raised": None, "suggestion": value} or {"raised": name, ...}."""
    answers = []
    for case in cases:
        try:
            answers.append({"raised": None, "suggestion": module.suggest_lr(case["lrs"], case["losses"])})
        except NotImplementedError:
            raise
        except Exception as exc:  # the type of a deliberate error is part of the contract (ValueError)
            answers.append({"raised": type(exc).__name__, "suggestion": None})
    return answers
