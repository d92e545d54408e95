"""PolynomialLR without min(t, total_iters): past total_iters the polynomial goes on (negative or rising)."""
import torch

COMPONENT = "PolynomialLR"
FILE = "schedules.py"
HINT = ("Your rates are right up to total_iters, then go wrong: once the rate has reached 0 at t = "
        "total_iters it stays there; the polynomial must not be evaluated beyond it. Re-read the PolynomialLR "
        "formula (note the min).")


class PolynomialLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, total_iters=5, power=1.0, last_epoch=-1):
        self.total_iters = total_iters
        self.power = power
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        factor = (1.0 - self.last_epoch / self.total_iters) ** self.power
        return [base_lr * factor for base_lr in self.base_lrs]
