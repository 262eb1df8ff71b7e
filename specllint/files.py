"""Reading inputs for the CLI: files, directories and standard input, with clear errors."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from .model import Report

#: File endings linted when a directory is given.
TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")
DOCX_SUFFIXES = (".docx",)
STDIN = "-"


class InputError(Exception):
    """An input that cannot be linted (unreadable, binary, not UTF-8, too large)."""


@attrs.frozen
class FileResult:
    """The outcome for one input: a report, or the reason it could not be linted."""

    path: str
    report: Report | None = None
    error: str | None = None
    text: str | None = None


def expand_paths(paths: Sequence[str]) -> Iterator[str]:
    """Files to lint: given files as they are, directories searched for contract files."""
    for p in paths:
        path = Path(p)
        if p != STDIN and path.is_dir():
            found = sorted(
                f for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in (*TEXT_SUFFIXES, *DOCX_SUFFIXES)
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
            yield from (str(f) for f in found)
        else:
            yield p


_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, name: str) -> str:
    """The text of ``data``, or :class:`InputError` with a message a person can act on.

    UTF-8 (a BOM is dropped) is expected; UTF-16 and UTF-32 files are read when they
    start with their byte-order mark. NUL bytes in the first 8 KiB mean a binary file.
    """
    for bom, codec in _UTF16_32_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {codec.upper()} byte-order mark but is not valid "
                                 f"{codec.upper()}; save the file as UTF-8") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes); not linted")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line}); "
            "save the file as UTF-8"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_input(path: str, max_bytes: int) -> str:
    """The text of ``path`` (``-`` = standard input), ready for :func:`specllint.lint`."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        if p.suffix.lower() in DOCX_SUFFIXES:
            try:
                from .docx_input import read_docx
            except ImportError as exc:
                raise InputError(f"{path}: reading Word files needs the docx extra: "
                                 f"pip install 'specllint[docx]' ({exc})") from None
            return read_docx(p, max_bytes)
        try:
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        name = path
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the size limit of {max_bytes:,} bytes (max-bytes); not linted")
    return decode(data, name)


def collect(paths: Iterable[str]) -> list[str]:
    """Expanded, de-duplicated inputs in the order given."""
    seen: set[str] = set()
    out = []
    for p in expand_paths(list(paths)):
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
