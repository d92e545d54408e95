"""torch.randint(-max_shift, max_shift): randint's upper bound is exclusive, so +max_shift is never drawn.

The shifts come from -max_shift..max_shift - 1 (and max_shift=0 raises, since randint(0, 0) is empty): the
augmentation is lopsided, never moving a signal as far right as it moves it left.
"""
COMPONENT = "random_shift"
FILE = "augment.py"
HINT = ("The largest shift, +max_shift, never comes up: torch.randint's upper bound is exclusive, so the "
        "high end of the range must be one past the largest value you want.")
CHANGES = [("torch.randint(-max_shift, max_shift + 1, (n,)", "torch.randint(-max_shift, max_shift, (n,)")]
