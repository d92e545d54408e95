"""CosineAnnealingLR in closed form (periodic, like torch's recursion beyond T_max)."""
import math

import torch

COMPONENT = "CosineAnnealingLR"
FILE = "schedules.py"


class CosineAnnealingLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, T_max, eta_min=0.0, last_epoch=-1):
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        cosine = (1 + math.cos(math.pi * self.last_epoch / self.T_max)) / 2
        return [self.eta_min + (base_lr - self.eta_min) * cosine for base_lr in self.base_lrs]
