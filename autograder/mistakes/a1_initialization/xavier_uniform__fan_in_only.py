"""Only fan_in used (LeCun's bound instead of Glorot's average): right for square layers only."""
COMPONENT = "xavier_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are right for square layers only. Xavier/Glorot balances the forward '
        'condition (fan_in) and the backward one (fan_out): which average of the two appears in its'
        ' variance? Handout section 3.')
CHANGES = [("math.sqrt(2.0 / float(fan_in + fan_out))", "math.sqrt(1.0 / float(fan_in))")]
