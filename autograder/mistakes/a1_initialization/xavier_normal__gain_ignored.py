"""The gain argument is ignored: right for gain = 1 only."""
COMPONENT = "xavier_normal_"
FILE = "initializers.py"
HINT = ('Your weights are right for gain=1 but do not change with the gain argument, which scales '
        'the standard deviation. Re-read handout sections 3 and 4.')
CHANGES = [("std = gain * math.sqrt(", "std = math.sqrt(")]
