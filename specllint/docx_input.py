"""Reading Word (.docx) contracts as text specllint can lint (needs the ``docx`` extra).

The Word document becomes Markdown text in which every Word block is one line:

* a paragraph is one line (soft line breaks inside it become spaces), separated from the
  next block by an empty line, since in Markdown consecutive lines are one paragraph and a
  Word paragraph must stay a clause of its own; empty paragraphs are left out; paragraphs
  styled ``Title`` or ``Heading 1``-``Heading 6`` (or based on them) become ``#`` headings,
  so rules know which section a clause sits in;
* a table is one line per row, ``| cell | cell |``, with a separator line after its first
  row (which names the columns, as in Markdown); the paragraphs of a cell are joined with
  spaces;
* paragraphs inside content controls count like any other; headers, footers, footnotes,
  comments, text boxes and tracked deletions are not read.

:meth:`DocxText.location` turns a finding's ``line``/``column`` back into a place in the
Word document: paragraph *n* (counting every paragraph of the body from 1, empty ones
included, table cells not) or table *t*, row *r*, cell *c*, plus the character within it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import regex

from .files import InputError

#: Word XML parts may expand to at most this many times ``max_bytes`` (zip bomb guard).
XML_EXPANSION_LIMIT = 10

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "r"))
#: elements whose children are read as if they stood in place of the element
_WRAPPERS = frozenset(f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "hyperlink", "ins", "moveTo",
                                           "smartTag", "fldSimple", "dir", "bdo"))
_LINE_BREAKS = regex.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_HEADING_STYLE = regex.compile(r"^(?:heading\s*(\d)|title)$", regex.I)


@attrs.frozen
class DocxLocation:
    """A place in a Word document: a body paragraph, or a table cell, and a character in it."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    #: 0-based character within the paragraph or cell text
    offset: int = 0

    def __str__(self) -> str:
        where = (f"paragraph {self.paragraph}" if self.paragraph is not None
                 else f"table {self.table}, row {self.row}, cell {self.cell}")
        return f"{where}, character {self.offset + 1}"


@attrs.frozen
class _LineSource:
    """Where one line of the rendered text came from (None fields: a line specllint added)."""

    paragraph: int | None = None
    prefix: int = 0
    table: int | None = None
    row: int | None = None
    #: (start, end) 0-based columns of each cell's text in the line
    cells: tuple[tuple[int, int], ...] = ()


@attrs.frozen
class DocxText:
    """The text handed to :func:`specllint.lint` and the Word origin of each of its lines."""

    text: str
    lines: tuple[_LineSource, ...]

    def location(self, line: int, column: int = 1) -> DocxLocation | None:
        """The Word location of 1-based ``line``/``column`` (None for lines specllint added)."""
        if not 1 <= line <= len(self.lines):
            return None
        source = self.lines[line - 1]
        col = max(0, column - 1)
        if source.paragraph is not None:
            return DocxLocation(paragraph=source.paragraph, offset=max(0, col - source.prefix))
        if source.table is None or not source.cells:
            return None
        index = next((i for i, (_, end) in enumerate(source.cells) if col <= end), len(source.cells) - 1)
        start, end = source.cells[index]
        return DocxLocation(table=source.table, row=source.row, cell=index + 1, offset=max(0, min(col, end) - start))


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text)


def _inline_text(element: Any) -> str:
    """Text of a paragraph: its runs, also inside links, insertions and content controls."""
    parts = []
    for child in element:
        if child.tag == _R:
            parts.append(child.text)
        elif child.tag in _WRAPPERS:
            parts.append(_inline_text(child))
    return "".join(parts)


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraph and table elements of a body or cell, in order, looking inside wrappers."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _children(element: Any, tag: str) -> Iterator[Any]:
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _cell_text(cell: Any) -> str:
    parts = []
    for block in _blocks(cell):
        if block.tag == _P:
            parts.append(_inline_text(block))
        else:
            parts.extend(_cell_text(c) for r in _children(block, _TR) for c in _children(r, _TC))
    return _one_line(" ".join(p for p in parts if p.strip()))


def _heading_level(paragraph: Any) -> int:
    """1-6 for a Title/Heading paragraph (or one whose style is based on one), else 0."""
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        return 0
    for _ in range(10):  # base-style chains are short; the bound guards against cycles
        if style is None:
            return 0
        m = _HEADING_STYLE.match(style.name or "")
        if m:
            return min(6, int(m.group(1) or 1))
        style = style.base_style
    return 0


def _row_line(cells: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    line, spans = "|", []
    for cell in cells:
        line += " "
        spans.append((len(line), len(line) + len(cell)))
        line += cell + " |"
    return line, tuple(spans)


def _render(document: Any) -> DocxText:
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    sources: list[_LineSource] = []

    def add(line: str, source: _LineSource) -> None:
        lines.append(line)
        sources.append(source)

    def separate() -> None:
        if lines and lines[-1]:
            add("", _LineSource())

    paragraphs = tables = 0
    for block in _blocks(document.element.body):
        if block.tag == _P:
            paragraphs += 1
            text = _one_line(_inline_text(block))
            if not text.strip():
                continue
            level = _heading_level(Paragraph(block, document._body))
            prefix = "#" * level + " " if level else ""
            separate()
            add(prefix + text, _LineSource(paragraph=paragraphs, prefix=len(prefix)))
            continue
        rows = [[_cell_text(c) for c in _children(tr, _TC)] for tr in _children(block, _TR)]
        rows = [r for r in rows if r]
        if not rows:
            continue
        tables += 1
        separate()
        for number, cells in enumerate(rows, start=1):
            line, spans = _row_line(cells)
            add(line, _LineSource(table=tables, row=number, cells=spans))
            if number == 1 and len(rows) > 1:
                add("|" + " --- |" * len(cells), _LineSource())
    return DocxText("\n".join(lines) + "\n" if lines else "", tuple(sources))


def _check_archive(path: Path, max_bytes: int | None) -> None:
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not a Word .docx file (not a ZIP archive); save it as .docx")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path}: damaged .docx archive: {exc}") from None
    if max_bytes is not None:
        xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
        if xml > XML_EXPANSION_LIMIT * max_bytes:
            raise InputError(f"{path}: its XML expands to {xml:,} bytes, above {XML_EXPANSION_LIMIT} x the "
                             f"size limit of {max_bytes:,} bytes (max-bytes); not linted")


def load_docx(path: str | Path, max_bytes: int | None = None) -> DocxText:
    """Read a .docx file; :class:`~specllint.files.InputError` when it cannot be read."""
    path = Path(path)
    try:
        import docx
    except ImportError:
        raise InputError(f"{path}: reading Word files needs python-docx: pip install 'specllint[docx]'") from None
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if max_bytes is not None and path.stat().st_size > max_bytes:
        raise InputError(f"{path}: larger than the size limit of {max_bytes:,} bytes (max-bytes); not linted")
    _check_archive(path, max_bytes)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml and package errors
        reason = str(exc).strip("'\"") or type(exc).__name__
        raise InputError(f"{path}: not a readable Word document ({reason})") from None
    return _render(document)


def read_docx(path: str | Path, max_bytes: int | None = None) -> str:
    """The text to lint for a .docx file (see the module docstring for its shape)."""
    return load_docx(path, max_bytes).text
