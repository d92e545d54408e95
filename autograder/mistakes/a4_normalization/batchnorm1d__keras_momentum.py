"""BatchNorm1d with Keras's momentum convention: momentum weighs the old running value, not the new batch,
so with momentum=0.1 the running statistics move 9 times too fast.
"""
COMPONENT = "BatchNorm1d"
FILE = "normalization.py"
SCOPE = "_BatchNorm"  # the shared code of BatchNorm1d and BatchNorm2d
HINT = ("Your running statistics barely move (or move far too fast). In PyTorch, momentum is the weight "
        "of the *new* batch statistic: running = (1 - momentum) * running + momentum * batch. Keras "
        "uses the opposite convention. Re-read handout section 2 (running statistics).")
CHANGES = [("self.running_mean.mul_(1 - factor).add_(factor * mean)",
            "self.running_mean.mul_(factor).add_((1 - factor) * mean)"),
           ("self.running_var.mul_(1 - factor).add_(factor * unbiased_var)",
            "self.running_var.mul_(factor).add_((1 - factor) * unbiased_var)")]
