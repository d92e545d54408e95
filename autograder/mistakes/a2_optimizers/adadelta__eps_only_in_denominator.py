"""Adadelta with eps only in the denominator, √u / √(v + eps): u starts at 0, so the first step and every one
after it is zero."""
COMPONENT = "Adadelta"
FILE = "optimizers.py"
HINT = ("Your Adadelta never moves: u starts at zero, so without eps inside the numerator's root √(u "
        "+ eps) every step is zero. eps goes inside both square roots. Re-read handout section 6.")
CHANGES = [("delta = acc_delta.add(eps).sqrt_()", "delta = acc_delta.sqrt()")]
