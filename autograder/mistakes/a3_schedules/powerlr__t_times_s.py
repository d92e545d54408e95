"""PowerLR with t/s inverted into t*s: the decay starts far too early (or too late)."""
import torch

COMPONENT = "PowerLR"
FILE = "schedules.py"
HINT = ("Your rate decays on the wrong time scale. s is measured in steps: the rate halves (for c = 1) "
        "when t reaches s, so t enters the formula divided by s. Re-read the PowerLR docstring.")


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
        return [base_lr / (1 + self.last_epoch * self.s) ** self.c for base_lr in self.base_lrs]
