"""Excluding parameters by the name "bias": the normalization layers' scales (their .weight) still decay."""
COMPONENT = "parameter_groups"
FILE = "pipeline.py"
HINT = ("Your biases get no decay, but the 1-D weights of normalization layers (and PReLU's slopes) still do: "
        "decide by the parameter's number of dimensions, not by whether its name ends in 'bias'.")
CHANGES = [("    for p in model.parameters():\n        if p.requires_grad:\n"
            "            (decay if p.dim() > 1 else no_decay).append(p)\n",
            "    for name, p in model.named_parameters():\n        if p.requires_grad:\n"
            "            (no_decay if name.endswith(\"bias\") else decay).append(p)\n")]
