"""``github``: GitHub Actions workflow commands, shown as annotations on the changed files.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=SPL101 vague-term::message``;
``info`` findings become ``notice`` annotations. Property values escape ``% \\r \\n : ,``
and the message escapes ``% \\r \\n``, as the workflow-command syntax requires.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..files import FileResult
from ..model import Finding
from . import RenderContext
from .common import relative_path

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, properties: dict[str, object], message: str) -> str:
    """One workflow command line."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{level} {props}::{escape_data(message)}"


def annotation(path: str, f: Finding) -> str:
    """The annotation for one finding; suggestions follow the message on their own lines."""
    props: dict[str, object] = {"file": path, "line": f.line, "col": f.column}
    props.update({"endLine": f.end_line, "endColumn": f.end_column, "title": f"{f.code} {f.name}"})
    message = f.message + "".join(f"\nSuggestion: {s}" for s in f.suggestions)
    return command(LEVELS[f.severity], props, message)


def render(results: Sequence[FileResult], ctx: RenderContext) -> str:
    lines = []
    for result in results:
        path = relative_path(result.path)
        if result.error is not None:
            lines.append(command("error", {"file": path, "title": "specllint: input not linted"}, result.error))
            continue
        assert result.report is not None
        lines.extend(annotation(path, f) for f in result.report.findings)
    return "".join(line + "\n" for line in lines)
