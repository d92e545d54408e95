"""SGD that ignores maximize=True: it always descends, so with maximize every step has the wrong sign."""
COMPONENT = "SGD"
FILE = "optimizers.py"
HINT = ("With maximize=True your parameters go the wrong way: maximize means ascending the objective, "
        "which is descending with the negated gradient. Re-read handout section 1 (the maximize flag) "
        "and where the sign flip happens relative to weight decay.")
CHANGES = [("grad = -p.grad if maximize else p.grad\n",
            "grad = p.grad\n")]
