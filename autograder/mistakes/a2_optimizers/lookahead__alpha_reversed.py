"""Lookahead with alpha weighting the slow weights, slow ← fast + α·(slow - fast): right for alpha = 0.5 only."""
COMPONENT = "Lookahead"
FILE = "optimizers.py"
HINT = ("Your Lookahead is right for alpha = 0.5 only: alpha is the slow weights' step towards the "
        "fast weights, slow ← slow + α·(fast - slow), so alpha = 1 means the inner optimizer alone. "
        "Re-read handout section 7.")
CHANGES = [("slow.add_(p - slow, alpha=self.alpha)", "slow.copy_(p + self.alpha * (slow - p))")]
