"""Matching section signals against views, once per view.

:func:`scan_views` reads each view once: an index of the gates picks the few signals its
words can open, and only their patterns are searched. Context signals count only when
the view's context names the section (:func:`on_topic`); weakeners void the evidence in
their fragment; ``exclude_context`` switches a section off where the numbers are about
something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import attrs
import regex

from . import userpatterns
from .section_gates import gate_passes, prefixes_in
from .section_spec import SectionData, SectionSpec, Signal, section_data
from .section_views import View

#: Characters before a match that a signal's ``reject_before`` looks at.
REJECT_WINDOW = 40
_FRAGMENT_END = regex.compile(r";|(?<=[.!?])\s+(?=\S)|\n")
#: Switch off the gates (tests compare gated and ungated results).
USE_GATES = True

#: (signal name, view index, start, end) of one match
Match = tuple[str, int, int, int]
_NO_MATCHES: tuple[Match, ...] = ()


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


def _signal_matches(spec: SectionSpec, signal: Signal, view: View, view_index: int) -> list[Match]:
    text, name, reject = view.text, signal.name, signal.reject_before
    if reject is None:
        return [(name, view_index, *m.span()) for m in userpatterns.finditer(signal.pattern, text)]
    found = []
    for m in userpatterns.finditer(signal.pattern, text):
        start, end = m.span()
        if userpatterns.search(reject, text, max(0, start - REJECT_WINDOW), start):
            continue
        found.append((name, view_index, start, end))
    return found


def scan(spec: SectionSpec, view: View, view_index: int, signals: Sequence[Signal] | None = None) -> list[Match]:
    """Signal matches of one section in one view (none when its context excludes it).

    ``signals`` limits the search to these signals (the index already knows the others
    cannot match); gates are still checked.
    """
    topical: bool | None = None
    excluded: int | None = -1
    found: list[Match] = []
    gates = USE_GATES
    if gates:
        keys, text, features = view.keys, view.text, view.features
    for signal in spec.signals if signals is None else signals:
        if gates and signal.gate:
            # gate_passes, inlined (this loop runs for every chosen signal of every view)
            blocked = False
            for group in signal.gate:
                if (
                    group.words.isdisjoint(keys)
                    and group.features.isdisjoint(features)
                    and (group.literal_rx is None or group.literal_rx.search(text) is None)
                ):
                    blocked = True
                    break
            if blocked:
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
        view.shared_weak = [] if gated_out else _fragments(data.shared_weakeners, view.text)
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
    words: frozenset[str] = frozenset()


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
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_feature.items()},
        tuple(always),
        frozenset(by_word),
    )


@lru_cache(maxsize=2)
def _index_for(data: SectionData) -> _GateIndex:
    return _build_index(data.sections)


def scan_views(data: SectionData, views: Sequence[View]) -> list[list[Sequence[Match]]]:
    """Matches of every section in every view: ``result[section][view]``.

    Each view is read once: its words select, through an index of the gates, the few
    signals that can match it, and only those patterns are searched.
    """
    specs = data.sections
    # Most (section, view) pairs match nothing: they share one empty, immutable entry.
    out: list[list[Sequence[Match]]] = [[_NO_MATCHES] * len(views) for _ in specs]
    index = _index_for(data)
    always, by_word, by_feature, words = index.always, index.by_word, index.by_feature, index.words
    everything = {(si, gi) for si, spec in enumerate(specs) for gi in range(len(spec.signals))}
    for vi, view in enumerate(views):
        if USE_GATES:
            chosen = set(always)
            for key in view.keys & words:
                chosen.update(by_word[key])
            for feature in view.features:
                chosen.update(by_feature.get(feature, ()))
        else:
            chosen = everything
        per_spec: dict[int, list[Signal]] = {}
        for si, gi in sorted(chosen):
            per_spec.setdefault(si, []).append(specs[si].signals[gi])
        for si, signals in per_spec.items():
            found = scan(specs[si], view, vi, signals)
            if found:
                out[si][vi] = found
        view.release()
    return out
