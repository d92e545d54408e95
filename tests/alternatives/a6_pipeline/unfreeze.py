"""unfreeze_ written differently: whatever freeze_ did to a batch norm is undone (the reference's train() on the
instance deleted from its __dict__, the alternative's frozen subclass swapped back for the class it had), and
the mode set through the class's train() of each unfrozen module, looked up with type(module)."""
COMPONENT = "unfreeze_"
FILE = "transfer.py"


def unfreeze_(model, prefixes):
    prefixes = [prefixes] if isinstance(prefixes, str) else list(prefixes)
    names = dict(model.named_modules())
    for prefix in prefixes:
        inside = [m for name, m in names.items() if name == prefix or name.startswith(prefix + ".")]
        if not inside:
            raise ValueError(f"nothing called {prefix!r} in this model")
        for m in inside:
            for p in m.parameters(recurse=False):
                p.requires_grad = True
            frozen = "train" in m.__dict__ or hasattr(type(m), "_class_before_freezing")
            m.__dict__.pop("train", None)
            if hasattr(type(m), "_class_before_freezing"):
                m.__class__ = type(m)._class_before_freezing
            if frozen:
                type(m).train(m, model.training)
    return model
