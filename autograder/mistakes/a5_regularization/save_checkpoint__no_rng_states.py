"""save_checkpoint that stores model, optimizer and scheduler but no random number generator states."""
import os
import random
import tempfile

import numpy as np
import torch

COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("Your resumed run drifts away from the uninterrupted one although weights, optimizer and scheduler "
        "were restored: dropout masks, shuffling and noise come from the random number generators (Python, "
        "NumPy, torch CPU and CUDA), whose states a resumable checkpoint must hold too (handout section 9).")


def save_checkpoint(path, model, optimizer=None, scheduler=None, epoch=None, **extra):
    checkpoint = {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict() if optimizer is not None else None,
        "scheduler": scheduler.state_dict() if scheduler is not None else None,
        "epoch": epoch,
        "extra": extra,
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
