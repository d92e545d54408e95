"""PolynomialLR evaluated at t + 1: the first rate is already decayed and 0 comes one step early."""
import torch

COMPONENT = "PolynomialLR"
FILE = "schedules.py"
HINT = ("Your schedule runs one step ahead: the rate at construction (t = 0) must be the starting rate, and "
        "0 is reached at t = total_iters. last_epoch already is t inside get_lr(). Re-read handout section 4.")


class PolynomialLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, total_iters=5, power=1.0, last_epoch=-1):
        self.total_iters = total_iters
        self.power = power
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        t = min(self.last_epoch + 1, self.total_iters)
        return [base_lr * (1.0 - t / self.total_iters) ** self.power for base_lr in self.base_lrs]
