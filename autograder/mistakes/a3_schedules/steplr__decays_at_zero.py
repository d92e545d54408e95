"""StepLR decaying at every multiple of step_size, t = 0 included: the first rate is already decayed."""
import torch

COMPONENT = "StepLR"
FILE = "schedules.py"
HINT = ("Your very first learning rate (at construction, t = 0) is already multiplied by gamma. t = 0 is a "
        "multiple of step_size, but it is the starting rate, not a decay point: decay only at non-zero "
        "multiples. Re-read handout section 2 (step decay) and what last_epoch is inside get_lr().")


class StepLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch % self.step_size != 0:
            return [group["lr"] for group in self.optimizer.param_groups]
        return [group["lr"] * self.gamma for group in self.optimizer.param_groups]
