"""ExponentialLR in closed form: eta_0 * gamma ** t."""
import torch

COMPONENT = "ExponentialLR"
FILE = "schedules.py"


class ExponentialLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, gamma, last_epoch=-1):
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        return [base_lr * self.gamma ** self.last_epoch for base_lr in self.base_lrs]
