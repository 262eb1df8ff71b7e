"""Output formats. Each format is a module with ``render(results, ctx) -> str``.

Formatters only read results; they never run rules (one-way data flow).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ..files import FileResult

#: format name -> "module:function" (imported only when used, to keep start-up fast)
FORMATS: Mapping[str, str] = {
    "full": "specllint.output.text:render_full",
    "concise": "specllint.output.text:render_concise",
    "json": "specllint.output.json_format:render",
    "json-lines": "specllint.output.json_lines:render",
    "sarif": "specllint.output.sarif:render",
    "github": "specllint.output.github:render",
    "junit": "specllint.output.junit:render",
    "html": "specllint.output.html:render",
}


@attrs.frozen
class RenderContext:
    """What a formatter may need besides the results."""

    rules: Mapping[str, Any] = attrs.field(factory=dict)
    statistics: bool = False
    show_sections: bool = True
    version: str = ""


def render(name: str, results: Sequence[FileResult], ctx: RenderContext) -> str:
    """Render ``results`` in the format ``name``."""
    module, _, func = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), func)(results, ctx)
