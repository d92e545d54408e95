"""save_checkpoint that stores np.random.get_state() as it is (it holds a NumPy array)."""
import os
import random
import tempfile

import numpy as np
import torch

COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("torch.load(path, weights_only=True) refuses your checkpoint: it contains an object that is not a "
        "tensor or a plain Python value (NumPy's random state holds a NumPy array). Safe loading exists "
        "because unpickling can run code (handout section 9): store that state in pieces, the array as a "
        "tensor or list.")


def _rng_states():
    version, internal_state, gauss_next = random.getstate()
    name, keys, position, has_gauss, cached_gaussian = np.random.get_state()
    return {
        "python": [version, list(internal_state), gauss_next],
        "numpy": np.random.get_state(),
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
