"""The backbone trained at the head's rate: backbone_factor ignored."""
COMPONENT = "discriminative_groups"
FILE = "transfer.py"
HINT = ("Your backbone trains at the head's rate: the reused layers' rate is base_lr * backbone_factor, lower "
        "than the new head's, so that fine-tuning adjusts their features without destroying them.")
CHANGES = [("((\"backbone\", base_lr * backbone_factor), (\"head\", base_lr))",
            "((\"backbone\", base_lr), (\"head\", base_lr))")]
