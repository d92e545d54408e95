"""CosineAnnealingWarmRestarts computing the cycle from the step count each time (no running T_cur update)."""
import math

import torch

COMPONENT = "CosineAnnealingWarmRestarts"
FILE = "schedules.py"


class CosineAnnealingWarmRestarts(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, T_0, T_mult=1, eta_min=0.0, last_epoch=-1):
        if not isinstance(T_0, int) or T_0 <= 0:
            raise ValueError("T_0 must be a positive integer")
        if not isinstance(T_mult, int) or T_mult < 1:
            raise ValueError("T_mult must be an integer >= 1")
        self.T_0 = T_0
        self.T_i = T_0
        self.T_mult = T_mult
        self.eta_min = eta_min
        self.T_cur = last_epoch
        super().__init__(optimizer, last_epoch)

    def _locate(self, epoch):
        """(T_cur, T_i) for an epoch: walk through the cycles, each T_mult times longer."""
        length, start = self.T_0, 0
        while epoch >= start + length:
            start += length
            length *= self.T_mult
        return epoch - start, length

    def get_lr(self):
        cosine = (1 + math.cos(math.pi * self.T_cur / self.T_i)) / 2
        return [self.eta_min + (base_lr - self.eta_min) * cosine for base_lr in self.base_lrs]

    def step(self, epoch=None):
        if epoch is None:
            epoch = self.last_epoch + 1
        self.T_cur, self.T_i = self._locate(epoch)
        self.last_epoch = math.floor(epoch)
        for group, lr in zip(self.optimizer.param_groups, self.get_lr()):
            group["lr"] = lr
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]
