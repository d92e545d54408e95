"""One group for every parameter: biases and normalization scales decay towards 0 as well."""
COMPONENT = "parameter_groups"
FILE = "pipeline.py"
HINT = ("Every parameter gets the weight decay, biases and normalization parameters too: decay only the "
        "weights (the parameters with more than one dimension), and give the others weight_decay 0.")
CHANGES = [("            (decay if p.dim() > 1 else no_decay).append(p)\n", "            decay.append(p)\n")]
