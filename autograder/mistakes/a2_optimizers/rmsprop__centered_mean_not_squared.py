"""RMSprop centered subtracting the running mean ḡ instead of its square ḡ²: centered steps differ, and are NaN
where v < ḡ."""
COMPONENT = "RMSprop"
FILE = "optimizers.py"
HINT = ("With centered=True your steps differ (and can be NaN): the variance estimate is v - ḡ², the "
        "mean of squares minus the square of the mean. Re-read handout section 3 (centered).")
CHANGES = [("square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()", "square_avg.sub(grad_avg).sqrt_()")]
