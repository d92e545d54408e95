"""BatchNormFunction backward without the Σdy term: the path through the batch mean is forgotten, so dx
keeps the part of dy that is constant over a channel (dweight and dbias are right).
"""
COMPONENT = "BatchNormFunction"
FILE = "normalization.py"
HINT = ("Your gradient of x is wrong while the gradients of weight and bias are right: adding a constant "
        "to every upstream gradient of a channel should not change dx (the mean subtraction "
        "absorbs it), but it changes yours. One path from x to the loss, through the mean, is "
        "missing. Re-read handout section 3 (the backward pass, by hand).")
CHANGES = [("(m * grad_output - sum_dy - x_hat * sum_dy_x_hat)",
            "(m * grad_output - x_hat * sum_dy_x_hat)")]
