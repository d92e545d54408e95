"""suggest_lr vectorized with torch: slopes by tensor differences, non-finite ones masked out."""
import math

import torch

COMPONENT = "suggest_lr"
FILE = "schedules.py"


def suggest_lr(lrs, losses):
    if len(lrs) != len(losses) or len(lrs) < 2:
        raise ValueError("need lrs and losses of the same length, at least 2 points")
    rates = torch.tensor(lrs, dtype=torch.float64)
    if not bool((rates > 0).all()):
        raise ValueError("rates must be positive")
    log_rates = torch.tensor([math.log(lr) for lr in lrs], dtype=torch.float64)
    values = torch.tensor(losses, dtype=torch.float64)
    slopes = (values[1:] - values[:-1]) / (log_rates[1:] - log_rates[:-1])
    slopes[~torch.isfinite(slopes)] = math.inf
    if not bool(torch.isfinite(slopes).any()):
        raise ValueError("no finite slope")
    steepest = slopes.min()
    first = int(torch.nonzero(slopes == steepest)[0])
    return float(lrs[first])
