"""Document sections: which of the 14 contract sections are stated concretely.

A section is present when one clause, or a group of clauses whose heading or numbered
parent title names the section, carries all the signals of one of the section's
``require`` alternatives (``specllint/data/sections.toml``; criteria in docs/sections.md).
Every clause is scanned once per section; groups only combine those matches. A valid
``shipment-date`` in the order metadata also makes the shipment-date section present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from . import userpatterns
from .kinds.base import DocumentContext
from .metadata import key_span
from .model import SECTION_IDS, SectionStatus
from .section_scan import Match, scan_views
from .section_spec import SectionSpec, required_sections, section_data
from .section_views import View, build_views

#: The clause label used when front matter states a section (e.g. ``shipment-date:``).
FRONT_MATTER_LABEL = "front-matter"
#: ``document.facts`` key: section id -> (start, end) of the clause that names an absent
#: section without stating it concretely (e.g. ``Inspection: if required``).
WEAK_FACT = "weak_sections"
#: A clause this short that matches a section label is read as a title for it.
_TITLE_CHARS = 40
#: Matches per signal tried when looking for distinct evidence (bounds the search).
_MAX_CHOICES = 8


def evaluate(document: DocumentContext) -> dict[str, SectionStatus]:
    """Status of every section id, in :data:`~specllint.model.SECTION_IDS` order."""
    config = document.config
    required = required_sections(config.sections_profile, config.required_sections)
    data = section_data()
    views = build_views(document.text, document.segments)
    groups = list(_groups(views))
    out: dict[str, SectionStatus] = {}
    weak: dict[str, tuple[int, int]] = {}
    document.facts[WEAK_FACT] = weak
    scanned = scan_views(data, views)
    for spec, per_view in zip(data.sections, scanned, strict=True):
        used = _evidence(spec, per_view, groups)
        segs = sorted({views[i].segment for i in used})
        spans = [(document.segments[s].start, document.segments[s].end) for s in segs]
        labels = [document.segments[s].label for s in segs]
        if spec.id == "shipment-date" and document.metadata.get("shipment-date"):
            span = key_span(document.text, document.metadata_span, "shipment-date")
            if span is not None:
                spans.insert(0, span)
                labels.insert(0, FRONT_MATTER_LABEL)
            out[spec.id] = SectionStatus(True, labels, spans, spec.id in required)
            continue
        out[spec.id] = SectionStatus(bool(segs), labels, spans, spec.id in required)
        if not segs and spec.label is not None:
            where = _weak_statement(spec, document, views)
            if where is not None:
                weak[spec.id] = where
    assert tuple(out) == SECTION_IDS
    return out


def _evidence(
    spec: SectionSpec, per_view: Sequence[Sequence[Match]], groups: Sequence[tuple[str, list[int]]]
) -> set[int]:
    """Indices of the views whose matches make ``spec`` present (empty when absent)."""
    used: set[int] = set()
    for matches in per_view:
        if matches:
            got = satisfied(spec, matches)
            if got:
                used.update(m[1] for m in got)
    for title, members in groups:
        if not userpatterns.search(spec.topic, title):
            continue
        pooled = [m for i in members for m in per_view[i]]
        if not pooled or {m[1] for m in pooled} <= used:
            continue
        got = satisfied(spec, pooled)
        if got:
            used.update(m[1] for m in got)
    return used


def satisfied(spec: SectionSpec, matches: Iterable[Match]) -> list[Match] | None:
    """The matches that fulfil the first satisfiable ``require`` alternative, or None."""
    by_signal: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        by_signal[m[0]].append(m)
    for alternative in spec.require:
        lists = [by_signal.get(name) for name in alternative]
        if not all(lists):
            continue
        if spec.distinct and len(alternative) > 1 and not _distinct_choice([ms[:_MAX_CHOICES] for ms in lists]):
            continue
        return [m for ms in lists for m in ms]
    return None


def _overlap(a: Match, b: Match) -> bool:
    return a[1] == b[1] and a[2] < b[3] and b[2] < a[3]


def _distinct_choice(lists: list[list[Match]], chosen: tuple[Match, ...] = ()) -> bool:
    """Can one match be picked from each list with no two overlapping?"""
    if not lists:
        return True
    return any(
        not any(_overlap(m, c) for c in chosen) and _distinct_choice(lists[1:], (*chosen, m))
        for m in lists[0]
    )


def _groups(views: Sequence[View]) -> Iterator[tuple[str, list[int]]]:
    """(title, member view indices) of every heading run and numbered clause with children."""
    by_key: dict[tuple, tuple[str, list[int]]] = {}
    run = 0
    previous: str | None = None
    for i, view in enumerate(views):
        if view.heading != previous:
            run += 1
            previous = view.heading
        if view.heading:
            by_key.setdefault(("h", run), (view.heading, []))[1].append(i)
        for title, setter in view.ancestors:
            by_key.setdefault(("a", setter), (title, []))[1].append(i)
    for title, members in by_key.values():
        if len({views[i].segment for i in members}) > 1:
            yield title, members


def _weak_statement(spec: SectionSpec, document: DocumentContext, views: Sequence[View]) -> tuple[int, int] | None:
    """The first clause labelled as ``spec``'s section (by key, short title or heading)."""
    assert spec.label is not None
    for view in views:
        short = view.text if len(view.text) <= _TITLE_CHARS else ""
        if any(userpatterns.search(spec.label, t) for t in (view.key or "", short) if t):
            seg = document.segments[view.segment]
            return seg.start, seg.end
    for heading in document.headings:
        if userpatterns.search(spec.label, heading.text):
            for seg in document.segments:
                if seg.start > heading.end:
                    if seg.heading is not None and seg.heading.startswith(heading.text):
                        return seg.start, seg.end
                    break
            return heading.start, heading.end
    return None

