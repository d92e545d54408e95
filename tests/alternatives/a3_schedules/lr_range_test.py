"""LR range test with a running multiplier for the rate and the smoothed loss as a normalized weighted sum."""
import math

import torch

COMPONENT = "lr_range_test"
FILE = "schedules.py"


def _snapshot(state):
    if isinstance(state, torch.Tensor):
        return state.detach().clone()
    if isinstance(state, dict):
        return {key: _snapshot(value) for key, value in state.items()}
    if isinstance(state, (list, tuple)):
        return type(state)(_snapshot(value) for value in state)
    return state


def _endless(batches):
    while True:
        empty = True
        for batch in batches:
            empty = False
            yield batch
        if empty:
            raise ValueError("batches is empty or cannot be iterated again")


def lr_range_test(model, loss_fn, batches, optimizer, start_lr=1e-7, end_lr=10.0, num_iters=100, smooth=0.05,
                  diverge=4.0):
    if not 0 < start_lr < end_lr or num_iters < 2 or not 0 < smooth <= 1 or not diverge > 1:
        raise ValueError("bad arguments")
    model_state, optimizer_state = _snapshot(model.state_dict()), _snapshot(optimizer.state_dict())
    mode = model.training
    growth = (end_lr / start_lr) ** (1 / (num_iters - 1))
    lrs, losses, raw = [], [], []
    lr = start_lr
    try:
        model.train()
        source = _endless(batches)
        for i in range(num_iters):
            for group in optimizer.param_groups:
                group["lr"] = lr
            x, y = next(source)
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            raw.append(loss.item())
            weights = [(1 - smooth) ** (i - k) for k in range(i + 1)]
            smoothed = sum(w * v for w, v in zip(weights, raw)) / sum(weights)
            lrs.append(lr)
            losses.append(smoothed)
            if not math.isfinite(smoothed) or smoothed > diverge * min(losses):
                break
            lr *= growth
    finally:
        model.load_state_dict(model_state)
        optimizer.load_state_dict(optimizer_state)
        model.train(mode)
    return lrs, losses
