"""The wire between grader and worker: plain data crosses bit for bit; anything else is refused or reported."""
import math
import struct

import pytest
import torch

from autograder.feedback import compare_outputs
from autograder.worker import wire


def roundtrip(value):
    return wire.decode(wire.encode(value))


def test_plain_values_cross_exactly():
    value = {"a": [1, 2.5, None, True, "x"], "b": {"c": -0.0}, "nan": math.nan, "inf": -math.inf,
             "tiny": 5e-324}
    got = roundtrip(value)
    assert got["a"] == [1, 2.5, None, True, "x"] and math.copysign(1, got["b"]["c"]) == -1
    assert math.isnan(got["nan"]) and got["inf"] == -math.inf and got["tiny"] == 5e-324


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32, torch.float16, torch.bfloat16, torch.int64,
                                   torch.bool])
def test_tensors_cross_bit_for_bit(dtype):
    t = (torch.randn(3, 4, generator=torch.Generator().manual_seed(0)) * 100).to(dtype)
    got = roundtrip([t, t[:0], t[0, 0]])
    for sent, back in zip([t, t[:0], t[0, 0]], got):
        assert isinstance(back, wire.WireTensor) and back.device == "cpu"
        assert back.tensor.dtype == dtype and back.tensor.shape == sent.shape and torch.equal(back.tensor, sent)


def test_a_tensor_subclass_is_reported_not_trusted():
    class Sneaky(torch.Tensor):
        pass

    got = roundtrip({"out": torch.ones(2).as_subclass(Sneaky)})["out"]
    assert isinstance(got, wire.Unsupported) and "Sneaky" in got.type_name
    mismatch = compare_outputs({"out": torch.ones(2)}, {"out": got}, "float64")
    assert mismatch and "subclass" in mismatch.message


def test_objects_are_reported_not_pickled():
    assert isinstance(roundtrip(object()), wire.Unsupported)
    assert isinstance(roundtrip({1: 2}), wire.Unsupported)  # non-string keys


@pytest.mark.parametrize("payload", [
    b"",
    struct.pack(">I", 100) + b"{}",                                     # header longer than the message
    struct.pack(">I", 2) + b"[]",                                        # not a tagged value
    struct.pack(">I", 13) + b'{"t": "evil"}',                            # unknown tag
    struct.pack(">I", 22) + b'{"t": "int", "v": 1.5}',                   # wrong type for the tag
    struct.pack(">I", 10) + b'{"t": "no',                                # not JSON
])
def test_malformed_messages_are_refused(payload):
    with pytest.raises(wire.WireError):
        wire.decode(payload)


def test_tensor_sizes_must_match_their_data():
    header = b'{"t": "tensor", "dtype": "float64", "shape": [1000000], "device": "cpu", "nbytes": 8000000}'
    with pytest.raises(wire.WireError):
        wire.decode(struct.pack(">I", len(header)) + header + b"\0" * 8)
    body = wire.encode(torch.ones(2))
    with pytest.raises(wire.WireError):
        wire.decode(body + b"extra")


def test_deep_nesting_is_refused():
    deep = {"t": "none"}
    for _ in range(100):
        deep = {"t": "list", "v": [deep]}
    import json
    header = json.dumps(deep).encode()
    with pytest.raises(wire.WireError):
        wire.decode(struct.pack(">I", len(header)) + header)


def test_outsized_results_are_refused_before_they_are_copied_and_the_cap_is_named():
    # expand() makes a 150-million-element tensor without allocating it: the refusal must not copy it either
    huge = torch.zeros(1).expand(150_000_000)
    with pytest.raises(wire.WireError, match="cap of 16,777,216 elements per tensor"):
        wire.encode({"params": [huge]})
    deep = []
    for _ in range(300_000):
        deep = [deep]
    with pytest.raises(wire.WireError, match=f"cap of {wire.MAX_DEPTH} levels"):
        wire.encode(deep)
    assert roundtrip(torch.zeros(wire.MAX_TENSOR_ELEMENTS, dtype=torch.uint8)).tensor.numel() == wire.MAX_TENSOR_ELEMENTS
