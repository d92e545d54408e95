"""StepLR decaying where t + 1 is a multiple of step_size: every decay one step early (at t = 0 for step_size 1)."""
COMPONENT = "StepLR"
FILE = "schedules.py"
HINT = ("Your rates drop one step too early. Inside get_lr(), last_epoch is already the index t of the rate "
        "being computed (0 at construction), so do not add 1 to it. Re-read the module docstring and "
        "handout section 2 (step decay).")
CHANGES = [("if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:",
            "if (self.last_epoch + 1) % self.step_size != 0:")]
