"""std read as a variance: the noise is scaled by sqrt(std), too much for std < 1 (0.55 for std = 0.3)."""
COMPONENT = "gaussian_jitter"
FILE = "augment.py"
HINT = ("The noise's standard deviation is the square root of std, as if std were a variance: std is already "
        "the standard deviation, so the standard normal noise is multiplied by std itself.")
CHANGES = [("    return x + std * noise\n", "    return x + std ** 0.5 * noise\n")]
