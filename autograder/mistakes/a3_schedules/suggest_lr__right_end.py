"""suggest_lr returning the right (larger) end of the steepest pair."""
import math

COMPONENT = "suggest_lr"
FILE = "schedules.py"
HINT = ("You find the steepest pair but return its upper rate: the suggestion is the *left* (lower) end, "
        "lrs[i], of the pair i, i + 1 with the most negative slope. Re-read the suggest_lr docstring.")


def suggest_lr(lrs, losses):
    if len(lrs) != len(losses) or len(lrs) < 2:
        raise ValueError("need two lists of the same length, at least 2 points")
    best_index, best_slope = None, math.inf
    for i in range(len(lrs) - 1):
        run = math.log(lrs[i + 1]) - math.log(lrs[i])
        if run == 0:
            continue
        slope = (losses[i + 1] - losses[i]) / run
        if math.isfinite(slope) and slope < best_slope:
            best_index, best_slope = i, slope
    if best_index is None:
        raise ValueError("no finite slope")
    return float(lrs[best_index + 1])
