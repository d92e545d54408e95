"""torch.roll instead of a zero-filled shift: what falls off one end of the signal comes back at the other.

Each row is rolled by its own shift, so the shifts are right and uniform, but a digit near the end of the
signal reappears at its start: a signal that never occurs in the real data.
"""
COMPONENT = "random_shift"
FILE = "augment.py"
HINT = ("Your rows wrap around: the values pushed off one end reappear at the other, as with torch.roll. A shift "
        "fills the vacated positions with zeros instead.")
CHANGES = [(
    "    source = torch.arange(length, device=x.device) - shifts[:, None]          # [N, L]: where each y[i] comes from\n"
    "    inside = (source >= 0) & (source < length)\n"
    "    index = source.clamp(0, length - 1)\n"
    "    if x.dim() == 3:\n"
    "        index = index[:, None, :].expand_as(x)\n"
    "        inside = inside[:, None, :]\n"
    "    return torch.where(inside, x.gather(-1, index), torch.zeros((), dtype=x.dtype, device=x.device))\n",
    "    return torch.stack([torch.roll(row, int(s), dims=-1) for row, s in zip(x, shifts)])\n")]
