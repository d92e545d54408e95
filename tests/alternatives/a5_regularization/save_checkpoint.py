"""save_checkpoint with NamedTemporaryFile(delete=False) and Path.replace; RNG states gathered inline."""
import os
import random
import tempfile
from pathlib import Path

import numpy as np
import torch

COMPONENT = "save_checkpoint"
FILE = "callbacks.py"


def save_checkpoint(path, model, optimizer=None, scheduler=None, epoch=None, **extra):
    path = Path(path)
    python_state = random.getstate()
    numpy_state = np.random.get_state()
    checkpoint = {
        "model": model.state_dict(),
        "optimizer": None if optimizer is None else optimizer.state_dict(),
        "scheduler": None if scheduler is None else scheduler.state_dict(),
        "epoch": epoch,
        "extra": dict(extra),
        "rng": {
            "python": [python_state[0], list(python_state[1]), python_state[2]],
            "numpy": [numpy_state[0], torch.tensor(numpy_state[1].tolist(), dtype=torch.int64),
                      int(numpy_state[2]), int(numpy_state[3]), float(numpy_state[4])],
            "torch": torch.random.get_rng_state(),
            "cuda": [torch.cuda.get_rng_state(i) for i in range(torch.cuda.device_count())],
        },
    }
    temporary = tempfile.NamedTemporaryFile(dir=path.parent, delete=False)
    try:
        with temporary:
            torch.save(checkpoint, temporary)
            temporary.flush()
            os.fsync(temporary.fileno())
        Path(temporary.name).replace(path)
    except BaseException:
        Path(temporary.name).unlink(missing_ok=True)
        raise
