"""load_checkpoint that forgets to load the optimizer's state."""
import random

import numpy as np
import torch

COMPONENT = "load_checkpoint"
FILE = "callbacks.py"
HINT = ("The resumed run differs from the uninterrupted one from its first step: the optimizer's state "
        "(momentum buffers, Adam's moments, step counts) was not loaded back. Restore every object you were"
        " given.")


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
    if scheduler is not None:
        scheduler.load_state_dict(checkpoint["scheduler"])
    _set_rng_states(checkpoint["rng"])
    return {"epoch": checkpoint["epoch"], **checkpoint["extra"]}
