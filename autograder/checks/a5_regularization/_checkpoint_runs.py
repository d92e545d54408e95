"""Checkpoint checks shared by save_checkpoint and load_checkpoint (the probes: worker/probes/callbacks.py).

The central property: a run interrupted after a checkpoint and resumed from it, in a fresh model, optimizer and
scheduler with other weights and other random states, continues exactly as the uninterrupted run did: the same
losses and parameters bit for bit (the model, the momentum buffers, the schedule's position and every random number
generator restored). Each side's resumed run is compared with its own uninterrupted run, not with the
reference's: the reference runs in the grader's process, whose global generators other threads may draw from.
"""
from __future__ import annotations

import math

import torch

from ...feedback import Mismatch, compare_outputs
from ._dropout_samples import PROBE_SEED_OFFSET, as_tensor

EXTRA = {"best_val_loss": 0.3125, "history": [1.5, 0.75, 0.5], "note": "lr halved every 2 epochs"}


def run_inputs(seed: int, epochs: int = 5, save_after: int = 2):
    """Weights for the tiny model (Linear 4->8, ReLU, Dropout, Linear 8->2), other weights for the resumed run,
    and 32 samples (4 batches of 8 per epoch)."""
    def weights(g):
        return {"0.weight": torch.randn(8, 4, generator=g, dtype=torch.float64) / 2,
                "0.bias": torch.randn(8, generator=g, dtype=torch.float64) / 4,
                "3.weight": torch.randn(2, 8, generator=g, dtype=torch.float64) / math.sqrt(8),
                "3.bias": torch.randn(2, generator=g, dtype=torch.float64) / 4}

    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        x = torch.randn(32, 4, generator=g, dtype=torch.float64)
        y = torch.stack([x[:, 0] - 2 * x[:, 1], x[:, 2] * x[:, 3]], dim=1)
        return {"state": weights(g), "other_state": weights(g), "x": x, "y": y, "epochs": epochs,
                "save_after": save_after, "seed": PROBE_SEED_OFFSET + seed, "extra": EXTRA}
    return make_inputs


def first_divergence(record) -> tuple | None:
    """Where a record's resumed run first leaves its uninterrupted run: (epoch index, "losses" or "params",
    item, first differing element), or None when they agree bit for bit ("broken" when a run is missing)."""
    runs = record.get("uninterrupted"), record.get("resumed")
    if not all(isinstance(r, list) for r in runs) or len(runs[0]) != len(runs[1]):
        return ("broken",)
    for k, (before, after) in enumerate(zip(*runs)):
        for key in ("losses", "params"):
            a, b = before.get(key), after.get(key)
            a = [as_tensor(t) for t in a] if isinstance(a, list) else [as_tensor(a)]
            b = [as_tensor(t) for t in b] if isinstance(b, list) else [as_tensor(b)]
            for i, (u, r) in enumerate(zip(a, b)):
                if u is None or r is None or u.shape != r.shape:
                    return (k, key, i, None)
                if not torch.equal(u, r):
                    return (k, key, i, int((u != r).reshape(-1).nonzero()[0]))
    return None


def diagnosis(where: tuple) -> str:
    """What a first difference at `where` (see first_divergence) points to."""
    k, key, i, element = where
    if k > 0:
        return ("the first epoch after loading matched, a later one did not: look at what changes between "
                "epochs, such as the scheduler's state")
    if key == "losses" and element == 0:
        return ("the very first batch after loading already differs: the weights or a random number generator "
                "(batch order, dropout masks and noise come from Python's, NumPy's and torch's) were not restored")
    return ("the first batch after loading matched but the optimizer steps went differently: the optimizer's "
            "state (momentum buffers, step counts) or its learning rate was not restored")


def compare_resume(expected, got, dtype, expected_device=None) -> Mismatch | None:
    """The resumed run equals the uninterrupted one bit for bit; load_checkpoint returns the epoch and extras.

    Only the student's own two runs are compared with each other (see the module docstring), so a known
    mistake is recognised by the epoch and extras it returns, not by where its run breaks; the feedback says
    instead what the place of the first difference points to."""
    if not isinstance(got, dict):
        return Mismatch((), f"expected the probe's record, got {type(got).__name__}")
    where = first_divergence(got)
    first_epoch = expected["returned"]["epoch"]          # the reference returns the epoch it was given
    if where == ("broken",):
        return Mismatch((), "the runs did not record every epoch")
    if where is not None:
        k, key, i, element = where
        what = f"the loss of batch {element}" if key == "losses" and element is not None else (
            "the losses" if key == "losses" else f"parameter {i}")
        return Mismatch(("resumed", k, key, i),
                        f"resumed from the checkpoint saved before epoch {first_epoch}, {what} in epoch "
                        f"{first_epoch + k} differs from the uninterrupted run's, and a resumed run must continue "
                        f"bit for bit: {diagnosis(where)}")
    found = compare_outputs(expected["returned"], got.get("returned"), dtype, ("returned",), expected_device)
    if found:
        return Mismatch(("returned",), f"load_checkpoint should return {{'epoch': epoch, **extra}} = "
                                       f"{expected['returned']!r}; {'at ' + repr(list(found.path[1:])) + ': ' if found.path[1:] else ''}"
                                       f"{found.message}")
    return None
