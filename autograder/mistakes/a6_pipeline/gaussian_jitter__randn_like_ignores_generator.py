"""torch.randn_like(x) without the generator: the noise comes from torch's global generator.

The noise is right, but a seeded pipeline that passes its own generator cannot repeat it, and every call
moves the global generator that the rest of the program (dropout, shuffling) draws from.
"""
COMPONENT = "gaussian_jitter"
FILE = "augment.py"
HINT = ("Your noise ignores the generator it is given and draws from torch's global generator (as "
        "torch.randn_like(x) does unless it is handed the generator): pass generator= to the call that draws.")
CHANGES = [("    noise = torch.randn(x.shape, generator=generator, dtype=x.dtype, device=x.device)\n",
            "    noise = torch.randn_like(x)\n")]
