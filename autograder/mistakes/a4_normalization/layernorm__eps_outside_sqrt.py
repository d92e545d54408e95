"""LayerNorm adding eps to the standard deviation instead of to the variance: (x - μ) / (σ + eps)."""
COMPONENT = "LayerNorm"
FILE = "normalization.py"
HINT = ("Your LayerNorm is close to torch's but not equal, most visibly when the features vary little "
        "or eps is large. eps is added to the variance, under the square root. Re-read handout "
        "section 4 (layer normalization).")
CHANGES = [("(input - mean) / torch.sqrt(var + self.eps)",
            "(input - mean) / (torch.sqrt(var) + self.eps)")]
