"""Kaiming uniform bound set to the std: sqrt(3) missing, weights 1.73 times too small."""
COMPONENT = "kaiming_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are too small by a constant factor (about 1.73). The bound of U(-b, b) is not'
        ' its standard deviation: Var = b^2 / 3. Re-read handout section 5.')
CHANGES = [("bound = math.sqrt(3.0) * std", "bound = std")]
