"""PolynomialLR without the hold after total_iters (no min(t, T)): past T the polynomial goes on (negative or complex)."""
COMPONENT = "PolynomialLR"
FILE = "schedules.py"
HINT = ("Your rates are right up to total_iters, then go wrong: once the rate has reached 0 at t = "
        "total_iters it stays there; the polynomial must not be evaluated beyond it. Re-read the PolynomialLR "
        "formula (note the min).")
CHANGES = [("        if t == 0 or t > total:\n",
            "        if t > total:\n"
            "            return [base_lr * (1.0 - t / total) ** self.power for base_lr in self.base_lrs]\n"
            "        if t == 0:\n")]
