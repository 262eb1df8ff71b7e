"""Small text helpers shared by the segmenter, the engine and the kinds."""

from __future__ import annotations

from .buildcache import compile_pattern

_SURROGATE = compile_pattern(r"[\ud800-\udfff]")


def sanitize(text: str) -> str:
    """Replace lone surrogates with U+FFFD, keeping every offset unchanged."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
