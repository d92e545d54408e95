"""zero_init_residual zeroes each block's bn1.weight instead of bn2.weight.

The first ReLU then sees only β = 0, conv2 gets zeros, and the branch outputs bn2(0) = β: the block starts as
the identity too, but its first convolution gets no gradient until bn1.weight moves off 0.
"""
COMPONENT = "ResNet1d"
FILE = "model.py"
HINT = ("With zero_init_residual the wrong batch norm starts at 0: it is the last one of each block (bn2, "
        "the one whose output is added to the input) whose scale γ starts at 0, not the first.")
CHANGES = [("                    block.bn2.weight.zero_()\n", "                    block.bn1.weight.zero_()\n")]
