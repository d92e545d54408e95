"""OneCycleLR ending the phases at pN, 2pN and N (counts) instead of the step indices pN - 1, 2pN - 2, N - 1."""
COMPONENT = "OneCycleLR"
FILE = "schedules.py"
HINT = ("Your peak and your final rate come one step late: a phase's end_step is a step *index*, so the "
        "warmup ends at pct_start * total_steps - 1 and the schedule at total_steps - 1 (the last step taken). "
        "Re-read the phase table in the OneCycleLR docstring.")
CHANGES = [("if self.three_phase:\n"
            "            phases = [(float(p * n) - 1,",
            "if self.three_phase:\n"
            "            phases = [(float(p * n),"),
           ("(float(2 * p * n) - 2,", "(float(2 * p * n),"),
           ('(n - 1, "initial_lr", "min_lr",', '(n, "initial_lr", "min_lr",'),
           ("else:\n"
            "            phases = [(float(p * n) - 1,",
            "else:\n"
            "            phases = [(float(p * n),"),
           ('(n - 1, "max_lr", "min_lr",', '(n, "max_lr", "min_lr",')]
