"""SGD Nesterov that looks ahead with the momentum buffer of the previous step (g + μ·b_{t-1}, not g + μ·b_t):
every Nesterov step differs, the first one by the missing μ·g."""
COMPONENT = "SGD"
FILE = "optimizers.py"
HINT = ("With nesterov=True your steps differ: the look-ahead uses the momentum buffer after this "
        "step's update (g + μ·b_t), not the one from before it. Re-read handout section 1 (Nesterov "
        "momentum).")
CHANGES = [('                    if "momentum_buffer" not in state:\n',
            '                    previous = state["momentum_buffer"].clone() if "momentum_buffer" in state else torch.zeros_like(p)\n'
            '                    if "momentum_buffer" not in state:\n'),
           ("grad.add(buf, alpha=momentum) if nesterov", "grad.add(previous, alpha=momentum) if nesterov")]
