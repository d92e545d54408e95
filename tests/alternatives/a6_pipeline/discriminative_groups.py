"""discriminative_groups written differently: each trainable parameter's (lr, weight_decay) computed first from
its qualified name, then the groups gathered in a dict keyed by that pair."""
COMPONENT = "discriminative_groups"
FILE = "transfer.py"


def discriminative_groups(model, head_prefix, base_lr, backbone_factor, weight_decay):
    if base_lr <= 0 or backbone_factor < 0 or weight_decay < 0:
        raise ValueError("base_lr must be positive; backbone_factor and weight_decay at least 0")
    if head_prefix not in dict(model.named_modules()):
        raise ValueError(f"no submodule {head_prefix!r}")
    by_setting = {}
    backbone_first = sorted(model.named_parameters(),
                            key=lambda item: item[0] == head_prefix or item[0].startswith(head_prefix + "."))
    for name, p in backbone_first:
        if not p.requires_grad:
            continue
        in_head = name.startswith(head_prefix + ".")
        setting = (base_lr if in_head else base_lr * backbone_factor, weight_decay if p.ndim >= 2 else 0.0)
        by_setting.setdefault(setting, []).append(p)
    return [{"params": params, "lr": lr, "weight_decay": decay} for (lr, decay), params in by_setting.items()]
