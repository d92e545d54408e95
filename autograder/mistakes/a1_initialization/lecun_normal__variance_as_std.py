"""std = 1 / fan_in (the variance used as the std): weights sqrt(fan_in) times too small."""
COMPONENT = "lecun_normal_"
FILE = "initializers.py"
HINT = ('Your weights are much too small: 1 / fan_in is the target variance, and normal_ takes a '
        'standard deviation. Re-read handout section 6.')
CHANGES = [("1.0 / math.sqrt(fan_in)", "1.0 / fan_in")]
