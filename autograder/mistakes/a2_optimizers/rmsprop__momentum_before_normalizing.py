"""RMSprop with momentum on the raw gradient, normalized afterwards (b = μb + g; θ -= lr·b/d): with momentum
each old gradient is divided by today's denominator, not its own."""
COMPONENT = "RMSprop"
FILE = "optimizers.py"
HINT = ("With momentum > 0 your steps differ: torch's RMSprop keeps momentum of the "
        "already-normalized step g/d, so each gradient is divided by the denominator of its own step. "
        "Re-read handout section 3 (momentum).")
CHANGES = [("                    buf.mul_(momentum).addcdiv_(grad, denom)  # momentum of the already-normalized step\n"
            "                    p.add_(buf, alpha=-lr)\n",
            "                    buf.mul_(momentum).add_(grad)\n"
            "                    p.addcdiv_(buf, denom, value=-lr)\n")]
