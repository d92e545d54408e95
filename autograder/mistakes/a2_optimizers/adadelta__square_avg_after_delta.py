"""Adadelta computing the step with last step's v (v updated after Δ instead of before): every step differs,
the first one divides by √eps."""
COMPONENT = "Adadelta"
FILE = "optimizers.py"
HINT = ("Your Adadelta steps differ: the order is v first (with this step's g²), then Δ from "
        "√(u_{t-1} + eps)/√(v_t + eps), then u with the new Δ. Re-read handout section 6 (the order "
        "of the updates).")
CHANGES = [("                square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)\n"
            "                std = square_avg.add(eps).sqrt_()\n",
            "                std = square_avg.add(eps).sqrt_()\n"
            "                square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)\n")]
