"""PolynomialLR in closed form: eta_0 * (1 - min(t, T) / T) ** power."""
import torch

COMPONENT = "PolynomialLR"
FILE = "schedules.py"


class PolynomialLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, total_iters=5, power=1.0, last_epoch=-1):
        self.total_iters = total_iters
        self.power = power
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        remaining = 1.0 - min(self.last_epoch, self.total_iters) / self.total_iters
        return [base_lr * remaining ** self.power for base_lr in self.base_lrs]
