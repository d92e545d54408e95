"""The wire between the grader and a worker: plain data only, never pickle.

A message is a 4-byte big-endian length, a JSON header of that length, then the raw bytes of every tensor
in it, back to back. Every value in the header is tagged, so nothing is ever guessed:

    {"t": "none"} {"t": "bool", "v": true} {"t": "int", "v": 3} {"t": "float", "v": "0x1.8p+1"}
    {"t": "str", "v": "..."} {"t": "list", "v": [...]} {"t": "dict", "v": {"key": ...}}
    {"t": "tensor", "dtype": "float64", "shape": [2, 3], "device": "cpu", "nbytes": 48}
    {"t": "unsupported", "type": "MyTensor"}        # what a worker sends for anything else

Floats travel as hex strings, so they cross bit for bit (nan and inf included). The decoder checks every
tag, type, dtype, size and the nesting depth, because the other side may be student code.
This file is imported by both sides; it needs only torch and the standard library.
"""
from __future__ import annotations

import json
import math
import os
import struct

import torch

MAX_MESSAGE_BYTES = 512 * 1024 * 1024
MAX_DEPTH = 32
MAX_TENSOR_ELEMENTS = 2 ** 24   # no check expects more: refused before the tensor is copied, so it costs no time
DTYPES = {str(d).removeprefix("torch."): d for d in (
    torch.float64, torch.float32, torch.float16, torch.bfloat16, torch.int64, torch.int32,
    torch.int16, torch.int8, torch.uint8, torch.bool, torch.complex64, torch.complex128)}


class WireError(Exception):
    """A message that breaks the format (from a broken or hostile worker)."""


def _encode(value, blobs: list, size: list, depth: int = 0) -> dict:
    """`blobs` collects the tensors' bytes; `size` = [their total so far], kept as they are added."""
    if depth > MAX_DEPTH:
        raise WireError(f"the result is nested more than the grader's cap of {MAX_DEPTH} levels")
    kind = type(value)  # exact types only: a subclass of Tensor or float is not trusted to behave like one
    if value is None:
        return {"t": "none"}
    if kind is bool:
        return {"t": "bool", "v": value}
    if kind is int:
        return {"t": "int", "v": value}
    if kind is float:
        return {"t": "float", "v": value.hex()}
    if kind is str:
        return {"t": "str", "v": value}
    if kind in (list, tuple):
        return {"t": "list", "v": [_encode(v, blobs, size, depth + 1) for v in value]}
    if kind is dict and all(type(k) is str for k in value):
        return {"t": "dict", "v": {k: _encode(v, blobs, size, depth + 1) for k, v in value.items()}}
    if kind in (torch.Tensor, torch.nn.Parameter) and str(value.dtype).removeprefix("torch.") in DTYPES:
        if value.device.type == "meta":
            return {"t": "unsupported", "type": "Tensor on the meta device"}
        if value.numel() > MAX_TENSOR_ELEMENTS:
            raise WireError(f"a tensor of {value.numel():,} elements is over the grader's cap of "
                            f"{MAX_TENSOR_ELEMENTS:,} elements per tensor")
        if size[0] + value.numel() * value.element_size() > MAX_MESSAGE_BYTES:
            raise WireError(f"the result is over the grader's cap of {MAX_MESSAGE_BYTES // 2 ** 20} MiB per message")
        flat = value.detach().to("cpu").contiguous().reshape(-1)
        data = flat.view(torch.uint8).numpy().tobytes() if flat.numel() else b""
        blobs.append(data)
        size[0] += len(data)
        return {"t": "tensor", "dtype": str(value.dtype).removeprefix("torch."), "shape": list(value.shape),
                "device": str(value.device), "nbytes": len(data)}
    return {"t": "unsupported", "type": f"{kind.__module__}.{kind.__qualname__}"}


def encode(value) -> bytes:
    blobs: list[bytes] = []
    header = json.dumps(_encode(value, blobs, [0])).encode()
    return struct.pack(">I", len(header)) + header + b"".join(blobs)


def _decode(node, blobs: memoryview, offset: list, depth: int = 0):
    if depth > MAX_DEPTH:
        raise WireError(f"the result is nested more than the grader's cap of {MAX_DEPTH} levels")
    if type(node) is not dict or type(node.get("t")) is not str:
        raise WireError("malformed value")
    t, v = node["t"], node.get("v")
    if t == "none":
        return None
    if t == "bool" and type(v) is bool:
        return v
    if t == "int" and type(v) is int:
        return v
    if t == "float" and type(v) is str:
        try:
            return float.fromhex(v)
        except ValueError:
            raise WireError("malformed float") from None
    if t == "str" and type(v) is str:
        return v
    if t == "list" and type(v) is list:
        return [_decode(x, blobs, offset, depth + 1) for x in v]
    if t == "dict" and type(v) is dict:
        return {str(k): _decode(x, blobs, offset, depth + 1) for k, x in v.items()}
    if t == "unsupported" and type(node.get("type")) is str:
        return Unsupported(node["type"][:200])
    if t == "tensor":
        dtype, shape, nbytes = DTYPES.get(node.get("dtype")), node.get("shape"), node.get("nbytes")
        if dtype is None or type(shape) is not list or not all(type(s) is int and s >= 0 for s in shape):
            raise WireError("malformed tensor header")
        numel = math.prod(shape)
        itemsize = torch.empty((), dtype=dtype).element_size()
        if nbytes != numel * itemsize or offset[0] + nbytes > len(blobs):
            raise WireError("tensor size does not match its data")
        raw = bytearray(blobs[offset[0]: offset[0] + nbytes])
        offset[0] += nbytes
        flat = torch.frombuffer(raw, dtype=torch.uint8) if nbytes else torch.empty(0, dtype=torch.uint8)
        tensor = flat.view(dtype).reshape(shape)
        device = node.get("device")
        return WireTensor(tensor, device if type(device) is str else "?")
    raise WireError(f"unknown or malformed tag {t!r}")


class WireTensor:
    """A tensor that came over the wire, with the device the worker said it was on."""

    __slots__ = ("tensor", "device")

    def __init__(self, tensor: torch.Tensor, device: str):
        self.tensor, self.device = tensor, device


class Unsupported:
    """Something the worker could not send as plain data (a Tensor subclass, an object...)."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self):
        return f"<{self.type_name}>"


def decode(payload: bytes):
    """Decode a message body (everything after the length prefix)."""
    if len(payload) < 4:
        raise WireError("message too short")
    (header_len,) = struct.unpack(">I", payload[:4])
    if header_len > len(payload) - 4:
        raise WireError("header longer than the message")
    try:
        header = json.loads(payload[4:4 + header_len].decode())
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise WireError("header is not JSON") from None
    blobs = memoryview(payload)[4 + header_len:]
    offset = [0]
    value = _decode(header, blobs, offset)
    if offset[0] != len(blobs):
        raise WireError("extra bytes after the message")
    return value


def write_message(fd: int, value) -> None:
    """Send one framed message: 8-byte length, then encode(value)."""
    body = encode(value)
    data = struct.pack(">Q", len(body)) + body
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def read_exactly(fd: int, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the pipe")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_message(fd: int):
    """Blocking read of one framed message (the worker's side; the grader reads with a deadline)."""
    (length,) = struct.unpack(">Q", read_exactly(fd, 8))
    if length > MAX_MESSAGE_BYTES:
        raise WireError("message too large")
    return decode(read_exactly(fd, length))


def to_plain(value, device: str | None = None):
    """Turn WireTensors back into tensors (moved to `device` if given); everything else unchanged."""
    if isinstance(value, WireTensor):
        return value.tensor.to(device) if device else value.tensor
    if isinstance(value, list):
        return [to_plain(v, device) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v, device) for k, v in value.items()}
    return value
