"""MultiStepLR counting only milestones strictly below t: each decay happens one step late."""
import torch

COMPONENT = "MultiStepLR"
FILE = "schedules.py"
HINT = ("Your rates drop one step late: at t equal to a milestone the rate must already be decayed "
        "(a milestone m counts once t >= m). Re-read the formula in the MultiStepLR docstring.")


class MultiStepLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1):
        self.milestone_list = sorted(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        passed = sum(1 for m in self.milestone_list if m < self.last_epoch)
        return [base_lr * self.gamma ** passed for base_lr in self.base_lrs]
