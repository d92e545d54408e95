"""l2_penalty that peeks at the first tensor of params, which consumes it when params is a generator:
for model.parameters() the first tensor (usually the first weight) is left out of the penalty."""
COMPONENT = "l2_penalty"
FILE = "regularization.py"
HINT = ("Your penalty is right for a list but too small for model.parameters(): that is a generator, and "
        "every element you take from it (next(), a first loop) is gone for the next loop. Turn params into "
        "a list once, before you use it.")
CHANGES = [("    params = list(params)\n    if not params:\n",
            "    first = next(iter(params), None)      # for a generator, this takes its first tensor away\n"
            "    if first is None:\n")]
