"""load_checkpoint reading from an open file and restoring the generators one by one."""
import random

import numpy as np
import torch

COMPONENT = "load_checkpoint"
FILE = "callbacks.py"


def load_checkpoint(path, model, optimizer=None, scheduler=None, map_location=None):
    with open(path, "rb") as file:
        checkpoint = torch.load(file, map_location=map_location, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    if optimizer is not None:
        if checkpoint["optimizer"] is None:
            raise ValueError("the checkpoint holds no optimizer state")
        optimizer.load_state_dict(checkpoint["optimizer"])
    if scheduler is not None:
        if checkpoint["scheduler"] is None:
            raise ValueError("the checkpoint holds no scheduler state")
        scheduler.load_state_dict(checkpoint["scheduler"])
    rng = checkpoint.get("rng")
    if rng is not None:
        version, internal, gauss_next = rng["python"]
        random.setstate((version, tuple(internal), gauss_next))
        numpy_state = list(rng["numpy"])
        numpy_state[1] = np.array(numpy_state[1].tolist(), dtype=np.uint32)
        np.random.set_state(tuple(numpy_state))
        torch.random.set_rng_state(rng["torch"].to("cpu"))
        if torch.cuda.is_available():
            for index, state in enumerate(rng["cuda"][:torch.cuda.device_count()]):
                torch.cuda.set_rng_state(state.to("cpu"), index)
    result = dict(checkpoint.get("extra", {}))
    result["epoch"] = checkpoint.get("epoch")
    return result
