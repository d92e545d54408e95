"""LinearLR spreading the change over total_iters - 1 steps (like linspace): end_factor comes one step early."""
COMPONENT = "LinearLR"
FILE = "schedules.py"
HINT = ("Your factor reaches end_factor at t = total_iters - 1; torch reaches it at t = total_iters "
        "(total_iters steps of change after t = 0, not total_iters points). Re-read the LinearLR formula.")
CHANGES = [("if t > self.total_iters:", "if t > self.total_iters - 1:"),
           ("(self.total_iters * self.start_factor", "((self.total_iters - 1) * self.start_factor")]
