"""load_checkpoint that restores model, optimizer and scheduler but not the random number generators."""
import torch

COMPONENT = "load_checkpoint"
FILE = "callbacks.py"
HINT = ("After loading, the random numbers differ from the uninterrupted run's: the checkpoint holds the "
        "RNG states, but restoring them is load_checkpoint's job too (Python, NumPy, torch CPU and CUDA; "
        "handout section 9).")


def load_checkpoint(path, model, optimizer=None, scheduler=None, map_location=None):
    checkpoint = torch.load(path, map_location=map_location, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    if optimizer is not None:
        optimizer.load_state_dict(checkpoint["optimizer"])
    if scheduler is not None:
        scheduler.load_state_dict(checkpoint["scheduler"])
    return {"epoch": checkpoint["epoch"], **checkpoint["extra"]}
