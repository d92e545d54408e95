"""LinearLR in closed form: eta_0 * (start + (end - start) * min(t, T) / T)."""
import torch

COMPONENT = "LinearLR"
FILE = "schedules.py"


class LinearLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, start_factor=1.0 / 3, end_factor=1.0, total_iters=5, last_epoch=-1):
        if start_factor > 1.0 or start_factor <= 0:
            raise ValueError("start_factor must be in (0, 1]")
        if end_factor > 1.0 or end_factor < 0:
            raise ValueError("end_factor must be in [0, 1]")
        self.start_factor = start_factor
        self.end_factor = end_factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        progress = min(self.last_epoch, self.total_iters) / self.total_iters
        factor = self.start_factor + (self.end_factor - self.start_factor) * progress
        return [base_lr * factor for base_lr in self.base_lrs]
