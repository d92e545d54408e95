"""One noise vector of a single sequence's shape, broadcast to every sequence of the batch.

Each sequence gets the same wiggles: within a batch the noise is not independent, so the augmentation adds
one pattern rather than noise.
"""
COMPONENT = "gaussian_jitter"
FILE = "augment.py"
HINT = ("Every sequence of the batch got the same noise: you drew noise for one sequence and let broadcasting "
        "add it to all of them. Draw noise of the whole batch's shape.")
CHANGES = [("    noise = torch.randn(x.shape, generator=generator, dtype=x.dtype, device=x.device)\n",
            "    noise = torch.randn(x.shape[1:], generator=generator, dtype=x.dtype, device=x.device)\n")]
