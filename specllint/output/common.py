"""Helpers shared by the machine-readable output formats."""

from __future__ import annotations

import os
from pathlib import Path

import regex

from ..files import STDIN

#: characters XML 1.0 does not allow, even escaped
_XML_INVALID = regex.compile(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def relative_path(path: str, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` (default: the current directory) with ``/`` separators.

    Paths outside ``cwd`` stay absolute; names that are not paths (``<stdin>``) stay as given.
    """
    if path == STDIN or path.startswith("<"):
        return path
    base = (cwd or Path.cwd()).resolve()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        try:
            return Path(path).resolve().relative_to(base).as_posix()
        except ValueError:
            return absolute.as_posix()


def xml_text(text: str) -> str:
    """``text`` with characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)
