"""LeCun uniform bound 1 / sqrt(fan_in): sqrt(3) missing, weights 1.73 times too small."""
COMPONENT = "lecun_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are too small by a constant factor (about 1.73): 1/sqrt(fan_in) is the target'
        ' standard deviation, and U(-b, b) has variance b^2 / 3. Re-read handout section 6.')
CHANGES = [("bound = math.sqrt(3.0) * std", "bound = std")]
