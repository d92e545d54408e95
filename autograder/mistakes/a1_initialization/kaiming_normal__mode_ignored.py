"""mode ignored: always fan_in, so mode='fan_out' gives the wrong std on a non-square layer."""
COMPONENT = "kaiming_normal_"
FILE = "initializers.py"
HINT = ("Your weights are right with mode='fan_in' but not with mode='fan_out' on a non-square "
        'layer: the mode chooses which fan sets the variance (forward or backward condition). Re-'
        'read handout section 5.')
CHANGES = [('    fan = fan_in if mode == "fan_in" else fan_out\n', "    fan = fan_in\n")]
