"""Converting character offsets to 1-based line and column numbers (and back)."""

from __future__ import annotations

from array import array
from bisect import bisect_right


class LineIndex:
    """Offsets of line starts in a text, for O(log n) offset -> (line, column).

    The starts are kept in a typed array (8 bytes a line, not a list of int objects), as
    the index lives as long as the text is linted: 10 MB for a million lines, not 36 MB.
    """

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = array("q", [0])
        find = text.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    def line_of(self, offset: int) -> int:
        """1-based line of ``offset``."""
        return bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count characters."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self._starts[line - 1] + column - 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]


class ForwardLineIndex:
    """Offset -> (line, column) for offsets that mostly move forward, in O(1) memory.

    Unlike :class:`~specllint.positions.LineIndex` it stores no table of line starts: it
    counts newlines from the last position asked for, so a pass over the text in order
    costs one scan in total.
    """

    __slots__ = ("_line", "_line_start", "_pos", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._line = 1  # line of _pos
        self._line_start = 0  # offset where that line starts
        self._pos = 0

    def line_of(self, offset: int) -> int:
        """1-based line of ``offset``."""
        return self.position(offset)[0]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count characters."""
        text = self._text
        offset = max(0, min(offset, len(text)))
        if offset >= self._pos:
            newlines = text.count("\n", self._pos, offset)
            if newlines:
                self._line += newlines
                self._line_start = text.rfind("\n", self._pos, offset) + 1
            self._pos = offset
            return self._line, offset - self._line_start + 1
        if offset >= self._line_start:
            return self._line, offset - self._line_start + 1
        # Backwards past a line start (a finding earlier in a multi-line clause).
        line = self._line - text.count("\n", offset, self._line_start)
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
