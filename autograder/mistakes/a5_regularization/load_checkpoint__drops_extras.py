"""load_checkpoint that returns only the epoch and drops the extra values saved with it."""
import random

import numpy as np
import torch

COMPONENT = "load_checkpoint"
FILE = "callbacks.py"
HINT = ("load_checkpoint must return {'epoch': epoch, **extra}: the extra keyword arguments given to "
        "save_checkpoint (best loss, history, ...) come back too.")


def _set_rng_states(states):
    version, internal_state, gauss_next = states["python"]
    random.setstate((version, tuple(internal_state), gauss_next))
    name, keys, position, has_gauss, cached_gaussian = states["numpy"]
    np.random.set_state((name, keys.cpu().numpy().astype(np.uint32), position, has_gauss, cached_gaussian))
    torch.set_rng_state(states["torch"].cpu())
    if states["cuda"] and torch.cuda.is_available():
        torch.cuda.set_rng_state_all([state.cpu() for state in states["cuda"]])


def load_checkpoint(path, model, optimizer=None, scheduler=None, map_location=None):
    checkpoint = torch.load(path, map_location=map_location, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    if optimizer is not None:
        optimizer.load_state_dict(checkpoint["optimizer"])
    if scheduler is not None:
        scheduler.load_state_dict(checkpoint["scheduler"])
    _set_rng_states(checkpoint["rng"])
    return {"epoch": checkpoint["epoch"]}
