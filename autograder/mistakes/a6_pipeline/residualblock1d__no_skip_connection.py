"""The input is never added back: relu(bn2(conv2(...))) is a plain two-layer block, not a residual one.

Without the skip path the gradient must pass through every convolution, and with zero_init_residual a block
starts by outputting zeros (all β) instead of its input.
"""
COMPONENT = "ResidualBlock1d"
FILE = "model.py"
HINT = ("Your block's output does not contain its input: a residual block adds x back to the output of the "
        "second batch norm before the last ReLU.")
CHANGES = [("        return relu(x + out)\n", "        return relu(out)\n")]
