"""BatchNorm2d updating its running statistics (and num_batches_tracked) in eval mode too, with the eval
batch's statistics; the eval output itself still uses the running statistics as they were before it.
"""
COMPONENT = "BatchNorm2d"
FILE = "normalization.py"
SCOPE = "_BatchNorm"  # the shared code of BatchNorm1d and BatchNorm2d
HINT = ("Your running statistics change while the model is in eval mode. Evaluation must not change "
        "the model: only training-mode forward passes update running_mean, running_var and "
        "num_batches_tracked. Re-read handout section 2 (train vs eval).")
CHANGES = [("            var = self.running_var\n",
            "            var = self.running_var.clone()\n"),
           ("if self.training and self.track_running_stats:",
            "if self.track_running_stats:"),
           ("unbiased_var = var * m / (m - 1)",
            "unbiased_var = input.var(dim=dims)"),
           ("add_(factor * mean)",
            "add_(factor * input.mean(dim=dims))")]
