"""Label smoothing as many texts write it: ε spread over the C - 1 wrong classes, none of it on the true one.

PyTorch (and Szegedy et al.'s formula) spread ε evenly over all C classes, the true one included, so the true
class gets 1 - ε + ε/C. The two targets differ, and so do the loss and its gradient.
"""
COMPONENT = "label_smoothing_cross_entropy"
FILE = "pipeline.py"
HINT = ("Your loss is close but not PyTorch's: F.cross_entropy(label_smoothing=ε) spreads ε over all C classes, "
        "the true class included (q = (1 - ε)·onehot + ε/C), not over the C - 1 wrong ones.")
CHANGES = [("    uniform = -log_p.mean(dim=-1)                                  # (1/C) Σ_c -log p_c\n",
            "    uniform = (-log_p.sum(dim=-1) - true_class) / (logits.shape[-1] - 1)   # the wrong classes only\n")]
