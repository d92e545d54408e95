"""Checkpoint checks shared by save_checkpoint and load_checkpoint (the probes: worker/probes/callbacks.py).

The central property: a run interrupted after a checkpoint and resumed from it, in a fresh model, optimizer and
scheduler with other weights and other random states, continues exactly as the uninterrupted run did: the same
losses and parameters bit for bit (the model, SGD's momentum, StepLR's position and every random number
generator restored). Each side's resumed run is compared with its own uninterrupted run, not with the
reference's: the reference runs in the grader's process, whose global generators other threads may draw from.
"""
from __future__ import annotations

import math

import torch

from ...feedback import Mismatch, compare_outputs
from .dropout_samples import PROBE_SEED_OFFSET, as_tensor

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


def compare_resume(expected, got, dtype, expected_device=None) -> Mismatch | None:
    """The resumed run equals the uninterrupted one bit for bit; load_checkpoint returns the epoch and extras."""
    if not isinstance(got, dict):
        return Mismatch((), f"expected the probe's record, got {type(got).__name__}")
    runs = got.get("uninterrupted"), got.get("resumed")
    if not all(isinstance(r, list) and len(r) == len(expected["resumed"]) for r in runs):
        return Mismatch((), "the runs did not record every epoch")
    first_epoch = expected["returned"]["epoch"]      # the reference returns the epoch it was given
    for k, (before, after) in enumerate(zip(*runs)):
        epoch = first_epoch + k
        for key in ("losses", "params"):
            a, b = before.get(key), after.get(key)
            a = [as_tensor(t) for t in a] if isinstance(a, list) else [as_tensor(a)]
            b = [as_tensor(t) for t in b] if isinstance(b, list) else [as_tensor(b)]
            for i, (u, r) in enumerate(zip(a, b)):
                if u is None or r is None or u.shape != r.shape or not torch.equal(u, r):
                    what = "the batch losses" if key == "losses" else f"parameter {i}"
                    gap = f" (largest difference {float((u - r).abs().max()):.3g})" if (
                        u is not None and r is not None and u.shape == r.shape) else ""
                    return Mismatch(("resumed", k, key, i),
                                    f"resumed from the checkpoint saved before epoch {first_epoch}, {what} after "
                                    f"epoch {epoch} differ from the uninterrupted run's{gap}. A resumed run must "
                                    "continue bit for bit: model, optimizer, scheduler and every random number "
                                    "generator (Python, NumPy, torch) must come back")
    found = compare_outputs(expected["returned"], got.get("returned"), dtype, ("returned",), expected_device)
    if found:
        return Mismatch(("returned",), f"load_checkpoint should return {{'epoch': epoch, **extra}} = "
                                       f"{expected['returned']!r}; {'at ' + repr(list(found.path[1:])) + ': ' if found.path[1:] else ''}"
                                       f"{found.message}")
    return None
