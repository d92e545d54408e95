"""PowerLR multiplying by (1 + t/s)^c instead of dividing: the rate grows."""
import torch

COMPONENT = "PowerLR"
FILE = "schedules.py"
HINT = ("Your rate grows over time instead of decaying: (1 + t/s)^c belongs in the denominator (or use the "
        "power -c). Re-read the PowerLR docstring.")


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
        return [base_lr * (1 + self.last_epoch / self.s) ** self.c for base_lr in self.base_lrs]
