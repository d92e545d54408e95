"""CosineAnnealingWarmRestarts with every cycle T_0 long: T_mult ignored."""
import math

import torch

COMPONENT = "CosineAnnealingWarmRestarts"
FILE = "schedules.py"
HINT = ("Your first cycle is right but later ones are too short: after each restart the cycle length T_i "
        "is multiplied by T_mult. Re-read the CosineAnnealingWarmRestarts docstring (handout section 5).")


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
        if epoch is None:
            epoch = self.last_epoch + 1
        self.T_cur = epoch % self.T_0
        self.last_epoch = math.floor(epoch)
        for group, lr in zip(self.optimizer.param_groups, self.get_lr()):
            group["lr"] = lr
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]
