"""PowerLR in recursive form: multiply the current rate by ((1 + (t-1)/s) / (1 + t/s))^c."""
import torch

COMPONENT = "PowerLR"
FILE = "schedules.py"


class PowerLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, s, c=1.0, last_epoch=-1):
        if not s > 0:
            raise ValueError("s must be positive")
        if not c >= 0:
            raise ValueError("c must be non-negative")
        self.s = s
        self.c = c
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        t = self.last_epoch
        if t == 0:
            return [group["lr"] for group in self.optimizer.param_groups]
        ratio = ((self.s + t - 1) / (self.s + t)) ** self.c
        return [group["lr"] * ratio for group in self.optimizer.param_groups]
