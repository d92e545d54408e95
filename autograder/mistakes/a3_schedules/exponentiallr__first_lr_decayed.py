"""ExponentialLR multiplying by gamma already at construction (t = 0)."""
import torch

COMPONENT = "ExponentialLR"
FILE = "schedules.py"
HINT = ("Every rate is gamma times too small, from the very first one: the constructor's step (t = 0) must "
        "keep the starting rate, eta_0 * gamma^0. Re-read how the base class takes its first step "
        "(module docstring) and handout section 3.")


class ExponentialLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, gamma, last_epoch=-1):
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        return [group["lr"] * self.gamma for group in self.optimizer.param_groups]
