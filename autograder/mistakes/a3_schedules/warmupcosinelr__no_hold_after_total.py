"""WarmupCosineLR letting the cosine go on past total_steps, so the rate climbs back up."""
import math

import torch

COMPONENT = "WarmupCosineLR"
FILE = "schedules.py"
HINT = ("Your rates are right up to total_steps and then rise again: after total_steps the rate stays at "
        "eta_min. Re-read the third case of the WarmupCosineLR formula.")


class WarmupCosineLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, warmup_steps, total_steps, eta_min=0.0, last_epoch=-1):
        if not isinstance(warmup_steps, int) or warmup_steps < 0:
            raise ValueError("warmup_steps must be a non-negative integer")
        if not isinstance(total_steps, int) or total_steps <= warmup_steps:
            raise ValueError("total_steps must be an integer larger than warmup_steps")
        if not eta_min >= 0:
            raise ValueError("eta_min must be non-negative")
        self.warmup_steps = warmup_steps
        self.total_steps = total_steps
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        t, warmup, total = self.last_epoch, self.warmup_steps, self.total_steps
        if t < warmup:
            return [base_lr * (t + 1) / warmup for base_lr in self.base_lrs]
        cosine = (1 + math.cos(math.pi * (t - warmup) / (total - warmup))) / 2
        return [self.eta_min + (base_lr - self.eta_min) * cosine for base_lr in self.base_lrs]
