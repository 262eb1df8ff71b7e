"""Baseline files: accept the findings of today, report only new ones.

For inputs that cannot carry suppression comments (a Word file, a supplier's export),
``specllint check --write-baseline FILE`` records the fingerprint of every current
finding and ``--baseline FILE`` hides findings whose (path, code, fingerprint) is in it.
Fingerprints (computed by the engine) depend on the rule, the normalised clause text and
the flagged text, so they survive edits elsewhere in the contract and change when the
flagged clause itself changes. Paths are stored relative to the baseline file's folder
with ``/`` separators, so the file can be committed and used from any directory.

The baseline hides findings; it does not change scores, which describe the text as it is.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .files import STDIN, FileResult
from .model import Finding, Report

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written."""


@attrs.frozen
class Entry:
    """One accepted finding."""

    path: str
    code: str
    fingerprint: str
    text: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.code, self.fingerprint)


def entry_path(path: str, baseline_file: Path) -> str:
    """``path`` as stored in a baseline kept at ``baseline_file`` (stdin names as given)."""
    if path == STDIN or path.startswith("<"):
        return path
    folder = baseline_file.resolve().parent
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(folder).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, folder)).as_posix()


def entries(results: Iterable[FileResult], baseline_file: Path) -> list[Entry]:
    """Baseline entries for every finding in ``results``, sorted."""
    out = {
        Entry(entry_path(r.path, baseline_file), f.code, f.fingerprint, f.text)
        for r in results
        if r.report is not None
        for f in r.report.findings
    }
    return sorted(out, key=lambda e: (e.path, e.code, e.fingerprint))


def write(results: Sequence[FileResult], baseline_file: Path) -> int:
    """Write the baseline for ``results``; returns the number of entries."""
    items = entries(results, baseline_file)
    data = {"version": VERSION, "tool": "specllint", "entries": [attrs.asdict(e) for e in items]}
    try:
        baseline_file.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{baseline_file}: cannot write baseline: {exc.strerror or exc}") from None
    return len(items)


def read(baseline_file: Path) -> frozenset[tuple[str, str, str]]:
    """The (path, code, fingerprint) keys in a baseline file."""
    try:
        data: Any = json.loads(baseline_file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{baseline_file}: cannot read baseline: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{baseline_file}: not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{baseline_file}: not a specllint baseline of version {VERSION}")
    keys = set()
    for i, item in enumerate(data["entries"]):
        try:
            keys.add(Entry(item["path"], item["code"], item["fingerprint"]).key)
        except (KeyError, TypeError):
            raise BaselineError(f"{baseline_file}: entry {i} lacks path, code or fingerprint") from None
    return frozenset(keys)


def without_findings(report: Report, drop: set[int]) -> Report:
    """``report`` without the findings at indices ``drop`` (clause indices renumbered)."""
    keep = [i for i in range(len(report.findings)) if i not in drop]
    new_index = {old: new for new, old in enumerate(keep)}
    clauses = tuple(
        attrs.evolve(c, findings=tuple(new_index[i] for i in c.findings if i in new_index)) for c in report.clauses
    )
    return attrs.evolve(report, findings=tuple(report.findings[i] for i in keep), clauses=clauses)


def _accepted(f: Finding, path: str, keys: frozenset[tuple[str, str, str]]) -> bool:
    return (path, f.code, f.fingerprint) in keys


def apply(
    results: Sequence[FileResult], keys: frozenset[tuple[str, str, str]], baseline_file: Path
) -> tuple[list[FileResult], int]:
    """Results without the findings recorded in the baseline, and how many were hidden."""
    out = []
    hidden = 0
    for r in results:
        if r.report is None:
            out.append(r)
            continue
        path = entry_path(r.path, baseline_file)
        drop = {i for i, f in enumerate(r.report.findings) if _accepted(f, path, keys)}
        hidden += len(drop)
        out.append(attrs.evolve(r, report=without_findings(r.report, drop)) if drop else r)
    return out, hidden
