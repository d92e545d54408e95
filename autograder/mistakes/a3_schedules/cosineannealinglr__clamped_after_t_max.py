"""CosineAnnealingLR holding eta_min after T_max, where torch's cosine climbs back up."""
import math

import torch

COMPONENT = "CosineAnnealingLR"
FILE = "schedules.py"
HINT = ("Your rates match up to T_max and then stay at eta_min, but torch's CosineAnnealingLR does not stop: "
        "the cosine carries on (period 2 T_max) and the rate climbs back. Re-read the CosineAnnealingLR "
        "docstring, including what happens when t - 1 - T_max is a multiple of 2 T_max.")


class CosineAnnealingLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, T_max, eta_min=0.0, last_epoch=-1):
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        t = min(self.last_epoch, self.T_max)
        cosine = (1 + math.cos(math.pi * t / self.T_max)) / 2
        return [self.eta_min + (base_lr - self.eta_min) * cosine for base_lr in self.base_lrs]
