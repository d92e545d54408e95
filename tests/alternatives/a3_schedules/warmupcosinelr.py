"""WarmupCosineLR in recursive form: each rate from the previous one (warmup ratio, then cosine ratio)."""
import math

import torch

COMPONENT = "WarmupCosineLR"
FILE = "schedules.py"


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

    def _cosine(self, t):
        return 1 + math.cos(math.pi * (t - self.warmup_steps) / (self.total_steps - self.warmup_steps))

    def get_lr(self):
        t, warmup = self.last_epoch, self.warmup_steps
        current = [group["lr"] for group in self.optimizer.param_groups]
        if t == 0:
            return [lr / warmup for lr in current] if warmup else current
        if t < warmup:
            return [lr * (t + 1) / t for lr in current]
        if t == warmup:
            return list(self.base_lrs)              # the warmup's last rate is already lr0
        if t > self.total_steps:
            return [self.eta_min for _ in current]
        ratio = self._cosine(t) / self._cosine(t - 1)
        return [self.eta_min + (lr - self.eta_min) * ratio for lr in current]
