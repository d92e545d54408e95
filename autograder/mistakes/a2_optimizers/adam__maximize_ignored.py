"""Adam that ignores maximize=True: with maximize every step goes the wrong way."""
COMPONENT = "Adam"
FILE = "optimizers.py"
HINT = ("With maximize=True your parameters go the wrong way: maximize negates the gradient before "
        "anything else uses it. Re-read handout section 4 (maximize).")
CHANGES = [("grad = -p.grad if maximize else p.grad\n",
            "grad = p.grad\n")]
