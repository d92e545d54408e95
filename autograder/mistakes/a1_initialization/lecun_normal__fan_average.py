"""Glorot's 2 / (fan_in + fan_out) used instead of 1 / fan_in: right for square layers only."""
COMPONENT = "lecun_normal_"
FILE = "initializers.py"
HINT = ("Your weights are right for square layers only: that is Glorot's average of the fans. LeCun"
        ' uses fan_in alone. Re-read handout section 6.')
CHANGES = [("fan_in, _ =", "fan_in, fan_out ="), ("1.0 / math.sqrt(fan_in)", "math.sqrt(2.0 / (fan_in + fan_out))")]
