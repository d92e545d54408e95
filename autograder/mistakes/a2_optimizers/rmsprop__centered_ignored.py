"""RMSprop that ignores centered=True: it divides by the RMS, not the standard deviation, so centered steps are
too small."""
COMPONENT = "RMSprop"
FILE = "optimizers.py"
HINT = ("With centered=True your steps are too small: the centered variant divides by an estimate of "
        "the gradient's standard deviation, √(v - ḡ²), where ḡ is the running mean of the gradients. "
        "Re-read handout section 3 (centered).")
CHANGES = [("                if centered:\n"
            "                    grad_avg = ",
            "                if False:\n"
            "                    grad_avg = ")]
