"""The factor applied to the head instead of the backbone."""
COMPONENT = "discriminative_groups"
FILE = "transfer.py"
HINT = ("Your head and backbone have each other's rates: the new head (random weights) needs the full "
        "base_lr, and the reused backbone the lower base_lr * backbone_factor.")
CHANGES = [("((\"backbone\", base_lr * backbone_factor), (\"head\", base_lr))",
            "((\"backbone\", base_lr), (\"head\", base_lr * backbone_factor))")]
