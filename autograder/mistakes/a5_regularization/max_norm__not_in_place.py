"""max_norm_ that returns a rescaled copy and leaves the weight itself unconstrained (the numbers are right,
the tensor it was given is unchanged)."""
COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("The trailing underscore means in place: max_norm_ must change the weight tensor it is given (and "
        "return it). Yours computes the right numbers in a new tensor, so the model's weights never change.")
CHANGES = [("    weight.mul_(scale.reshape(", "    weight = weight.mul(scale.reshape(")]
