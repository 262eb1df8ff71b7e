"""Document sections: which of the 14 contract sections are stated concretely.

A section is present when one clause, or a group of clauses whose heading or numbered
parent title names the section, carries all the signals of one of the section's
``require`` alternatives (``specllint/data/sections.toml``; criteria in docs/sections.md).
Every clause is scanned once per section; groups only combine those matches. A valid
``shipment-date`` in the order metadata also makes the shipment-date section present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from . import userpatterns
from .kinds.base import DocumentContext
from .metadata import key_span
from .model import SECTION_IDS, SectionStatus
from .section_scan import Match, scan_view
from .section_spec import SectionSpec, required_sections, section_data
from .section_views import View, iter_views
from .segmentation import Heading

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
    """Status of every section id, in :data:`~specllint.model.SECTION_IDS` order.

    Views are read one at a time: a view's own evidence counts at once, and the matches
    of the views under a heading are kept only until the heading changes, when the groups
    they belong to are judged (no group outlives its heading).
    """
    config = document.config
    required = required_sections(config.sections_profile, config.required_sections)
    data = section_data()
    specs = data.sections
    used: list[set[int]] = [set() for _ in specs]  # segments that state each section
    groups = _Groups(specs, used)
    for vi, view in enumerate(iter_views(document.text, document.segments)):
        found = scan_view(data, view, vi)
        for si, matches in found:
            if satisfied(specs[si], matches):
                used[si].add(view.segment)
        groups.add(vi, view, found)
    groups.close()
    out: dict[str, SectionStatus] = {}
    weak: dict[str, tuple[int, int]] = {}
    document.facts[WEAK_FACT] = weak
    unstated: list[SectionSpec] = []
    for spec, segments in zip(specs, used, strict=True):
        segs = sorted(segments)
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
            unstated.append(spec)
    if unstated:
        weak.update(_weak_statements(unstated, document))
    assert tuple(out) == SECTION_IDS
    return out


#: One view's matches: (view index, segment, ((section index, matches), ...)).
_Member = tuple[int, int, list[tuple[int, list[Match]]]]


class _Groups:
    """Heading runs, numbered clauses with children and question-answer pairs, judged as
    one statement each.

    A group is a heading run, a numbered clause with the views under it, or a clause that
    answers the question the previous one ended with; it counts when it spans more than
    one clause and its title names a section. Only the views with
    matches are kept, and only until the heading changes (every group ends there).
    """

    def __init__(self, specs: Sequence[SectionSpec], used: list[set[int]]) -> None:
        self._specs, self._used = specs, used
        #: key -> [title, last segment, distinct segments, members with matches]
        self._open: dict[tuple, list] = {}
        self._heading: str | None = None
        #: the last segment read and the members of its views (the question of an answer)
        self._last: tuple[int, list[_Member]] = (-1, [])
        self._before: tuple[int, list[_Member]] = (-1, [])

    def add(self, vi: int, view: View, found: list[tuple[int, list[Match]]]) -> None:
        if view.heading != self._heading:
            self.close()
            self._heading = view.heading
        member = (vi, view.segment, found) if found else None
        if view.segment != self._last[0]:
            self._before, self._last = self._last, (view.segment, [])
        if member is not None:
            self._last[1].append(member)
        if view.heading:
            self._join(("h",), view.heading, view.segment, member)
        for title, setter in view.ancestors:
            self._join(("a", setter), title, view.segment, member)
        if view.asked and self._before[0] >= 0:
            # a question and its answer are read as one statement titled by the question
            key = ("q", view.segment)
            if key not in self._open:
                asked_in, members = self._before
                self._open[key] = [view.asked, asked_in, 1, list(members)]
            self._join(key, view.asked, view.segment, member)

    def _join(self, key: tuple, title: str, segment: int, member: _Member | None) -> None:
        group = self._open.get(key)
        if group is None:
            group = self._open[key] = [title, segment, 1, []]
        elif group[1] != segment:
            group[1] = segment
            group[2] += 1
        if member is not None:
            group[3].append(member)

    def close(self) -> None:
        """Judge every open group (each section whose topic its title names)."""
        for title, _, distinct, members in self._open.values():
            if distinct < 2 or not members:
                continue
            for si, spec in enumerate(self._specs):
                if spec.single:
                    continue  # its members' own matches already made them present
                pooled = [m for _, _, found in members for s, ms in found if s == si for m in ms]
                if not pooled or not userpatterns.search(spec.topic, title):
                    continue
                used = self._used[si]
                segment_of = {vi: seg for vi, seg, _ in members}
                if {segment_of[m[1]] for m in pooled} <= used:
                    continue
                got = satisfied(spec, pooled)
                if got:
                    used.update(segment_of[m[1]] for m in got)
        self._open.clear()


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


def _weak_statements(specs: Sequence[SectionSpec], document: DocumentContext) -> dict[str, tuple[int, int]]:
    """Section id -> span of the first clause labelled as that section (by key, short
    title or heading), for each of ``specs`` that has one. One pass over the views."""
    out: dict[str, tuple[int, int]] = {}
    pending = list(specs)
    for view in iter_views(document.text, document.segments):
        if not pending:
            break
        short = view.text if len(view.text) <= _TITLE_CHARS else ""
        texts = [t for t in (view.key or "", short) if t]
        if not texts:
            continue
        for spec in list(pending):
            assert spec.label is not None
            if any(userpatterns.search(spec.label, t) for t in texts):
                seg = document.segments[view.segment]
                out[spec.id] = (seg.start, seg.end)
                pending.remove(spec)
    for spec in pending:
        assert spec.label is not None
        for heading in document.headings:
            if userpatterns.search(spec.label, heading.text):
                out[spec.id] = _under_heading(document, heading)
                break
    return out


def _under_heading(document: DocumentContext, heading: Heading) -> tuple[int, int]:
    """The first clause under ``heading``, or the heading itself."""
    for seg in document.segments:
        if seg.start > heading.end:
            if seg.heading is not None and seg.heading.startswith(heading.text):
                return seg.start, seg.end
            break
    return heading.start, heading.end
