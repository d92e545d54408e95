"""Global max pooling instead of global average pooling before the head."""
COMPONENT = "ResNet1d"
FILE = "model.py"
HINT = ("The head sees the largest value of each channel along the signal: the spec pools by the mean over "
        "the length dim (global average pooling).")
CHANGES = [("        return self.head(x.mean(dim=-1))\n", "        return self.head(x.amax(dim=-1))\n")]
