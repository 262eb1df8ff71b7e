"""Hand memory freed by a finished chunk of clauses back to the operating system.

Each chunk that :func:`specllint.iter_findings` checks allocates spaCy's Docs, lexemes and
strings, and frees them when its vocabulary block closes. glibc's allocator keeps freed
pages for reuse, so a long stream's resident size drifts upward although what is in use
stays flat. :func:`release` asks glibc to return them (``malloc_trim``); elsewhere it does
nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where there is none (macOS, Windows, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


def release() -> bool:
    """Return freed heap pages to the system; True when the allocator released any."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
