"""ExponentialLR multiplying by gamma already at construction (t = 0): every rate gamma times too small."""
COMPONENT = "ExponentialLR"
FILE = "schedules.py"
HINT = ("Every rate is gamma times too small, from the very first one: the constructor's step (t = 0) must "
        "keep the starting rate, eta_0 * gamma^0. Re-read how the base class takes its first step "
        "(module docstring) and handout section 3.")
CHANGES = [("        if self.last_epoch == 0:                    # the starting rate is used as it is\n"
            "            return _current_lrs(self.optimizer)\n",
            "")]
