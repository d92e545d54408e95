"""suggest_lr measuring the slope against lr itself instead of log lr."""
import math

COMPONENT = "suggest_lr"
FILE = "schedules.py"
HINT = ("Your suggestion is far too small: the range test spaces the rates geometrically, so the slope "
        "must be taken against log lr (ln lrs[i+1] - ln lrs[i]); against lr itself the tiny steps at small "
        "rates make any noise there look steep. Re-read the suggest_lr formula.")


def suggest_lr(lrs, losses):
    if len(lrs) != len(losses) or len(lrs) < 2:
        raise ValueError("need two lists of the same length, at least 2 points")
    best_index, best_slope = None, math.inf
    for i in range(len(lrs) - 1):
        run = lrs[i + 1] - lrs[i]
        if run == 0:
            continue
        slope = (losses[i + 1] - losses[i]) / run
        if math.isfinite(slope) and slope < best_slope:
            best_index, best_slope = i, slope
    if best_index is None:
        raise ValueError("no finite slope")
    return float(lrs[best_index])
