"""``required-sections``: report every required contract section that is not stated concretely.

Where the finding points (docs/sections.md): at the clause that names the section without
stating it concretely (``Inspection: if required``) when there is one; otherwise it is a
zero-length finding where the section belongs -- right after the last clause of the
nearest preceding section in the canonical order, or before the first clause of the next
one, or at the start of the body when no section is present at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model import SECTION_IDS, SectionStatus
from ..section_spec import section_data
from ..sections import FRONT_MATTER_LABEL, WEAK_FACT
from .base import DocumentContext, Hit, Kind


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with ``{name}`` fields filled; unknown fields stay as written."""
    try:
        return template.format_map(_Safe(values))
    except (ValueError, IndexError, AttributeError):
        return template


def insertion_point(document: DocumentContext, statuses: Mapping[str, SectionStatus], section_id: str) -> int:
    """Where a missing section belongs, judged by the sections around it in canonical order."""
    k = SECTION_IDS.index(section_id)

    def text_spans(sid: str) -> list[tuple[int, int]]:
        st = statuses.get(sid)
        if st is None or not st.present:
            return []
        return [sp for label, sp in zip(st.clauses, st.spans, strict=False) if label != FRONT_MATTER_LABEL]

    for sid in reversed(SECTION_IDS[:k]):
        spans = text_spans(sid)
        if spans:
            return spans[-1][1]
    for sid in SECTION_IDS[k + 1 :]:
        spans = text_spans(sid)
        if spans:
            return spans[0][0]
    if document.segments:
        return document.segments[0].start
    return document.metadata_span[1] if document.metadata_span else 0


class RequiredSectionsKind(Kind):
    """One hit per required section that is absent; ``templates`` overrides the bundled
    template clause of a section (keys are section ids); ``weak_message`` is used when a
    clause names the section but does not state it concretely."""

    name = "required-sections"
    scope = "document"
    option_types = {"templates": dict, "weak_message": str}
    option_defaults = {
        "templates": {},
        "weak_message": "section “{title}” is not stated concretely enough to verify: it needs {criterion}",
    }

    @classmethod
    def validate_options(cls, options: Mapping[str, Any]) -> list[str]:
        problems = super().validate_options(options)
        for key, value in dict(options.get("templates") or {}).items():
            if key not in SECTION_IDS:
                problems.append(f"option 'templates' names unknown section {key!r}")
            elif not isinstance(value, str):
                problems.append(f"option 'templates' must map section ids to text ({key!r})")
        return problems

    def check_document(self, document: DocumentContext) -> Iterable[Hit]:
        statuses: Mapping[str, SectionStatus] = document.facts.get("sections") or {}
        weak: Mapping[str, tuple[int, int]] = document.facts.get(WEAK_FACT) or {}
        for spec in section_data().sections:
            status = statuses.get(spec.id)
            if status is None or status.present or not status.required:
                continue
            values = {"section": spec.id, "title": spec.title, "criterion": spec.criterion}
            suggestions = (self.options["templates"].get(spec.id, spec.template),)
            if spec.id in weak:
                start, end = weak[spec.id]
                message = fill(self.options["weak_message"], values)
                yield Hit(start, end, message=message, suggestions=suggestions, data=values)
            else:
                at = insertion_point(document, statuses, spec.id)
                yield Hit(at, at, suggestions=suggestions, data=values)
