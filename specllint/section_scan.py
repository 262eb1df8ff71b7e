"""Reading clauses for section evidence: each clause becomes one or more *views*.

A view is the text a section signal is matched against, with its context split in two:
the *near* context (its ``Key:`` label, table header cell or first words) and the *far*
context (its Markdown heading and the titles of the numbered clauses it sits under). A
table row with a header becomes one view per cell (``Unit price (USD): 2.10``), so a
mixed table reads like a list of fields. Each view is scanned once per section.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

import attrs
import regex

from . import userpatterns
from .section_spec import (
    SectionData,
    SectionSpec,
    Signal,
    gate_passes,
    prefixes_in,
    section_data,
    text_features,
    word_keys,
)
from .segmentation import Segment

#: A title of a numbered clause longer than this is cut (it is context, not evidence).
TITLE_CHARS = 80
LEAD_WORDS = 4
#: Characters before a match that a signal's ``reject_before`` looks at.
REJECT_WINDOW = 40
_FRAGMENT_END = regex.compile(r";|(?<=[.!?])\s+(?=\S)|\n")
_LABEL = regex.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)?(?P<subs>(?:\([^()/]{1,6}\))*)(?:/\d+)?$")
_SUB = regex.compile(r"\([^()]*\)")
_WORD = regex.compile(r"\S+")
_TOKEN = regex.compile(r"[^\W\d_]+|[^\w\s]")
#: Switch off the gates (tests compare gated and ungated results).
USE_GATES = True

#: (signal name, view index, start, end) of one match
Match = tuple[str, int, int, int]


@attrs.frozen
class View:
    """One stretch of text judged for section evidence, and where it came from."""

    segment: int
    text: str
    key: str | None
    near: str
    far: str
    heading: str | None
    ancestors: tuple[tuple[str, int], ...]
    #: lower-case words and symbols of ``text``, and whether it has a digit (for gates)
    keys: frozenset[str] = attrs.field(init=False)
    features: frozenset[str] = attrs.field(init=False)
    near_keys: frozenset[str] = attrs.field(init=False)
    far_keys: frozenset[str] = attrs.field(init=False)
    key_keys: frozenset[str] = attrs.field(init=False)
    #: fragments voided by the shared weakeners (computed once, on first need)
    shared_weak: list[tuple[int, int]] | None = attrs.field(init=False, default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "keys", _keys(self.text))
        object.__setattr__(self, "features", text_features(self.text))
        object.__setattr__(self, "near_keys", _keys(self.near))
        object.__setattr__(self, "far_keys", _cached_keys(self.far))
        object.__setattr__(self, "key_keys", _keys(self.key or ""))


def _keys(text: str) -> frozenset[str]:
    """:func:`~specllint.section_spec.word_keys` of the lower-cased words of ``text``."""
    return word_keys(set(_TOKEN.findall(text.lower())))


@lru_cache(maxsize=4096)
def _cached_keys(text: str) -> frozenset[str]:
    return _keys(text)


def label_prefixes(label: str) -> list[str]:
    """Parent labels of a clause label, itself included: ``3.2(a)/2`` -> 3, 3.2, 3.2(a)."""
    m = _LABEL.match(label)
    if m is None or label.startswith("L"):
        return []
    out: list[str] = []
    if m.group("num"):
        parts = m.group("num").split(".")
        out += [".".join(parts[: i + 1]) for i in range(len(parts))]
    base = m.group("num") or ""
    for sub in _SUB.findall(m.group("subs") or ""):
        base += sub
        out.append(base)
    return out


def _split_table_heading(seg: Segment) -> tuple[str | None, list[str]]:
    """A table row's Markdown heading and its header cells (from ``heading / a | b``)."""
    if seg.heading is None:
        return None, []
    head, sep, last = seg.heading.rpartition(" / ")
    if " | " in last or (not sep and seg.kind == "table-row" and "|" in last):
        return (head or None), [c.strip() for c in last.split(" | ")]
    return seg.heading, []


def _lead(text: str) -> str:
    words = _WORD.findall(text[:120])
    return " ".join(words[:LEAD_WORDS])


def build_views(text: str, segments: Sequence[Segment]) -> list[View]:
    """Views of every segment, in document order."""
    views: list[View] = []
    titles: dict[str, tuple[str, int]] = {}
    current_heading: str | None = None
    for index, seg in enumerate(segments):
        body = text[seg.start : seg.end]
        heading, header = (_split_table_heading(seg) if seg.kind == "table-row" else (seg.heading, []))
        if heading != current_heading:
            titles.clear()
            current_heading = heading
        prefixes = label_prefixes(seg.label)
        own = prefixes[-1] if prefixes else None
        if own is not None and "/" not in seg.label:
            title = seg.key or body[:TITLE_CHARS]
            titles[own] = (title, index)
            for stale in [p for p in titles if p != own and p.startswith(own) and len(p) > len(own)]:
                del titles[stale]
        ancestors = tuple(titles[p] for p in prefixes if p in titles)
        far = " / ".join([heading or "", *(t for t, _ in ancestors)])
        if seg.kind == "table-row":
            views.extend(_table_views(index, body, header, far, heading, ancestors))
            continue
        near = " / ".join(x for x in (seg.key, _lead(body)) if x)
        views.append(View(index, body, seg.key, near, far, heading, ancestors))
    return views


def _table_views(
    index: int, body: str, header: list[str], far: str, heading: str | None, ancestors: tuple
) -> Iterator[View]:
    cells = [c.strip() for c in body.split("|")]
    if len(cells) == 2:
        # A two-column row reads as a field: the first cell is the key.
        yield View(index, f"{cells[0]}: {cells[1]}", cells[0], cells[0], far, heading, ancestors)
    if header and len(header) == len(cells):
        for name, cell in zip(header, cells, strict=True):
            if cell:
                yield View(index, f"{name}: {cell}", name, name, far, heading, ancestors)
        return
    if len(cells) == 2:
        return
    yield View(index, "; ".join(cells), None, cells[0] if cells else "", far, heading, ancestors)


def _excluded(spec: SectionSpec, view: View) -> int | None:
    """Up to where the view is about something else (a carton size is no product dimension).

    Returns None (not excluded), or the offset before which matches do not count: the end
    of the text when the heading excludes it, the end of the first line when only the
    ``Key:`` does (lines that follow a field may state something else). The heading
    excludes only when neither it nor the near context names the section itself
    (``5,000 pcs`` under "Quantity and price" still counts); first words never exclude.
    """
    assert spec.exclude_context is not None
    gates = USE_GATES
    if view.key and (not gates or prefixes_in(spec.exclude_words, view.key_keys)) and userpatterns.search(
        spec.exclude_context, view.key
    ):
        newline = view.text.find("\n")
        return len(view.text) if newline < 0 else newline
    if not view.far or (gates and not prefixes_in(spec.exclude_words, view.far_keys)):
        return None
    if not _topic_in(spec.exclude_context, view.far):
        return None
    return None if (_near_topic(spec, view) or _topic_in(spec.topic, view.far)) else len(view.text)


def _fragments(pattern: regex.Pattern | None, text: str, whole: bool = False) -> list[tuple[int, int]]:
    """Fragments of ``text`` (between ``;`` or sentence ends) in which ``pattern`` matches."""
    if pattern is None:
        return []
    hits = [m.start() for m in userpatterns.finditer(pattern, text)]
    if not hits:
        return []
    if whole:
        return [(0, len(text))]
    bounds = [0, *(m.end() for m in _FRAGMENT_END.finditer(text)), len(text)]
    out = []
    for a, b in pairwise(bounds):
        if any(a <= h < b for h in hits):
            out.append((a, b))
    return out


@lru_cache(maxsize=4096)
def _topic_in(pattern: regex.Pattern, context: str) -> bool:
    """Topic search on a heading/parent context (shared by many clauses, so cached)."""
    return userpatterns.search(pattern, context) is not None


def _near_topic(spec: SectionSpec, view: View) -> bool:
    if USE_GATES and not prefixes_in(spec.topic_words, view.near_keys):
        return False
    return userpatterns.search(spec.topic, view.near) is not None


def on_topic(spec: SectionSpec, view: View) -> bool:
    """Does the view's context (or, for some sections, its text) name the section?"""
    gates = USE_GATES
    if (
        not spec.near_topic_only
        and view.far
        and (not gates or prefixes_in(spec.topic_words, view.far_keys))
        and _topic_in(spec.topic, view.far)
    ):
        return True
    if _near_topic(spec, view):
        return True
    if spec.text_topic is None or (gates and not prefixes_in(spec.text_topic_words, view.keys)):
        return False
    return userpatterns.search(spec.text_topic, view.text) is not None


def _signal_matches(spec: SectionSpec, signal: Signal, view: View, view_index: int) -> Iterator[Match]:
    for m in userpatterns.finditer(signal.pattern, view.text):
        if signal.reject_before is not None and userpatterns.search(
            signal.reject_before, view.text, max(0, m.start() - REJECT_WINDOW), m.start()
        ):
            continue
        yield signal.name, view_index, m.start(), m.end()


def scan(spec: SectionSpec, view: View, view_index: int, signals: Sequence[Signal] | None = None) -> list[Match]:
    """Signal matches of one section in one view (none when its context excludes it).

    ``signals`` limits the search to these signals (the index already knows the others
    cannot match); gates are still checked.
    """
    topical: bool | None = None
    excluded: int | None = -1
    found: list[Match] = []
    for signal in spec.signals if signals is None else signals:
        if USE_GATES and not gate_passes(signal.gate, view.keys, view.text, view.features):
            continue
        if not signal.anywhere:
            if topical is None:
                topical = on_topic(spec, view)
            if not topical:
                continue
        if excluded == -1:
            excluded = _excluded(spec, view) if spec.exclude_context is not None else None
            if excluded == len(view.text):
                return []
        found.extend(_signal_matches(spec, signal, view, view_index))
    if excluded is not None and excluded > 0:
        found = [f for f in found if f[2] > excluded]
    if not found:
        return found
    if view.shared_weak is None:
        data = section_data()
        gated_out = USE_GATES and not gate_passes(data.shared_gate, view.keys, view.text, view.features)
        object.__setattr__(view, "shared_weak", [] if gated_out else _fragments(data.shared_weakeners, view.text))
    weak = [*view.shared_weak, *_fragments(spec.weakeners, view.text, spec.weaken_clause)]
    if weak:
        found = [f for f in found if not any(a <= f[2] < b for a, b in weak)]
    return found


@attrs.frozen
class _GateIndex:
    """Which signals a clause's words can open: word -> (section, signal) positions."""

    by_word: dict[str, tuple[tuple[int, int], ...]]
    by_feature: dict[str, tuple[tuple[int, int], ...]]
    always: tuple[tuple[int, int], ...]


def _build_index(specs: Sequence[SectionSpec]) -> _GateIndex:
    by_word: dict[str, list[tuple[int, int]]] = {}
    by_feature: dict[str, list[tuple[int, int]]] = {}
    always: list[tuple[int, int]] = []
    for si, spec in enumerate(specs):
        for gi, signal in enumerate(spec.signals):
            groups = [g for g in signal.gate if not g.literals]
            words = next((g for g in groups if g.words and not g.features), None)
            if words is not None:
                for w in words.words:
                    by_word.setdefault(w, []).append((si, gi))
                continue
            feats = next((g for g in groups if g.features and not g.words), None)
            if feats is not None:
                for f in feats.features:
                    by_feature.setdefault(f, []).append((si, gi))
                continue
            always.append((si, gi))
    return _GateIndex(
        {k: tuple(v) for k, v in by_word.items()}, {k: tuple(v) for k, v in by_feature.items()}, tuple(always)
    )


@lru_cache(maxsize=2)
def _index_for(data: SectionData) -> _GateIndex:
    return _build_index(data.sections)


def scan_views(data: SectionData, views: Sequence[View]) -> list[list[list[Match]]]:
    """Matches of every section in every view: ``result[section][view]``.

    Each view is read once: its words select, through an index of the gates, the few
    signals that can match it, and only those patterns are searched.
    """
    specs = data.sections
    out: list[list[list[Match]]] = [[[] for _ in views] for _ in specs]
    index = _index_for(data)
    for vi, view in enumerate(views):
        if USE_GATES:
            chosen = set(index.always)
            for key in view.keys:
                chosen.update(index.by_word.get(key, ()))
            for feature in view.features:
                chosen.update(index.by_feature.get(feature, ()))
        else:
            chosen = {(si, gi) for si, spec in enumerate(specs) for gi in range(len(spec.signals))}
        per_spec: dict[int, list[int]] = {}
        for si, gi in chosen:
            per_spec.setdefault(si, []).append(gi)
        for si, gis in per_spec.items():
            spec = specs[si]
            out[si][vi] = scan(spec, view, vi, [spec.signals[gi] for gi in sorted(gis)])
    return out
