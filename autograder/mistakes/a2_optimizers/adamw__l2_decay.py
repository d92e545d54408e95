"""AdamW adding the weight decay to the gradient (Adam with L2), not decoupled: with weight decay the decay is
rescaled by the adaptive denominator, so the steps differ."""
COMPONENT = "AdamW"
FILE = "optimizers.py"
HINT = ("Your AdamW steps differ: in AdamW the decay is decoupled, the weights shrink directly by "
        "lr·λ·θ and the decay never enters m or v. Added to the gradient it gets rescaled by the "
        "adaptive denominator. Re-read handout section 4 (AdamW).")
CHANGES = [("decoupled_weight_decay=True)\n",
            "decoupled_weight_decay=False)\n"),
           ('group["decoupled_weight_decay"] = True', 'group["decoupled_weight_decay"] = False')]
