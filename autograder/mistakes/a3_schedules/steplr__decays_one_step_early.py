"""StepLR in closed form with (t + 1) // step_size: every decay happens one step early."""
import torch

COMPONENT = "StepLR"
FILE = "schedules.py"
HINT = ("Your rates drop one step too early. Inside get_lr(), last_epoch is already the index t of the rate "
        "being computed (0 at construction), so do not add 1 to it. Re-read the module docstring and "
        "handout section 2 (step decay).")


class StepLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        return [base_lr * self.gamma ** ((self.last_epoch + 1) // self.step_size) for base_lr in self.base_lrs]
