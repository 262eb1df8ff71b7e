"""Splitting contract text (plain text or Markdown) into labelled clauses.

Every clause keeps exact character offsets into the original text. Recognised structure:
numbered clauses (``1.``, ``1.1``, ``3.2.1``, ``(a)``, ``a)``), Markdown headings (kept as
context, not linted), bullet items, ``Key: value`` lines, Markdown table rows and the
sentences of prose paragraphs. YAML (``---``) or TOML (``+++``) front matter is split off
as order metadata and never linted as prose. HTML comments and fenced code are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import regex
import tomllib

from .buildcache import compile_pattern
from .positions import ForwardLineIndex
from .sentences import MAX_CLAUSE, capped, split_sentences  # noqa: F401  (MAX_CLAUSE: re-exported)

#: Clauses longer than this are split into their sentences.
LONG_CLAUSE = 240

_HEADING = compile_pattern(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_SETEXT = compile_pattern(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = compile_pattern(r"^ {0,3}(```|~~~)")
_TABLE_SEP = compile_pattern(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = compile_pattern(r"^(\s*)([-*+•·▪‣]|\[[ xX]\])[ \t]+(?=\S)")
_UNIT_AFTER = r"(?!\s*(?:mm|cm|m\b|µm|um|kg|g\b|%|x\b|×|\*|pcs|in\b|inch|ft|\"|″|°|ml|l\b|oz|lb|-|–|~))"
_NUMBERED = compile_pattern(
    r"^(\s*)(?:"
    r"(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?" + _UNIT_AFTER + r"|"
    r"(?P<num>\d{1,3})[.)]" + _UNIT_AFTER + r"|"
    r"\((?P<sub>[a-z]|[ivx]{1,4}|\d{1,2})\)|"
    r"(?P<sub>[a-zA-Z])[.)](?=[ \t]+[A-Z(\"“0-9])|"
    r"(?P<sub>[a-z])\)"
    r")[ \t]+(?=\S)"
)
_KEY_VALUE = compile_pattern(r"\G(\s*)(?:\*\*)?([A-Za-z][\w /&()'’.-]{0,48}?)(?:\*\*)?\s*[:：](?:\*\*)?[ \t]+(?=\S)")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"


@attrs.frozen
class Segment:
    """A clause before linting: where it is, what it is called, what it sits under."""

    start: int
    end: int
    label: str
    kind: str
    heading: str | None = None
    key: str | None = None


@attrs.frozen
class FrontMatter:
    """Order metadata split off the top of the text."""

    start: int
    end: int
    format: str
    data: dict[str, Any]
    error: str | None = None


@attrs.frozen
class Heading:
    start: int
    end: int
    level: int
    text: str


def split_front_matter(text: str) -> FrontMatter | None:
    """Find ``---`` YAML or ``+++`` TOML front matter at the very start of ``text``."""
    # Offsets into ``text`` only: slicing off the first line or the BOM would copy the whole
    # text, which streaming a large document must not do.
    skip = 1 if text.startswith("\ufeff") else 0
    newline = text.find("\n", skip)
    line_end = newline if newline >= 0 else len(text)
    first = text[skip:line_end].rstrip("\r")
    for fence, fmt in (("---", "yaml"), ("+++", "toml")):
        if first.strip() != fence:
            continue
        match = regex.compile(r"^" + regex.escape(fence) + r"[ \t]*\r?$", regex.M).search(text, line_end + 1)
        if match is None:
            return None
        inner = text[line_end + 1 : match.start()]
        end = match.end()
        if end < len(text) and text[end] == "\n":
            end += 1
        data, error = _parse_front_matter(inner, fmt)
        return FrontMatter(0, end, fmt, data, error)
    return None


def _parse_front_matter(inner: str, fmt: str) -> tuple[dict[str, Any], str | None]:
    try:
        if fmt == "toml":
            data: Any = tomllib.loads(inner)
        else:
            import yaml

            data = yaml.safe_load(inner) if inner.strip() else {}
    except Exception as exc:  # any parser failure is reported, never raised
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return {}, f"cannot parse {fmt.upper()} front matter: {message}"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, f"{fmt.upper()} front matter must be a table of keys and values"
    return data, None


@attrs.define
class _Block:
    start: int
    end: int
    kind: str
    label: str | None
    key: str | None = None
    indent: int = 0


class _Labeller:
    """Tracks the numbering context so ``(a)`` under ``3.2`` becomes ``3.2(a)``."""

    def __init__(self) -> None:
        self.number: str | None = None

    def numbered(self, num: str | None, sub: str | None) -> str:
        if num:
            self.number = num
            return num
        assert sub is not None
        return f"{self.number}({sub})" if self.number else f"({sub})"

    def heading(self, text: str) -> None:
        m = regex.match(r"^(?:section\s+|clause\s+)?(\d{1,3}(?:\.\d{1,3})*)\.?\s", text, regex.I)
        self.number = m.group(1) if m else None


def _lines(text: str, start: int) -> Iterator[tuple[int, int, str]]:
    """(start, end-without-newline, line) for each line from ``start``."""
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        yield pos, line_end, text[pos:line_end]
        pos = end + 1


def segment(text: str) -> tuple[list[Segment], list[Heading], FrontMatter | None]:
    """Split ``text`` into clauses, headings and front matter."""
    front = split_front_matter(text)
    segments: list[Segment] = []
    headings: list[Heading] = []
    for item in iter_structure(text, front):
        (segments if type(item) is Segment else headings).append(item)
    return segments, headings, front


def iter_structure(text: str, front: FrontMatter | None = None) -> Iterator[Segment | Heading]:
    """Clauses and headings of ``text`` (after ``front`` matter) in text order, lazily.

    :func:`segment` collects them; streaming callers consume them one at a time, so
    memory does not grow with the number of clauses.
    """
    lines = ForwardLineIndex(text)  # segments come in text order: no table of line starts
    labeller = _Labeller()
    heading: str | None = None
    table_header: str | None = None
    block: _Block | None = None
    in_fence = False
    in_comment = False
    prev_text_line: tuple[int, int, str] | None = None

    def flush() -> Iterator[Segment]:
        nonlocal block
        if block is not None:
            yield from _block_segments(text, lines, block, heading)
            block = None

    for ls, le, line in _lines(text, front.end if front else 0):
        stripped = line.strip()
        if in_comment or stripped.startswith(_COMMENT_OPEN):
            in_comment = _COMMENT_CLOSE not in (line if in_comment else line[line.find(_COMMENT_OPEN) + 4 :])
            if stripped.startswith(_COMMENT_OPEN) or in_comment or stripped.endswith(_COMMENT_CLOSE):
                yield from flush()
                prev_text_line = None
                continue
        if ("```" in line or "~~~" in line) and _FENCE.match(line):
            yield from flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not stripped:
            yield from flush()
            prev_text_line = None
            table_header = None
            continue
        if "#" in line and (m := _HEADING.match(line)):
            yield from flush()
            heading = m.group(2).strip() or None
            labeller.heading(heading or "")
            hs = ls + m.start(2)
            yield Heading(hs, hs + len(m.group(2).rstrip()), len(m.group(1)), heading or "")
            prev_text_line = None
            continue
        if prev_text_line is not None and block is not None and block.kind == "paragraph" and _SETEXT.match(line):
            # The paragraph just read was a setext heading.
            block = None
            ps, pe, ptext = prev_text_line
            heading = ptext.strip()
            labeller.heading(heading)
            yield Heading(ps + len(ptext) - len(ptext.lstrip()), pe, 1 if "=" in line else 2, heading)
            prev_text_line = None
            continue
        if stripped.startswith("|") or (table_header is not None and "|" in stripped):
            if _TABLE_SEP.match(line):
                continue
            yield from flush()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if table_header is None and _next_is_table_sep(text, le):
                table_header = " | ".join(c for c in cells if c)
                continue
            inner_start = ls + line.index(stripped[0]) + (1 if stripped.startswith("|") else 0)
            inner_end = ls + line.rindex(stripped[-1]) + (0 if stripped.endswith("|") else 1)
            context = " / ".join(x for x in (heading, table_header) if x) or None
            seg = _trimmed(text, inner_start, inner_end)
            if seg:
                row = f"L{lines.line_of(ls)}"
                for i, (s, e) in enumerate(capped(text, *seg)):
                    yield Segment(s, e, row if i == 0 else f"{row}.{i + 1}", "table-row", context)
            prev_text_line = None
            continue
        table_header = None
        indent = len(line) - len(line.lstrip())
        if m := _NUMBERED.match(line):
            yield from flush()
            label = labeller.numbered(m.group("num"), m.group("sub"))
            kv = _KEY_VALUE.match(line, m.end())
            key = kv.group(2).strip(" *") if kv and not _is_sentence_start(kv.group(2)) else None
            block = _Block(ls + m.end(), le, "item", label, key=key, indent=indent)
        elif m := _BULLET.match(line):
            yield from flush()
            block = _Block(ls + m.end(), le, "bullet", None, indent=indent)
        elif (m := _KEY_VALUE.match(line)) and not _is_sentence_start(m.group(2)):
            if block is not None and block.kind in ("item", "bullet") and indent > block.indent and block.key is None:
                block.end = le  # an indented field continues its item
            else:
                yield from flush()
                block = _Block(ls + indent, le, "field", None, key=m.group(2).strip(" *"), indent=indent)
        elif block is not None:
            block.end = le
        else:
            block = _Block(ls + indent, le, "paragraph", None, indent=indent)
        prev_text_line = (ls, le, line)
    yield from flush()


def _next_is_table_sep(text: str, line_end: int) -> bool:
    nl = text.find("\n", line_end)
    if nl < 0:
        return False
    nxt = text.find("\n", nl + 1)
    return bool(_TABLE_SEP.match(text[nl + 1 : nxt if nxt >= 0 else len(text)]))


def _is_sentence_start(key: str) -> bool:
    """``Note that the price is: ...`` is prose, not a field; fields have short keys."""
    return len(key.split()) > 5


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _block_segments(text: str, lines: ForwardLineIndex, block: _Block, heading: str | None) -> Iterator[Segment]:
    span = _trimmed(text, block.start, block.end)
    if span is None:
        return
    start, end = span
    base = block.label or f"L{lines.line_of(start)}"
    kind = {"paragraph": "sentence"}.get(block.kind, block.kind)
    if block.kind != "paragraph" and end - start <= LONG_CLAUSE:
        yield Segment(start, end, base, kind, heading, block.key)
        return
    pieces = [piece for s, e in split_sentences(text, start, end) for piece in capped(text, s, e)]
    if len(pieces) == 1:
        yield Segment(start, end, base, kind, heading, block.key)
        return
    line_counts: dict[int, int] = {}
    for i, (s, e) in enumerate(pieces):
        if block.label:
            label = base if i == 0 else f"{base}/{i + 1}"
        else:
            line = lines.line_of(s)
            line_counts[line] = line_counts.get(line, 0) + 1
            label = f"L{line}" if line_counts[line] == 1 else f"L{line}.{line_counts[line]}"
        yield Segment(s, e, label, kind if i == 0 else "sentence", heading, block.key if i == 0 else None)
