"""SGD that ignores nesterov=True: plain (heavy-ball) momentum either way, so Nesterov runs step along the buffer alone."""
COMPONENT = "SGD"
FILE = "optimizers.py"
HINT = ("With nesterov=True your steps are those of plain momentum. Nesterov momentum steps along the "
        "gradient plus the momentum it is about to receive, not along the buffer alone. Re-read "
        "handout section 1 (the Nesterov variant) and check that the flag changes what you step "
        "along.")
CHANGES = [("grad = grad.add(buf, alpha=momentum) if nesterov else buf\n",
            "grad = buf\n")]
