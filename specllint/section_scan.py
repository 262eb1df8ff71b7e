"""Matching section signals against views, once per view.

:func:`scan_view` reads one view: its words and features decide which gate groups pass,
an index of the gates picks the few signals (and patterns) they open, and only those
patterns are searched. Context signals count only when the view's context names the
section (:func:`on_topic`); weakeners void the evidence in their fragment;
``exclude_context`` switches a section off where the numbers are about something else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

import attrs
import regex

from . import userpatterns
from .buildcache import compile_pattern
from .section_gates import GateGroup, gate_passes, prefixes_in
from .section_spec import SectionData, SectionSpec, Signal, section_data
from .section_views import View

#: Characters before a match that a signal's ``reject_before`` looks at.
REJECT_WINDOW = 40
_FRAGMENT_END = compile_pattern(r";|(?<=[.!?])\s+(?=\S)|\n")
#: Switch off the gates (tests compare gated and ungated results).
USE_GATES = True

#: (signal name, view index, start, end) of one match
Match = tuple[str, int, int, int]


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


def _topic_possible(spec: SectionSpec, view: View) -> bool:
    """False when no word of the view's contexts (or text, for ``text_topic``) can start
    a match of the section's topic, so :func:`on_topic` is False (its token pre-checks)."""
    if not spec.near_topic_only and view.far and prefixes_in(spec.topic_words, view.far_keys):
        return True
    if prefixes_in(spec.topic_words, view.near_keys):
        return True
    return spec.text_topic is not None and prefixes_in(spec.text_topic_words, view.keys)


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


def _alternation(patterns: Sequence[regex.Pattern], text: str) -> list[tuple[int, int]] | None:
    """The spans ``finditer`` gives for the alternation of ``patterns`` (in this order),
    from one leftmost search per pattern; None when a match is empty (the caller then
    searches the alternation itself)."""
    upcoming = [userpatterns.search(p, text) for p in patterns]
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        best: regex.Match | None = None
        for i, m in enumerate(upcoming):
            if m is not None and m.start() < pos:
                m = upcoming[i] = userpatterns.search(patterns[i], text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return spans
        if best.end() == best.start():
            return None
        spans.append(best.span())
        pos = best.end()


def _spans(signal: Signal, view: View, passed: ViewGates | None) -> list[tuple[int, int]]:
    """Spans of the signal's matches in the view's text.

    A pattern whose own gate fails cannot match, so when some do the alternation of the
    others gives the same matches; it is searched pattern by pattern (one compiled
    pattern each, no pattern compiled per combination)."""
    text = view.text
    if signal.part_gates and USE_GATES:
        if passed is not None:
            passing = passed.open_parts(signal)
        else:
            keys, features = view.keys, view.features
            passing = [i for i, gate in enumerate(signal.part_gates) if gate_passes(gate, keys, text, features)]
        if not passing:
            return []
        if len(passing) == 1:
            return [m.span() for m in userpatterns.finditer(signal.part(passing[0]), text)]
        if len(passing) < len(signal.parts):
            spans = _alternation([signal.part(i) for i in passing], text)
            if spans is not None:
                return spans
    return [m.span() for m in userpatterns.finditer(signal.pattern, text)]


def _signal_matches(signal: Signal, view: View, view_index: int, passed: ViewGates | None) -> list[Match]:
    text, name, reject = view.text, signal.name, signal.reject_before
    if reject is None:
        return [(name, view_index, start, end) for start, end in _spans(signal, view, passed)]
    found = []
    for start, end in _spans(signal, view, passed):
        if userpatterns.search(reject, text, max(0, start - REJECT_WINDOW), start):
            continue
        found.append((name, view_index, start, end))
    return found


def scan(
    spec: SectionSpec,
    view: View,
    view_index: int,
    signals: Sequence[Signal] | None = None,
    passed: ViewGates | None = None,
) -> list[Match]:
    """Signal matches of one section in one view (none when its context excludes it).

    ``signals`` limits the search to these signals (the index already knows the others
    cannot match); their gates are checked unless ``passed`` (the view's gate results)
    says they passed already, which also decides the gates of single patterns.
    """
    topical: bool | None = None
    excluded: int | None = -1
    found: list[Match] = []
    weak: list[tuple[int, int]] | None = None
    gates = USE_GATES and passed is None
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
        matches = _signal_matches(signal, view, view_index, passed)
        if spec.single and matches:
            # one signal's evidence is enough: the first that survives answers for the view
            if weak is None:
                weak = _weak_fragments(spec, view)
            matches = _kept(matches, excluded, weak)
            if matches:
                return matches
            continue
        found.extend(matches)
    if not found:
        return found
    return _kept(found, excluded, _weak_fragments(spec, view))


def _weak_fragments(spec: SectionSpec, view: View) -> list[tuple[int, int]]:
    """Fragments of the view's text voided by the shared or the section's weakeners."""
    if view.shared_weak is None:
        data = section_data()
        gated_out = USE_GATES and not gate_passes(data.shared_gate, view.keys, view.text, view.features)
        view.shared_weak = [] if gated_out else _fragments(data.shared_weakeners, view.text)
    return [*view.shared_weak, *_fragments(spec.weakeners, view.text, spec.weaken_clause)]


def _kept(found: list[Match], excluded: int | None, weak: list[tuple[int, int]]) -> list[Match]:
    """The matches after the excluded start of the text and outside weak fragments."""
    if excluded is not None and excluded > 0:
        found = [f for f in found if f[2] > excluded]
    if weak and found:
        found = [f for f in found if not any(a <= f[2] < b for a, b in weak)]
    return found


@attrs.frozen
class _GateIndex:
    """The gates of all signals, as numbered groups (equal groups share a number).

    Signals are numbered in (section, signal) order. A view's words and features give the
    groups they pass at once (``by_word``, ``by_feature``); each signal is filed under one
    *anchor* group without literals, so only signals whose anchor passed are looked at.
    """

    specs: tuple[SectionSpec, ...]
    signals: tuple[tuple[int, Signal], ...]
    #: per signal number: its gate as (groups decided by words and features alone,
    #: groups with literals)
    gates: tuple[_Gate, ...]
    #: id(signal) -> the same for each of its patterns' own gates
    part_gates: dict[int, tuple[_Gate, ...]]
    groups: tuple[GateGroup, ...]
    by_word: dict[str, tuple[int, ...]]
    by_feature: dict[str, tuple[int, ...]]
    by_anchor: dict[int, tuple[int, ...]]
    #: signals without an anchor (no gate, or literals in every group)
    always: tuple[int, ...]
    words: frozenset[str]
    anchors: frozenset[int]
    #: groups passed by words and features -> the signals they open, with the literal
    #: groups each still needs (many views pass the same groups; bounded, see _MAX_PLANS)
    plans: dict[object, _Plan] = attrs.field(factory=dict, eq=False)


#: a gate as group numbers: (those words and features decide, those with literals)
_Gate = tuple[frozenset[int], tuple[int, ...]]


def _build_index(specs: Sequence[SectionSpec]) -> _GateIndex:
    numbers: dict[GateGroup, int] = {}

    def number(gate: tuple[GateGroup, ...]) -> _Gate:
        gids = [numbers.setdefault(g, len(numbers)) for g in gate]
        return (
            frozenset(g for g, group in zip(gids, gate, strict=True) if group.literal_rx is None),
            tuple(g for g, group in zip(gids, gate, strict=True) if group.literal_rx is not None),
        )

    numbered = [(si, signal) for si, spec in enumerate(specs) for signal in spec.signals]
    gates = [number(signal.gate) for _, signal in numbered]
    part_gates = {id(signal): tuple(number(g) for g in signal.part_gates) for _, signal in numbered}
    groups = tuple(numbers)
    by_word: dict[str, list[int]] = {}
    by_feature: dict[str, list[int]] = {}
    for gid, group in enumerate(groups):
        for w in group.words:
            by_word.setdefault(w, []).append(gid)
        for f in group.features:
            by_feature.setdefault(f, []).append(gid)
    by_anchor: dict[int, list[int]] = {}
    always: list[int] = []
    for n, (plain, _) in enumerate(gates):
        if not plain:
            always.append(n)
            continue
        # the most selective group: words before features, a rarer feature before #digit
        anchor = min(plain, key=lambda g: (bool(groups[g].features), "#digit" in groups[g].features))
        by_anchor.setdefault(anchor, []).append(n)
    return _GateIndex(
        tuple(specs), tuple(numbered), tuple(gates), part_gates, groups,
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_feature.items()},
        {k: tuple(v) for k, v in by_anchor.items()},
        tuple(always), frozenset(by_word), frozenset(by_anchor),
    )


@lru_cache(maxsize=2)
def _index_for(data: SectionData) -> _GateIndex:
    return _build_index(data.sections)


_MAX_PLANS = 4096


#: (signal or pattern number, literal groups it still needs) for every gate that the
#: groups passed by words and features leave open
_Plan = tuple[tuple[int, tuple[int, ...]], ...]


def _plan(index: _GateIndex, passed: frozenset[int]) -> _Plan:
    chosen = set(index.always)
    for g in passed & index.anchors:
        chosen.update(index.by_anchor[g])
    plan = []
    for n in sorted(chosen):
        plain, literal = index.gates[n]
        if plain <= passed:
            plan.append((n, tuple(g for g in literal if g not in passed)))
    return tuple(plan)


class ViewGates:
    """Which gate groups one view passes: words and features decided up front, literals
    searched on first need (each group at most once per view)."""

    __slots__ = ("frozen", "index", "literal", "passed", "text", "view")

    def __init__(self, index: _GateIndex, view: View) -> None:
        self.index, self.view, self.text = index, view, view.text
        passed: set[int] = set()
        by_word, by_feature = index.by_word, index.by_feature
        for key in view.keys & index.words:
            passed.update(by_word[key])
        for feature in view.features:
            passed.update(by_feature.get(feature, ()))
        self.passed = passed
        self.frozen = frozenset(passed)
        self.literal: dict[int, bool] = {}

    def literals_pass(self, gids: tuple[int, ...]) -> bool:
        """Do these literal groups (not passed by words or features) all find a literal?"""
        for g in gids:
            hit = self.literal.get(g)
            if hit is None:
                rx = self.index.groups[g].literal_rx
                hit = self.literal[g] = rx is not None and rx.search(self.text) is not None
            if not hit:
                return False
        return True

    def ok(self, gate: _Gate) -> bool:
        """Does the gate pass (every group of it)?"""
        plain, literal = gate
        passed = self.passed
        if not plain <= passed:
            return False
        return self.literals_pass(tuple(g for g in literal if g not in passed))

    def _plan(self, key: object, make: Callable[[], _Plan]) -> _Plan:
        plans = self.index.plans
        plan = plans.get(key)
        if plan is None:
            plan = make()
            if len(plans) >= _MAX_PLANS:
                plans.clear()
            plans[key] = plan
        return plan

    def open_signals(self) -> dict[int, list[Signal]]:
        """Section index -> the signals whose whole gate passes, in data order."""
        index, passed = self.index, self.frozen
        plan = self._plan(passed, lambda: _plan(index, passed))
        per_spec: dict[int, list[Signal]] = {}
        signals, specs = index.signals, index.specs
        topical: dict[int, bool] = {}
        for n, literal in plan:
            if not literal or self.literals_pass(literal):
                si, signal = signals[n]
                if not signal.anywhere:
                    possible = topical.get(si)
                    if possible is None:
                        possible = topical[si] = _topic_possible(specs[si], self.view)
                    if not possible:
                        continue
                per_spec.setdefault(si, []).append(signal)
        return per_spec

    def open_parts(self, signal: Signal) -> list[int]:
        """Numbers of the signal's patterns whose own gate passes."""
        index, passed = self.index, self.frozen

        def make() -> _Plan:
            gates = index.part_gates[id(signal)]
            return tuple(
                (i, tuple(g for g in literal if g not in passed))
                for i, (plain, literal) in enumerate(gates) if plain <= passed
            )

        plan = self._plan((id(signal), passed), make)
        return [i for i, literal in plan if not literal or self.literals_pass(literal)]


def scan_view(data: SectionData, view: View, view_index: int) -> list[tuple[int, list[Match]]]:
    """(section index, matches) of every section with evidence in ``view``, in data order.

    The view's words select, through an index of the gates, the few signals that can
    match it; only those whose whole gate passes have their patterns searched.
    """
    specs = data.sections
    gates: ViewGates | None = None
    if USE_GATES:
        gates = ViewGates(_index_for(data), view)
        per_spec = gates.open_signals()
    else:
        per_spec = {si: list(spec.signals) for si, spec in enumerate(specs)}
    out = []
    for si, signals in per_spec.items():
        found = scan(specs[si], view, view_index, signals, gates)
        if found:
            out.append((si, found))
    view.release()
    return out
