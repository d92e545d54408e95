"""CyclicLR evaluating exp_range's gamma^z on the cycle number instead of the iteration count: too slow a shrink."""
COMPONENT = "CyclicLR"
FILE = "schedules.py"
HINT = ("Your exp_range amplitude shrinks far too slowly: exp_range scales by gamma^t with t the iteration "
        "count (scale_mode 'iterations'), not the cycle number. Re-read the list of modes in the CyclicLR "
        "docstring.")
CHANGES = [('scale_mode = "iterations" if mode == "exp_range" else "cycle"', 'scale_mode = "cycle"')]
