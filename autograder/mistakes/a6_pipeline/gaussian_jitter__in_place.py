"""The noise added to x in place (x.add_): the caller's batch, and the dataset it is a view of, change.

The result is right, but noise accumulates in the training data epoch after epoch.
"""
COMPONENT = "gaussian_jitter"
FILE = "augment.py"
HINT = ("Your gaussian_jitter changed the tensor it was given: adding the noise in place writes it into the "
        "training data. Return x plus the noise as a new tensor.")
CHANGES = [("    return x + std * noise\n", "    return x.add_(std * noise)\n")]
