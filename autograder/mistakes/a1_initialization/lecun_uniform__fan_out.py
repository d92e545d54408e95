"""fan_out used instead of fan_in: right for square layers only."""
COMPONENT = "lecun_uniform_"
FILE = "initializers.py"
HINT = ("Your weights are right for square layers only: LeCun's variance is 1 / fan_in (the number "
        'of inputs each output sums). Re-read handout sections 2 and 6.')
CHANGES = [("fan_in, _ =", "_, fan_out ="), ("1.0 / math.sqrt(fan_in)", "1.0 / math.sqrt(fan_out)")]
