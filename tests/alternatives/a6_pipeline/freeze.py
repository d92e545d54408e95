"""freeze_ written differently: each frozen batch norm gets a subclass of its own class whose train() keeps it
in eval mode (instead of a train() on the instance), and the prefixes are matched on the parts of each name."""
COMPONENT = "freeze_"
FILE = "transfer.py"

import torch


def _covered_by(name, prefix):
    parts, wanted = name.split("."), prefix.split(".")
    return parts[:len(wanted)] == wanted


def freeze_(model, prefixes):
    prefixes = [prefixes] if isinstance(prefixes, str) else list(prefixes)
    chosen = {}
    for prefix in prefixes:
        found = [(name, m) for name, m in model.named_modules() if _covered_by(name, prefix)]
        if not found:
            raise ValueError(f"nothing called {prefix!r} in this model")
        chosen.update((id(m), m) for _, m in found)
    for m in chosen.values():
        for p in m.parameters(recurse=False):
            p.requires_grad = False
        if hasattr(m, "running_mean") and m.running_mean is not None:
            original = type(m)
            m.__class__ = type(f"Frozen{original.__name__}", (original,),
                               {"train": lambda self, mode=True: torch.nn.Module.train(self, False),
                                "_class_before_freezing": original})
            torch.nn.Module.train(m, False)
    return model
