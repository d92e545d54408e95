"""CosineAnnealingWarmRestarts restarting only once T_cur exceeds T_i: eta_min is reached, restarts come late."""
COMPONENT = "CosineAnnealingWarmRestarts"
FILE = "schedules.py"
HINT = ("Your schedule touches eta_min and restarts one step late. The restart happens as soon as T_cur "
        "reaches T_i (T_cur == T_i is already the first step of the next cycle, at eta_0). Re-read the "
        "CosineAnnealingWarmRestarts docstring.")
CHANGES = [("if self.T_cur >= self.T_i:", "if self.T_cur > self.T_i:"),
           ("self.T_cur = self.T_cur % self.T_i\n", "self.T_cur = self.T_cur % (self.T_i + 1)\n")]
