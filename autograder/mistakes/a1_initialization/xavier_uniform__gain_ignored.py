"""The gain argument is ignored: right for gain = 1 only."""
COMPONENT = "xavier_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are right for gain=1 but do not change with the gain argument. The gain '
        'scales the standard deviation (and so the bound). Re-read handout sections 3 and 4.')
CHANGES = [("std = gain * math.sqrt(", "std = math.sqrt(")]
