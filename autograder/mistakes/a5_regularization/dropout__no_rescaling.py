"""dropout without rescaling: survivors are not divided by (1 - p), so E[y] = (1 - p) x, not x."""
COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("The kept values have the same size as the input, so the expected output is only (1 - p) times the "
        "input: the network sees smaller activations in training than at test time. Re-read 'inverted "
        "dropout' in handout section 3: what must the survivors be multiplied by so that E[y] = x?")
CHANGES = [("    return x * (keep.to(x.dtype) / (1.0 - p))\n", "    return x * keep.to(x.dtype)\n")]
