"""Dropout on the block's output, after the addition, instead of inside the branch before conv2.

In train mode this drops parts of the skip path as well, so the identity the block was meant to carry is cut.
"""
COMPONENT = "ResidualBlock1d"
FILE = "model.py"
HINT = ("Your dropout sits on the block's output, after the input was added back: it belongs inside the "
        "branch, between the first ReLU and the second convolution, so that the skip path is never dropped.")
CHANGES = [("        out = self.bn2(self.conv2(self.dropout(out)))\n        return relu(x + out)\n",
            "        out = self.bn2(self.conv2(out))\n        return self.dropout(relu(x + out))\n")]
