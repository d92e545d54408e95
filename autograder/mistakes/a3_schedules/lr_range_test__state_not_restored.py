"""LR range test leaving the model trained (and the optimizer at the last rate) afterwards."""
import math

import torch

COMPONENT = "lr_range_test"
FILE = "schedules.py"
HINT = ("Your rates and losses are right, but afterwards the model and optimizer are not as they were: the test "
        "trains the model with absurd rates, so save copies of model.state_dict() and optimizer.state_dict() "
        "first (deep copies: state_dict() holds the live tensors) and load them back at the end, even on an "
        "error. Re-read the lr_range_test docstring.")


def _snapshot(state):
    """A deep copy of a state dict (tensors cloned), so training cannot change it."""
    if isinstance(state, torch.Tensor):
        return state.detach().clone()
    if isinstance(state, dict):
        return {key: _snapshot(value) for key, value in state.items()}
    if isinstance(state, (list, tuple)):
        return type(state)(_snapshot(value) for value in state)
    return state


def lr_range_test(model, loss_fn, batches, optimizer, start_lr=1e-7, end_lr=10.0, num_iters=100, smooth=0.05,
                  diverge=4.0):
    saved_model = _snapshot(model.state_dict())
    saved_optimizer = _snapshot(optimizer.state_dict())
    was_training = model.training
    lrs, losses = [], []
    try:
        model.train()
        iterator = iter(batches)
        average, best = 0.0, math.inf
        for i in range(num_iters):
            lr = start_lr * (end_lr / start_lr) ** (i / (num_iters - 1))
            for group in optimizer.param_groups:
                group["lr"] = lr
            try:
                x, y = next(iterator)
            except StopIteration:
                iterator = iter(batches)
                x, y = next(iterator)
            loss = loss_fn(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            average = (1 - smooth) * average + smooth * loss.item()
            smoothed = average / (1 - (1 - smooth) ** (i + 1))
            lrs.append(lr)
            losses.append(smoothed)
            best = min(best, smoothed)
            if not math.isfinite(smoothed) or smoothed > diverge * best:
                break
    finally:
        model.train(was_training)
    return lrs, losses
