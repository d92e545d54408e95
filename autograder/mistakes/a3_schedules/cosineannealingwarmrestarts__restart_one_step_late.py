"""CosineAnnealingWarmRestarts restarting only once T_cur exceeds T_i: eta_min is reached, restarts come late."""
import math

import torch

COMPONENT = "CosineAnnealingWarmRestarts"
FILE = "schedules.py"
HINT = ("Your schedule touches eta_min and restarts one step late. The restart happens as soon as T_cur "
        "reaches T_i (T_cur == T_i is already the first step of the next cycle, at eta_0). Re-read the "
        "CosineAnnealingWarmRestarts docstring.")


class CosineAnnealingWarmRestarts(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, T_0, T_mult=1, eta_min=0.0, last_epoch=-1):
        self.T_0 = T_0
        self.T_i = T_0
        self.T_mult = T_mult
        self.eta_min = eta_min
        self.T_cur = last_epoch
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        cosine = (1 + math.cos(math.pi * self.T_cur / self.T_i)) / 2
        return [self.eta_min + (base_lr - self.eta_min) * cosine for base_lr in self.base_lrs]

    def step(self, epoch=None):
        if self.last_epoch < 0:
            self.T_cur = 0
        else:
            self.T_cur += 1
            if self.T_cur > self.T_i:
                self.T_cur -= self.T_i + 1
                self.T_i *= self.T_mult
        self.last_epoch += 1
        for group, lr in zip(self.optimizer.param_groups, self.get_lr()):
            group["lr"] = lr
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]
