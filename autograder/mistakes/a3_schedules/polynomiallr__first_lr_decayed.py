"""PolynomialLR evaluated at t + 1: the first rate is already decayed and 0 comes one step early."""
COMPONENT = "PolynomialLR"
FILE = "schedules.py"
HINT = ("Your schedule runs one step ahead: the rate at construction (t = 0) must be the starting rate, and "
        "0 is reached at t = total_iters. last_epoch already is t inside get_lr(). Re-read handout section 4.")
CHANGES = [("t, total = self.last_epoch, self.total_iters", "t, total = self.last_epoch + 1, self.total_iters")]
