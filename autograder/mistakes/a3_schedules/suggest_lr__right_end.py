"""suggest_lr returning the right (larger) end of the steepest pair."""
COMPONENT = "suggest_lr"
FILE = "schedules.py"
HINT = ("You find the steepest pair but return its upper rate: the suggestion is the *left* (lower) end, "
        "lrs[i], of the pair i, i + 1 with the most negative slope. Re-read the suggest_lr docstring.")
CHANGES = [("return float(lrs[best_index])", "return float(lrs[best_index + 1])")]
