"""spaCy integration: the ``specllint`` pipeline component.

``nlp.add_pipe("specllint")`` lints each Doc's text with the same engine as
:func:`specllint.lint` and stores the :class:`~specllint.model.Report` in ``doc._.specllint``
and the findings as spans in ``doc.spans["specllint"]`` (label = rule code).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .config import Config

SPAN_KEY = "specllint"

if not Doc.has_extension("specllint"):
    Doc.set_extension("specllint", default=None)


class SpecllintComponent:
    """Runs the linter on ``doc.text``; findings become spans on the Doc."""

    def __init__(self, config: Config, span_key: str = SPAN_KEY) -> None:
        self.config = config
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        from .engine import get_linter

        report = get_linter(self.config).lint(doc.text)
        doc._.specllint = report
        spans = []
        for f in report.findings:
            if f.end > f.start:
                span = doc.char_span(f.start, f.end, label=f.code, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


@Language.factory(
    "specllint",
    default_config={"select": ["SPL"], "ignore": [], "sections_profile": "none", "span_key": SPAN_KEY},
)
def make_specllint(
    nlp: Language, name: str, select: list[str], ignore: list[str], sections_profile: str, span_key: str
) -> Any:
    """Factory for ``nlp.add_pipe("specllint", config={...})``."""
    config = Config(select=select, ignore=ignore, sections_profile=sections_profile)
    return SpecllintComponent(config, span_key)
