"""CosineAnnealingLR annealing to 0 whatever eta_min says."""
import math

import torch

COMPONENT = "CosineAnnealingLR"
FILE = "schedules.py"
HINT = ("Your rates are right with eta_min = 0 but not otherwise: the cosine runs between eta_0 and eta_min, "
        "so eta_min is both added and subtracted in the formula. Re-read handout section 5.")


class CosineAnnealingLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, T_max, eta_min=0.0, last_epoch=-1):
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        cosine = (1 + math.cos(math.pi * self.last_epoch / self.T_max)) / 2
        return [base_lr * cosine for base_lr in self.base_lrs]
