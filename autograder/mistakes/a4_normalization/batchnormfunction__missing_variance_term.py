"""BatchNormFunction backward without the x̂·Σ(dy·x̂) term: the path through the variance is forgotten, so dx
keeps the part of dy along x̂ (dweight and dbias are right).
"""
COMPONENT = "BatchNormFunction"
FILE = "normalization.py"
HINT = ("Your gradient of x is wrong while the gradients of weight and bias are right. x reaches the "
        "loss through x̂ directly, through the mean and through the variance; one of these paths is "
        "missing (compare your dx with autograd on an upstream gradient proportional to x̂). "
        "Re-read handout section 3 (the backward pass, by hand).")
CHANGES = [("(m * grad_output - sum_dy - x_hat * sum_dy_x_hat)",
            "(m * grad_output - sum_dy)")]
