"""MultiStepLR keeping the milestones in a set: a milestone listed twice decays only once."""
import torch

COMPONENT = "MultiStepLR"
FILE = "schedules.py"
HINT = ("Your rates match until a milestone that appears more than once in the list: there torch multiplies "
        "by gamma once per appearance (it counts the milestones). Re-read the MultiStepLR docstring.")


class MultiStepLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1):
        self.milestones = set(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch in self.milestones:
            return [group["lr"] * self.gamma for group in self.optimizer.param_groups]
        return [group["lr"] for group in self.optimizer.param_groups]
