"""Positions as the Language Server Protocol counts them.

specllint locates findings by Python character offsets (code points). LSP positions are a
0-based line and a 0-based ``character`` counted in code units of the negotiated position
encoding: UTF-16 by default (a character outside the Basic Multilingual Plane, such as most
emoji, counts 2), UTF-8 (1 to 4 bytes) or UTF-32 (one per code point). Lines end at
``\\n``, ``\\r\\n`` or ``\\r``, as the protocol defines them.

A position inside a character (the second unit of a surrogate pair, a middle UTF-8 byte)
maps to the start of that character; a ``character`` past the end of its line maps to the
end of the line, and a line past the end of the text to the end of the text, as the
protocol asks servers to do.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

import regex

UTF16, UTF8, UTF32 = "utf-16", "utf-8", "utf-32"
ENCODINGS: tuple[str, ...] = (UTF16, UTF8, UTF32)

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")


def _utf16_units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _utf8_units(char: str) -> int:
    cp = ord(char)
    return 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4


_UNIT_COUNTERS: dict[str, Callable[[str], int]] = {UTF16: _utf16_units, UTF8: _utf8_units, UTF32: lambda _: 1}
#: a pattern that finds no character of a text when its units equal its characters
_WIDE: dict[str, regex.Pattern[str] | None] = {UTF16: _ASTRAL, UTF8: _NON_ASCII, UTF32: None}


def _check(encoding: str) -> str:
    if encoding not in _UNIT_COUNTERS:
        raise ValueError(f"unknown position encoding {encoding!r} (expected one of {', '.join(ENCODINGS)})")
    return encoding


def code_units(text: str, encoding: str = UTF16) -> int:
    """Length of ``text`` in code units of ``encoding``."""
    wide = _WIDE[_check(encoding)]
    if wide is None or not wide.search(text):
        return len(text)
    units = _UNIT_COUNTERS[encoding]
    return sum(units(c) for c in text)


class TextPositions:
    """Converts between character offsets into one text and LSP ``(line, character)`` pairs."""

    __slots__ = ("_counter", "_ends", "_starts", "_wide", "encoding", "text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = _check(encoding)
        self._counter = _UNIT_COUNTERS[encoding]
        self._wide = _WIDE[encoding]
        starts = [0]
        ends = []
        for m in _LINE_BREAK.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self._starts = starts
        self._ends = ends

    @property
    def line_count(self) -> int:
        """Number of lines (a text ending with a line break has an empty last line)."""
        return len(self._starts)

    def line_text(self, line: int) -> str:
        """Line ``line`` (0-based) without its line break."""
        return self.text[self._starts[line] : self._ends[line]]

    def position(self, offset: int) -> tuple[int, int]:
        """The LSP position of character offset ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        offset = min(offset, self._ends[line])  # inside a "\r\n": the end of the line
        return line, self._units(self.text[start:offset])

    def offset(self, line: int, character: int) -> int:
        """The character offset of an LSP position (clamped to its line and to the text)."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[line], self._ends[line]
        character = max(0, character)
        content = self.text[start:end]
        if self._wide is None or not self._wide.search(content):
            return start + min(character, len(content))
        counted = 0
        for index, char in enumerate(content):
            counted += self._counter(char)
            if counted > character:
                return start + index
        return end

    def _units(self, text: str) -> int:
        if self._wide is None or not self._wide.search(text):
            return len(text)
        return sum(self._counter(c) for c in text)


def apply_change(
    text: str,
    new_text: str,
    start: tuple[int, int] | None = None,
    end: tuple[int, int] | None = None,
    encoding: str = UTF16,
) -> str:
    """``text`` after one ``TextDocumentContentChangeEvent``.

    With ``start``/``end`` (LSP positions) the range is replaced by ``new_text``; without
    them ``new_text`` is the whole new document.
    """
    if start is None or end is None:
        return new_text
    positions = TextPositions(text, encoding)
    a = positions.offset(*start)
    b = positions.offset(*end)
    if b < a:
        a, b = b, a
    return text[:a] + new_text + text[b:]
