"""GroupNorm averaging over the batch as well: one mean and variance per group for the whole batch."""
COMPONENT = "GroupNorm"
FILE = "normalization.py"
HINT = ("Your GroupNorm output for one sample changes when the other samples change. Group norm, like "
        "layer norm, normalizes each sample on its own: average over the group's channels and "
        "positions, never over the batch dim. Re-read handout section 4 (group normalization).")
CHANGES = [("mean = grouped.mean(dim=-1, keepdim=True)",
            "mean = grouped.mean(dim=(0, 2), keepdim=True)"),
           ("var = grouped.var(dim=-1, keepdim=True, correction=0)",
            "var = grouped.var(dim=(0, 2), keepdim=True, correction=0)")]
