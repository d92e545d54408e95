"""save_checkpoint that forgets the learning-rate scheduler's state."""
import os
import random
import tempfile

import numpy as np
import torch

COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("The checkpoint holds no scheduler state, so a resumed run restarts the learning-rate schedule from"
        " the beginning (or cannot restore it). Everything that changes during training belongs in the "
        "checkpoint: re-read the list in handout section 9.")


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
        "scheduler": None,
        "epoch": epoch,
        "extra": extra,
        "rng": _rng_states(),
    }
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            torch.save(checkpoint, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
