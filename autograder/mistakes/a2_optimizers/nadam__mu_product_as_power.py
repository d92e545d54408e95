"""NAdam using μ_t^t for the product μ_1·…·μ_t (as if the momentum schedule were constant): the step sizes
drift from torch's."""
COMPONENT = "NAdam"
FILE = "optimizers.py"
HINT = ("Your NAdam steps differ: the momentum coefficient μ_t changes every step, so the product "
        "μ_1·μ_2·…·μ_t has to be accumulated step by step in the state. Re-read handout section 5 "
        "(the momentum schedule and its product).")
CHANGES = [('state["mu_product"] *= mu\n',
            'state["mu_product"] = mu ** step\n')]
