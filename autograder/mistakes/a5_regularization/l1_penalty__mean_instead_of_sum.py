"""l1_penalty that averages |w| within each tensor instead of summing over every element: each tensor's
penalty (and its gradient) is divided by its number of elements."""
COMPONENT = "l1_penalty"
FILE = "regularization.py"
HINT = ("Your penalty is too small, by a different factor for each tensor: it averages |w| inside each "
        "tensor. The penalty is lam times the SUM of |w| over every element of every tensor, so each weight "
        "gets the same pull whatever the size of its layer.")
CHANGES = [("w.abs().sum()", "w.abs().mean()")]
