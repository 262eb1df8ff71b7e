"""``json-lines``: one JSON object per finding (the finding's fields plus ``path``).

Inputs that could not be read produce no line; the CLI reports them on standard error.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..files import FileResult
from ..model import to_dict
from . import RenderContext

#: characters that some line readers (Python's ``str.splitlines``) treat as line breaks
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def line(obj: dict) -> str:
    """One JSON object on one line, safe for any line splitter."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    for ch, escaped in _LINE_BREAKS.items():
        text = text.replace(ch, escaped)
    return text


def render(results: Sequence[FileResult], ctx: RenderContext) -> str:
    out = []
    for result in results:
        if result.report is None:
            continue
        for finding in result.report.findings:
            out.append(line({"path": result.path, **to_dict(finding)}) + "\n")
    return "".join(out)
