"""StepLR in closed form: eta_0 * gamma ** (t // step_size), from base_lrs."""
import torch

COMPONENT = "StepLR"
FILE = "schedules.py"


class StepLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        return [base_lr * self.gamma ** (self.last_epoch // self.step_size) for base_lr in self.base_lrs]
