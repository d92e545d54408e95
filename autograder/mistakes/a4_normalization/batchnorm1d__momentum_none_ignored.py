"""BatchNorm1d treating momentum=None as the default 0.1 instead of a cumulative moving average."""
COMPONENT = "BatchNorm1d"
FILE = "normalization.py"
SCOPE = "_BatchNorm"  # the shared code of BatchNorm1d and BatchNorm2d
HINT = ("With momentum=None your running statistics differ from torch's. None does not mean the "
        "default: it asks for the plain average of all batches seen so far, a factor of "
        "1 / num_batches_tracked. Re-read handout section 2 (running statistics).")
CHANGES = [("factor = 1.0 / self.num_batches_tracked.item()",
            "factor = 0.1")]
