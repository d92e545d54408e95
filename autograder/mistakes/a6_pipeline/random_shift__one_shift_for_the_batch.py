"""One shift drawn for the whole batch: every sequence of a batch moves by the same amount.

Over many batches every shift still comes up, but within a batch the signals keep their relative positions,
so the network sees far fewer distinct variants (and batch statistics move with the shift).
"""
COMPONENT = "random_shift"
FILE = "augment.py"
HINT = ("Every sequence of the batch moved by the same amount: draw a separate shift for each of the N "
        "sequences, not a single one for the whole batch.")
CHANGES = [(
    "    shifts = torch.randint(-max_shift, max_shift + 1, (n,), generator=generator, device=x.device)\n",
    "    shift = torch.randint(-max_shift, max_shift + 1, (1,), generator=generator, device=x.device)\n"
    "    shifts = shift.expand(n)\n")]
