"""suggest_lr returning the rate of the lowest finite loss instead of the left end of the steepest descent."""
COMPONENT = "suggest_lr"
FILE = "schedules.py"
HINT = ("You return the rate with the lowest loss; by then the loss is about to blow up, so that rate is "
        "too large. The suggestion is where the loss falls fastest: the most negative slope of loss against "
        "log lr between neighbouring points. Re-read handout section 10 and the suggest_lr docstring.")
CHANGES = [("    return float(lrs[best_index])\n",
            "    finite = [i for i in range(len(lrs)) if math.isfinite(losses[i])]\n"
            "    return float(lrs[min(finite, key=lambda i: losses[i])])\n")]
