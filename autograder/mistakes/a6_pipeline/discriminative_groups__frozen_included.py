"""Frozen parameters (requires_grad=False) put into the groups anyway."""
COMPONENT = "discriminative_groups"
FILE = "transfer.py"
HINT = ("Your groups include frozen parameters (requires_grad=False): they do not belong in the optimizer, "
        "where AdamW's decoupled weight decay would still move them.")
CHANGES = [("        if p.requires_grad:\n            parts[", "        if True:\n            parts[")]
