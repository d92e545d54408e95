"""suggest_lr measuring the slope against lr itself instead of log lr: noise at the tiny steps looks steep."""
COMPONENT = "suggest_lr"
FILE = "schedules.py"
HINT = ("Your suggestion is far too small: the range test spaces the rates geometrically, so the slope "
        "must be taken against log lr (ln lrs[i+1] - ln lrs[i]); against lr itself the tiny steps at small "
        "rates make any noise there look steep. Re-read the suggest_lr formula.")
CHANGES = [("run = math.log(lrs[i + 1]) - math.log(lrs[i])", "run = lrs[i + 1] - lrs[i]")]
