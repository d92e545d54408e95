"""SGD momentum whose buffer starts at (1 - dampening)·g instead of g: with dampening the first step, and
through the buffer every later one, is too small."""
COMPONENT = "SGD"
FILE = "optimizers.py"
HINT = ("Your very first momentum step is too small when dampening is set. torch starts the momentum "
        "buffer at the first gradient itself, undampened; dampening only applies from the second step "
        "on. Re-read handout section 1 (how the buffer starts).")
CHANGES = [('                        state["momentum_buffer"] = grad.clone()\n',
            '                        state["momentum_buffer"] = grad.mul(1 - dampening)\n')]
