"""One shift per row of [N, C, L] instead of per sequence: the channels of one signal slide apart.

For [N, L] input this is right; with several channels each is moved by its own shift, which breaks the
alignment between channels that the signal's meaning depends on.
"""
COMPONENT = "random_shift"
FILE = "augment.py"
HINT = ("With a [N, C, L] batch the channels of one sequence moved by different amounts: draw one shift per "
        "sequence (N of them) and move all of its channels by it.")
CHANGES = [
    ("torch.randint(-max_shift, max_shift + 1, (n,)", "torch.randint(-max_shift, max_shift + 1, x.shape[:-1]"),
    ("- shifts[:, None]", "- shifts[..., None]"),
    ("    if x.dim() == 3:\n        index = index[:, None, :].expand_as(x)\n        inside = inside[:, None, :]\n", ""),
]
