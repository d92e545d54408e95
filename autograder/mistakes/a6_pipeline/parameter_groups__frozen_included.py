"""Frozen parameters (requires_grad=False) put into the groups anyway."""
COMPONENT = "parameter_groups"
FILE = "pipeline.py"
HINT = ("Your groups include parameters with requires_grad=False: a frozen parameter does not belong in the "
        "optimizer (with decoupled weight decay it could still move).")
CHANGES = [("        if p.requires_grad:\n            (decay if p.dim() > 1", "        if True:\n            (decay if p.dim() > 1")]
