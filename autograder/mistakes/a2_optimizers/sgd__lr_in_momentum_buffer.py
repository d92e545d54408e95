"""SGD with the learning rate folded into the momentum buffer (Sutskever's form v = μv + lr·g; θ -= v): the same
steps while lr is constant, but after an lr change the old lr lingers in the buffer."""
COMPONENT = "SGD"
FILE = "optimizers.py"
HINT = ("Your steps match until the learning rate changes, then they lag behind: the old learning "
        "rate lives on inside your momentum buffer. In torch's form the buffer accumulates gradients "
        "only and the current lr multiplies the step. Re-read handout section 1 (where the learning "
        "rate goes).")
CHANGES = [('                        state["momentum_buffer"] = grad.clone()\n',
            '                        state["momentum_buffer"] = grad.mul(lr)\n'),
           ("add_(grad, alpha=1 - dampening)", "add_(grad, alpha=lr * (1 - dampening))"),
           ("                    grad = grad.add(buf, alpha=momentum) if nesterov else buf\n",
            "                    grad = grad.mul(lr).add(buf, alpha=momentum) if nesterov else buf\n"
            "                    p.sub_(grad)\n"
            "                    continue\n")]
