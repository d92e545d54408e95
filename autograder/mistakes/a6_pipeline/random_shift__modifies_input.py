"""The shifted batch written back into x and x returned: the caller's tensor changes.

The result is right, but the training data itself is shifted in place: every epoch shifts the already
shifted signals again, and they drift off the end.
"""
COMPONENT = "random_shift"
FILE = "augment.py"
HINT = ("Your random_shift changed the tensor it was given: it writes the shifted batch into x. Build the "
        "result in a new tensor and leave x untouched (the same data is used again next epoch).")
CHANGES = [(
    "    return torch.where(inside, x.gather(-1, index), torch.zeros((), dtype=x.dtype, device=x.device))\n",
    "    x.copy_(torch.where(inside, x.gather(-1, index), torch.zeros((), dtype=x.dtype, device=x.device)))\n"
    "    return x\n")]
