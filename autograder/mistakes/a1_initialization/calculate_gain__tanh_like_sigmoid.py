"""tanh given gain 1, like sigmoid, instead of 5/3."""
COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ("Your gain for 'tanh' is wrong: torch uses 5/3 for tanh (only sigmoid and the linear/conv "
        'names get 1). Check the table in the docstring and handout section 4.')
CHANGES = [('nonlinearity == "sigmoid":', 'nonlinearity in ("sigmoid", "tanh"):')]
