"""Xavier uniform bound set to the std: sqrt(3) missing, weights 1.73 times too small."""
COMPONENT = "xavier_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are too small by a constant factor (about 1.73). You used the target standard'
        ' deviation as the uniform bound: what is the variance of U(-b, b)? Re-read handout section'
        ' 3.')
CHANGES = [("bound = math.sqrt(3.0) * std", "bound = std")]
