"""LR range test reporting the raw moving average, without bias correction: the first losses far too small."""
COMPONENT = "lr_range_test"
FILE = "schedules.py"
HINT = ("Your first smoothed losses are far too small: the moving average starts at 0, so it must be divided by "
        "1 - (1 - smooth)^(i + 1) (the bias correction, as in Adam). Without it the first points look like a "
        "low loss and the divergence check misfires. Re-read the lr_range_test docstring.")
CHANGES = [("smoothed = average / (1 - (1 - smooth) ** (i + 1))", "smoothed = average")]
