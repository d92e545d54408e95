"""SGD adding weight decay to the step after momentum instead of to the gradient before it: with momentum the
decay never enters the buffer, so the steps differ."""
COMPONENT = "SGD"
FILE = "optimizers.py"
HINT = ("With both weight decay and momentum your steps differ. Weight decay is part of the gradient "
        "(g + λθ), so it goes into the momentum buffer too; adding it only to the final step leaves "
        "it out of the buffer. Re-read handout section 1 (the order of the operations).")
CHANGES = [("                if weight_decay != 0:\n"
            "                    grad = grad.add(p, alpha=weight_decay)  # L2 penalty λ/2·|θ|² folded into the gradient\n",
            ""),
           ("                p.add_(grad, alpha=-lr)\n",
            "                if weight_decay != 0:\n"
            "                    grad = grad.add(p, alpha=weight_decay)\n"
            "                p.add_(grad, alpha=-lr)\n")]
