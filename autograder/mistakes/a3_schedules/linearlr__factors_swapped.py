"""LinearLR with start_factor and end_factor swapped: the factor runs from end_factor to start_factor."""
COMPONENT = "LinearLR"
FILE = "schedules.py"
HINT = ("Your schedule runs backwards: the factor starts at start_factor (t = 0) and reaches end_factor at "
        "t = total_iters. Re-read the LinearLR formula (handout section 6).")
CHANGES = [("        self.start_factor = start_factor\n"
            "        self.end_factor = end_factor\n",
            "        self.start_factor = end_factor\n"
            "        self.end_factor = start_factor\n")]
