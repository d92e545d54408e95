"""CyclicLR whose triangular2 mode keeps the full amplitude in every cycle (scale 1, like triangular)."""
COMPONENT = "CyclicLR"
FILE = "schedules.py"
HINT = ("Your triangular2 cycles all reach max_lr; in triangular2 the amplitude (max_lr - base_lr) halves "
        "after each cycle, i.e. is scaled by 1 / 2^(cycle - 1) with cycle counted from 1. Re-read the CyclicLR "
        "docstring (handout section 7).")
CHANGES = [("            return 1 / (2.0 ** (z - 1))\n", "            return 1.0\n")]
