"""Callbacks around the training loop: early stopping, and checkpoints a run can resume from exactly.

``EarlyStopping`` watches a validation metric once per epoch and says when to stop; it keeps a copy of the
best weights so you can go back to them. ``save_checkpoint``/``load_checkpoint`` write and read everything
a run needs to continue as if it had never been interrupted: the model, the optimizer (momentum buffers,
Adam's moments, step counts), the scheduler, and the state of every random number generator.

A checkpoint is read with ``torch.load(path, weights_only=True)``: unpickling an arbitrary file can run
arbitrary code, so we store only tensors and plain Python values (dicts, lists, tuples, numbers, strings,
None), which the restricted unpickler accepts.
"""
from __future__ import annotations

import copy
import math
import os
import random
import tempfile

import numpy as np
import torch


class EarlyStopping:
    """Stop training when a validation metric has stopped improving.

    Call ``step(metric, model)`` once per epoch with the validation metric. A step *improves* when the
    metric beats the best so far by more than ``min_delta``:

        mode="min" (a loss):      metric < best - min_delta
        mode="max" (an accuracy): metric > best + min_delta

    (the first step always improves). ``step`` returns True, "stop", once ``patience`` steps in a row have
    not improved; an improvement resets that count to 0.

    Attributes:
        best:        the best metric so far (inf for mode="min", -inf for mode="max" before the first step).
        best_epoch:  the 0-based index of the ``step`` call that set ``best`` (None before the first step).
        num_bad_steps: how many steps in a row have not improved.

    With ``restore_best_weights=True`` (and a ``model`` passed to ``step``), each improvement saves a
    *copy* of ``model.state_dict()``; ``restore(model)`` loads it back. A copy, because ``state_dict()``
    returns tensors that share memory with the live parameters: the optimizer's next step would
    overwrite the "best" weights too.
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0, mode: str = "min",
                 restore_best_weights: bool = True):
        if patience < 1:
            raise ValueError(f"patience must be >= 1, got {patience}")
        if min_delta < 0:
            raise ValueError(f"min_delta must be >= 0 (the direction comes from mode), got {min_delta}")
        if mode not in ("min", "max"):
            raise ValueError(f'mode must be "min" or "max", got {mode!r}')
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        self.restore_best_weights = restore_best_weights
        self.best = math.inf if mode == "min" else -math.inf
        self.best_epoch = None
        self.best_state = None          # the copy of the best state_dict
        self.num_bad_steps = 0
        self.num_steps = 0              # how many times step() was called

    def step(self, metric: float, model: torch.nn.Module | None = None) -> bool:
        """Record this epoch's ``metric`` (a number or a 1-element tensor); True means "stop now"."""
        metric = float(metric)
        if self.mode == "min":
            improved = metric <= self.best - self.min_delta
        else:
            improved = metric >= self.best + self.min_delta
        if improved:
            self.best = metric
            self.best_epoch = self.num_steps
            self.num_bad_steps = 0
            if self.restore_best_weights and model is not None:
                self.best_state = copy.deepcopy(model.state_dict())
        else:
            self.num_bad_steps += 1
        self.num_steps += 1
        return self.num_bad_steps >= self.patience

    def restore(self, model: torch.nn.Module) -> None:
        """Load the best weights seen so far into ``model`` (RuntimeError if none were saved)."""
        if self.best_state is None:
            raise RuntimeError("no best weights saved: pass the model to step() and keep "
                               "restore_best_weights=True")
        model.load_state_dict(self.best_state)


def get_rng_states() -> dict:
    """The state of every random number generator a run uses, as tensors and plain Python values.

    Keys: ``"python"`` (``random.getstate()`` as lists), ``"numpy"`` (NumPy's global generator, split into
    its pieces: ``np.random.get_state()`` holds a NumPy array, which ``weights_only`` loading refuses),
    ``"torch"`` (the CPU generator, a uint8 tensor) and ``"cuda"`` (a list with one uint8 tensor per
    CUDA device; empty without CUDA).
    """
    version, internal_state, gauss_next = random.getstate()
    name, keys, position, has_gauss, cached_gaussian = np.random.get_state()
    return {
        "python": [version, list(internal_state), gauss_next],
        "numpy": [name, torch.from_numpy(keys.astype(np.int64)), position, has_gauss, cached_gaussian],
        "torch": torch.get_rng_state(),
        "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else [],
    }


def set_rng_states(states: dict) -> None:
    """Put every generator back into the state ``get_rng_states()`` recorded.

    The tensors may have been loaded onto another device (``map_location``); generator states must be CPU
    uint8 tensors. CUDA states are restored only where this machine has CUDA.
    """
    version, internal_state, gauss_next = states["python"]
    random.setstate((version, tuple(internal_state), gauss_next))
    name, keys, position, has_gauss, cached_gaussian = states["numpy"]
    np.random.set_state((name, keys.cpu().numpy().astype(np.uint32), position, has_gauss, cached_gaussian))
    torch.set_rng_state(states["torch"].cpu())
    if states["cuda"] and torch.cuda.is_available():
        torch.cuda.set_rng_state_all([state.cpu() for state in states["cuda"]])


def save_checkpoint(path, model: torch.nn.Module, optimizer: torch.optim.Optimizer | None = None,
                    scheduler=None, epoch: int | None = None, **extra) -> None:
    """Write everything needed to resume training to ``path``, atomically.

    The file holds a dict:

        {"model": model.state_dict(), "optimizer": optimizer.state_dict() or None,
         "scheduler": scheduler.state_dict() or None, "epoch": epoch, "extra": extra,
         "rng": get_rng_states()}

    ``extra`` is anything else you want back (``best_val_loss=0.31``, a history dict, ...) as tensors and
    plain Python values, so the file stays loadable with ``torch.load(path, weights_only=True)``.

    Atomic: the checkpoint is written to a temporary file in the same folder, flushed and ``os.fsync``-ed
    to disk, then renamed over ``path`` with ``os.replace`` (a rename within one file system is atomic).
    A crash at any moment leaves either the old checkpoint or the new one, never half a file; on failure
    the temporary file is removed and the error re-raised.
    """
    checkpoint = {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict() if optimizer is not None else None,
        "scheduler": scheduler.state_dict() if scheduler is not None else None,
        "epoch": epoch,
        "extra": extra,
        "rng": get_rng_states(),
    }
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            torch.save(checkpoint, file)
            file.flush()                  # Python's buffer -> the operating system
            os.fsync(file.fileno())       # the operating system's cache -> the disk
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def load_checkpoint(path, model: torch.nn.Module, optimizer: torch.optim.Optimizer | None = None,
                    scheduler=None, map_location=None) -> dict:
    """Restore a checkpoint written by ``save_checkpoint``; returns ``{"epoch": epoch, **extra}``.

    Loads with ``torch.load(path, map_location=map_location, weights_only=True)``, then restores the
    model, the optimizer and the scheduler (those passed in; ValueError if one was passed but the
    checkpoint holds no state for it) and every random number generator (where the checkpoint has RNG
    states), so the next random number drawn is the one the uninterrupted run would have drawn.
    """
    checkpoint = torch.load(path, map_location=map_location, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    for name, thing in (("optimizer", optimizer), ("scheduler", scheduler)):
        if thing is None:
            continue
        if checkpoint.get(name) is None:
            raise ValueError(f"{path} holds no {name} state")
        thing.load_state_dict(checkpoint[name])
    if checkpoint.get("rng") is not None:
        set_rng_states(checkpoint["rng"])
    return {"epoch": checkpoint.get("epoch"), **checkpoint.get("extra", {})}
