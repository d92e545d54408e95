"""NAdam using μ_t where μ_{t+1} belongs (no look-ahead in the momentum schedule): every step slightly off."""
COMPONENT = "NAdam"
FILE = "optimizers.py"
HINT = ("Your NAdam steps differ slightly: the momentum term uses the next step's coefficient μ_{t+1} "
        "(and the product up to t + 1). Re-read handout section 5 (the Nesterov look-ahead).")
CHANGES = [("mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((step + 1) * momentum_decay))\n",
            "mu_next = mu\n")]
