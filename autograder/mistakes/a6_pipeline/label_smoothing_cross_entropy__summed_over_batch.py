"""The per-example losses summed instead of averaged: N times too large, and so is the gradient."""
COMPONENT = "label_smoothing_cross_entropy"
FILE = "pipeline.py"
HINT = ("Your loss grows with the batch size: F.cross_entropy's default reduction is the mean over the "
        "examples, not their sum.")
CHANGES = [("    return ((1.0 - smoothing) * true_class + smoothing * uniform).mean()\n",
            "    return ((1.0 - smoothing) * true_class + smoothing * uniform).sum()\n")]
