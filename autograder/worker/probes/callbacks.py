"""Probes for the training-loop callbacks: EarlyStopping through scripted metric sequences, and checkpoints
through a small training run that is interrupted and resumed, a safe load, and a crash in the middle of saving.

Checkpoint files go into a fresh tempfile.mkdtemp() folder (inside the worker, that is its scratch folder) and
the folder is removed afterwards.
"""
from __future__ import annotations

import io
import os
import random
import shutil
import tempfile
import threading

import numpy as np
import torch

PROBES = {"early_stopping", "resume", "safe_load", "crash_while_saving"}

# The resumed run must repeat the uninterrupted one draw for draw from the global generators. In the grader's
# process several threads may run this probe at once (the reference, the known mistakes for a hint); one at a
# time, or they would draw from each other's generators. (Inside a worker there is only one thread anyway.)
_ONE_RUN_AT_A_TIME = threading.Lock()


# -- EarlyStopping ------------------------------------------------------------------------------------------

def early_stopping(module, scenarios, weights):
    """Each scenario: {"kwargs": {...}, "metrics": [...], "best_at": i}. Before step i the model's weights are
    set to weights + i in place (an optimizer works in place too), so a stored view would follow them.
    Recorded after every step: the returned bool, best and best_epoch; at the end, restore(model)'s weights."""
    out = []
    for scenario in scenarios:
        model = torch.nn.Linear(weights.shape[1], weights.shape[0], bias=False, device=weights.device,
                                dtype=weights.dtype)
        stopper = module.EarlyStopping(**scenario["kwargs"])
        steps = []
        for i, metric in enumerate(scenario["metrics"]):
            with torch.no_grad():
                model.weight.copy_(weights + i)
            stop = stopper.step(metric, model)
            best = stopper.best
            steps.append({"stop": stop if isinstance(stop, bool) else repr(stop),
                          "best": float(best) if isinstance(best, (int, float, torch.Tensor)) else repr(best),
                          "best_epoch": stopper.best_epoch})
        with torch.no_grad():
            model.weight.add_(1000.0)
        stopper.restore(model)
        out.append({"steps": steps, "restored": model.weight.detach().clone()})
    return out


# -- checkpoints ---------------------------------------------------------------------------------------------

class MomentumSGD:
    """SGD with momentum, written out so the probe needs no torch.optim: constructing a torch.optim optimizer
    imports torch._dynamo, seconds of a worker's time. save_checkpoint and load_checkpoint only ever call
    state_dict() and load_state_dict(), which this offers like torch's optimizers do."""

    def __init__(self, params, lr, momentum):
        self.params, self.lr, self.momentum = list(params), lr, momentum
        self.buffers = [torch.zeros_like(p) for p in self.params]

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for p, buffer in zip(self.params, self.buffers):
            buffer.mul_(self.momentum).add_(p.grad)
            p.add_(buffer, alpha=-self.lr)

    def state_dict(self):
        return {"lr": self.lr, "momentum": self.momentum, "buffers": [b.clone() for b in self.buffers]}

    def load_state_dict(self, state):
        self.lr, self.momentum = state["lr"], state["momentum"]
        for buffer, saved in zip(self.buffers, state["buffers"]):
            buffer.copy_(saved)


class StepSchedule:
    """StepLR(step_size=2, gamma=0.5) in a few lines: the learning rate halves every 2 epochs."""

    def __init__(self, optimizer, base_lr):
        self.optimizer, self.base_lr, self.epochs_done = optimizer, base_lr, 0

    def step(self):
        self.epochs_done += 1
        self.optimizer.lr = self.base_lr * 0.5 ** (self.epochs_done // 2)

    def state_dict(self):
        return {"base_lr": self.base_lr, "epochs_done": self.epochs_done}

    def load_state_dict(self, state):
        self.base_lr, self.epochs_done = state["base_lr"], state["epochs_done"]


def _run_parts(state, device, dtype):
    """A tiny model with dropout, SGD with momentum and a step schedule, loaded with the given weights."""
    model = torch.nn.Sequential(
        torch.nn.Linear(state["0.weight"].shape[1], state["0.weight"].shape[0], device=device, dtype=dtype),
        torch.nn.ReLU(),
        torch.nn.Dropout(0.3),
        torch.nn.Linear(state["3.weight"].shape[1], state["3.weight"].shape[0], device=device, dtype=dtype),
    )
    model.load_state_dict(state)
    optimizer = MomentumSGD(model.parameters(), lr=0.05, momentum=0.9)
    scheduler = StepSchedule(optimizer, base_lr=0.05)
    return model, optimizer, scheduler


def _train_epoch(model, optimizer, scheduler, x, y):
    """One epoch drawing from every generator: torch (batch order, dropout), Python and NumPy (noise)."""
    model.train()
    order = torch.randperm(x.shape[0], device=x.device)
    losses = []
    for batch in order.reshape(-1, 8):
        optimizer.zero_grad()
        target_noise = torch.as_tensor(np.random.normal(0.0, 0.1, size=tuple(y[batch].shape)),
                                       dtype=x.dtype, device=x.device)
        loss = ((model(x[batch]) - y[batch] - target_noise) ** 2).mean() * (1.0 + 0.1 * random.random())
        loss.backward()
        optimizer.step()
        losses.append(loss.detach().clone())
    scheduler.step()
    return torch.stack(losses)


def _params(model):
    return [p.detach().clone() for p in model.parameters()]


def _seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def resume(module, state, other_state, x, y, epochs, save_after, seed, extra):
    """Train `epochs` epochs, saving a checkpoint after `save_after` of them (the uninterrupted run); then, as a
    new process would, build everything afresh from other weights with other random states, load the
    checkpoint and train the remaining epochs (the resumed run). Both record parameters and losses after
    each remaining epoch, and the resumed run what load_checkpoint returned."""
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "checkpoint.pt")
    try:
        with _ONE_RUN_AT_A_TIME:
            return _resume(module, path, state, other_state, x, y, epochs, save_after, seed, extra)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _resume(module, path, state, other_state, x, y, epochs, save_after, seed, extra):
    """The two runs of `resume`, with the checkpoint at `path`."""
    _seed_everything(seed)
    model, optimizer, scheduler = _run_parts(state, x.device, x.dtype)
    uninterrupted = []
    for epoch in range(epochs):
        if epoch == save_after:
            module.save_checkpoint(path, model, optimizer, scheduler, epoch=epoch, **extra)
        losses = _train_epoch(model, optimizer, scheduler, x, y)
        if epoch >= save_after:
            uninterrupted.append({"params": _params(model), "losses": losses})

    _seed_everything(seed + 1)
    model, optimizer, scheduler = _run_parts(other_state, x.device, x.dtype)
    returned = module.load_checkpoint(path, model, optimizer, scheduler)
    resumed = []
    for epoch in range(save_after, epochs):
        losses = _train_epoch(model, optimizer, scheduler, x, y)
        resumed.append({"params": _params(model), "losses": losses})
    return {"uninterrupted": uninterrupted, "resumed": resumed, "returned": returned}


def safe_load(module, state, x, extra):
    """save_checkpoint, then torch.load(path, weights_only=True): does the restricted unpickler accept the file?"""
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "checkpoint.pt")
    try:
        model, optimizer, scheduler = _run_parts(state, x.device, x.dtype)
        module.save_checkpoint(path, model, optimizer, scheduler, epoch=7, **extra)
        try:
            torch.load(path, weights_only=True)
        except Exception as exc:  # noqa: BLE001 - the type is what the check reports
            return {"loads_with_weights_only": False, "error": type(exc).__name__}
        return {"loads_with_weights_only": True, "error": None}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class SimulatedCrash(OSError):
    """What the patched torch.save raises after writing half of the checkpoint."""


def _crashing_save(real_save):
    def save(obj, f, *args, **kwargs):
        buffer = io.BytesIO()
        real_save(obj, buffer, *args, **kwargs)
        half = buffer.getvalue()[: len(buffer.getvalue()) // 2]
        if isinstance(f, (str, os.PathLike)):
            with open(f, "wb") as file:
                file.write(half)
        else:
            f.write(half)
        raise SimulatedCrash("disk full (simulated by the grader in the middle of torch.save)")
    return save


def crash_while_saving(module, state, x):
    """Save a checkpoint for epoch 1; then save one for epoch 2 with torch.save patched to write half the file
    and raise. Recorded: the error save_checkpoint let through, the folder's files afterwards, and the epoch
    in the file (read with torch.load(weights_only=True)), or the error reading it."""
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "checkpoint.pt")
    real_save = torch.save
    patched = [(torch, "save"), (torch.serialization, "save")]
    patched += [(module, name) for name, value in vars(module).items() if value is real_save]
    try:
        model, optimizer, scheduler = _run_parts(state, x.device, x.dtype)
        module.save_checkpoint(path, model, optimizer, scheduler, epoch=1)
        crashing = _crashing_save(real_save)
        for owner, name in patched:
            setattr(owner, name, crashing)
        try:
            module.save_checkpoint(path, model, optimizer, scheduler, epoch=2)
            raised = None
        except Exception as exc:  # noqa: BLE001 - the type is what the check reports
            raised = type(exc).__name__
        finally:
            for owner, name in patched:
                setattr(owner, name, real_save)
        files = sorted(os.listdir(folder))
        try:
            checkpoint = torch.load(path, weights_only=True)
            epoch = checkpoint.get("epoch") if isinstance(checkpoint, dict) else None
            if not isinstance(epoch, int):
                epoch = repr(epoch)
        except Exception as exc:  # noqa: BLE001
            epoch = f"unreadable ({type(exc).__name__})"
        return {"error_let_through": raised, "files": files, "epoch_in_file": epoch}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
