"""A prefix matched as the start of a name: "stem" also freezes "stem_extra"."""
COMPONENT = "freeze_"
FILE = "transfer.py"
HINT = ("Your prefix also froze a submodule whose name merely starts with the same letters (\"stem\" froze "
        "\"stem_extra\"): a prefix names a submodule and what is inside it, so after the prefix comes a dot or "
        "nothing.")
CHANGES = [("    for module in _matching(model, prefixes):",
            "    _matching(model, prefixes)\n"
            "    wanted = [prefixes] if isinstance(prefixes, str) else list(prefixes)\n"
            "    for module in [m for name, m in model.named_modules() if any(name.startswith(w) for w in wanted)]:")]
