"""BatchNormFunction backward differentiating the variance as if it divided by m - 1: the x̂ term of dx is
m / (m - 1) times too large.
"""
COMPONENT = "BatchNormFunction"
FILE = "normalization.py"
HINT = ("Your gradient of x is slightly off, by a relative amount near 1/m. The forward pass uses the "
        "biased variance (1/m) Σ (x - μ)², so its derivative carries 1/m, not 1/(m - 1). Re-read "
        "handout section 3 (the backward pass, by hand).")
CHANGES = [("(m * grad_output - sum_dy - x_hat * sum_dy_x_hat)",
            "(m * grad_output - sum_dy - x_hat * sum_dy_x_hat * m / (m - 1))")]
