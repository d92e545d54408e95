"""suggest_lr returning the rate of the lowest loss instead of the steepest descent."""
import math

COMPONENT = "suggest_lr"
FILE = "schedules.py"
HINT = ("You return the rate with the lowest loss; by then the loss is about to blow up, so that rate is "
        "too large. The suggestion is where the loss falls fastest: the most negative slope of loss against "
        "log lr between neighbouring points. Re-read handout section 10 and the suggest_lr docstring.")


def suggest_lr(lrs, losses):
    if len(lrs) != len(losses) or len(lrs) < 2:
        raise ValueError("need two lists of the same length, at least 2 points")
    finite = [i for i, loss in enumerate(losses) if math.isfinite(loss)]
    if not finite:
        raise ValueError("no finite loss")
    return float(lrs[min(finite, key=lambda i: losses[i])])
