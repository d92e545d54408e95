"""The smoothing term added on top of the full cross-entropy: the true class keeps weight 1 instead of 1 - ε."""
COMPONENT = "label_smoothing_cross_entropy"
FILE = "pipeline.py"
HINT = ("With smoothing ε your loss is too large: the target distribution must still sum to 1, so the true "
        "class's term is weighted by 1 - ε, not 1.")
CHANGES = [("    return ((1.0 - smoothing) * true_class + smoothing * uniform).mean()\n",
            "    return (true_class + smoothing * uniform).mean()\n")]
