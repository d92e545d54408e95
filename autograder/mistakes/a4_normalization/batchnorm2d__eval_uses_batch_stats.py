"""BatchNorm2d normalizing with the batch statistics in eval mode too: eval outputs depend on the batch,
the running statistics are kept but never used.
"""
COMPONENT = "BatchNorm2d"
FILE = "normalization.py"
SCOPE = "_BatchNorm"  # the shared code of BatchNorm1d and BatchNorm2d
HINT = ("Your train-mode output matches but eval mode does not. In eval mode, batch norm normalizes "
        "with the running statistics it accumulated during training, so a prediction does not "
        "depend on the other samples in the batch. Re-read handout section 2 (train vs eval).")
CHANGES = [("use_batch_statistics = self.training or self.running_mean is None",
            "use_batch_statistics = True")]
