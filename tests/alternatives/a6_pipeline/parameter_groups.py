"""parameter_groups written with comprehensions over named_parameters (and ndim instead of dim())."""
COMPONENT = "parameter_groups"
FILE = "pipeline.py"


def parameter_groups(model, weight_decay):
    trainable = [(name, p) for name, p in model.named_parameters() if p.requires_grad]
    weights = [p for _, p in trainable if p.ndim >= 2]
    others = [p for _, p in trainable if p.ndim < 2]
    groups = []
    if weights:
        groups.append({"params": weights, "weight_decay": weight_decay})
    if others:
        groups.append({"params": others, "weight_decay": 0.0})
    return groups
