"""save_checkpoint that writes straight to the target path: a crash mid-write destroys the old checkpoint."""
import random

import numpy as np
import torch

COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("A crash while saving left a damaged checkpoint: you write directly over the previous file, so for "
        "a moment it is half old, half new, or empty. Write to a temporary file in the same folder, flush "
        "and fsync it, then rename it into place (handout section 9, atomic writes).")


def _rng_states():
    version, internal_state, gauss_next = random.getstate()
    name, keys, position, has_gauss, cached_gaussian = np.random.get_state()
    return {
        "python": [version, list(internal_state), gauss_next],
        "numpy": [name, torch.from_numpy(keys.astype(np.int64)), position, has_gauss, cached_gaussian],
        "torch": torch.get_rng_state(),
        "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else [],
    }


def save_checkpoint(path, model, optimizer=None, scheduler=None, epoch=None, **extra):
    checkpoint = {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict() if optimizer is not None else None,
        "scheduler": scheduler.state_dict() if scheduler is not None else None,
        "epoch": epoch,
        "extra": extra,
        "rng": _rng_states(),
    }
    torch.save(checkpoint, path)
