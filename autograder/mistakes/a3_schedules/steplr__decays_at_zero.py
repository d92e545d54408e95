"""StepLR decaying at every multiple of step_size, t = 0 included: the first rate is already decayed."""
COMPONENT = "StepLR"
FILE = "schedules.py"
HINT = ("Your very first learning rate (at construction, t = 0) is already multiplied by gamma. t = 0 is a "
        "multiple of step_size, but it is the starting rate, not a decay point: decay only at non-zero "
        "multiples. Re-read handout section 2 (step decay) and what last_epoch is inside get_lr().")
CHANGES = [("if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:",
            "if self.last_epoch % self.step_size != 0:")]
