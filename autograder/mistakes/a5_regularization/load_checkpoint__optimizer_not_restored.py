"""load_checkpoint that forgets to load the optimizer's state: momentum buffers, Adam's moments and step
counts start again from scratch."""
COMPONENT = "load_checkpoint"
FILE = "callbacks.py"
HINT = ("The resumed run differs from the uninterrupted one from its first step: the optimizer's state "
        "(momentum buffers, Adam's moments, step counts) was not loaded back. Restore every object you were"
        " given.")
CHANGES = [('(("optimizer", optimizer), ("scheduler", scheduler))', '(("scheduler", scheduler),)')]
