"""random_shift by padding: pad max_shift zeros on both ends, unfold every window of length L, and take for each
sequence the window at its offset o (a shift of max_shift - o), by advanced indexing."""
import torch
import torch.nn.functional as F

COMPONENT = "random_shift"
FILE = "augment.py"


def random_shift(x, max_shift, generator=None):
    if x.dim() not in (2, 3):
        raise ValueError(f"random_shift expects [N, L] or [N, C, L], got shape {tuple(x.shape)}")
    if not (isinstance(max_shift, int) and max_shift >= 0):
        raise ValueError(f"max_shift must be a non-negative int, got {max_shift!r}")
    n, length = x.shape[0], x.shape[-1]
    offsets = torch.randint(0, 2 * max_shift + 1, (n,), generator=generator, device=x.device)
    windows = F.pad(x, (max_shift, max_shift)).unfold(-1, length, 1)   # [N, (C,) 2 max_shift + 1, L]
    rows = torch.arange(n, device=x.device)
    if x.dim() == 2:
        return windows[rows, offsets]
    return windows[rows, :, offsets]                                    # advanced indices first: [N, C, L]
