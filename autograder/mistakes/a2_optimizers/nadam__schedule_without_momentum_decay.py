"""NAdam computing μ_t = β1·(1 - ½·0.96^t), leaving out momentum_decay: μ_t warms up far too fast, so the steps
differ."""
COMPONENT = "NAdam"
FILE = "optimizers.py"
HINT = ("Your NAdam steps differ: the momentum schedule is μ_t = β1·(1 - ½·0.96^(t·ψ)) with ψ = "
        "momentum_decay, so it rises slowly. Re-read handout section 5 (the momentum schedule).")
CHANGES = [("0.96 ** (step * momentum_decay)", "0.96 ** step"),
           ("0.96 ** ((step + 1) * momentum_decay)", "0.96 ** (step + 1)")]
