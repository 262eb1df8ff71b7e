"""The section evidence vocabulary (``specllint/data/sections.toml``), compiled once.

Each of the 14 sections has a topic (the words a heading or ``Key:`` label uses for it),
named signals (regular expressions that show the section is stated concretely) and one or
more ``require`` alternatives (signal names that must all be found). Profiles name the
sets of sections a contract must contain. See docs/sections.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import regex
import tomllib

from . import userpatterns
from .model import SECTION_IDS

DATA_FILE = Path(__file__).parent / "data" / "sections.toml"
#: Case-insensitive, ``regex`` version 0: full Unicode case folding (version 1) makes the
#: currency and unit alternations several times slower and buys nothing here.
FLAGS = regex.IGNORECASE | regex.VERSION0
_MACRO = regex.compile(r"\{([a-z_]+)\}")


class SectionDataError(ValueError):
    """The section data file is inconsistent (a packaging bug, not a user error)."""


def word_keys(words: Iterable[str]) -> frozenset[str]:
    """Every word and every prefix of two or more letters of it: a word or a prefix from
    a gate is present when it is in this set (one set lookup instead of a scan)."""
    keys: set[str] = set()
    for w in words:
        keys.add(w)
        keys.update(w[:i] for i in range(2, len(w)))
    return frozenset(keys)


@attrs.frozen
class GateGroup:
    """One group of a gate: passes when any of its words (read as prefixes; one-letter
    words exactly), literals or features is in the text."""

    words: frozenset[str] = frozenset()
    literals: tuple[str, ...] = ()
    #: ``#digit`` / ``#code`` features of the text (see :data:`FEATURES`)
    features: frozenset[str] = frozenset()

    def passes(self, keys: frozenset[str], text: str, features: frozenset[str]) -> bool:
        """``keys`` are :func:`word_keys` of the lower-cased text's words."""
        return (
            not self.words.isdisjoint(keys)
            or not self.features.isdisjoint(features)
            or any(lit in text for lit in self.literals)
        )


#: Gate features: ``#digit`` any digit; ``#code`` an upper-case letter next to a digit.
FEATURES = {"#digit": regex.compile(r"\d"), "#code": regex.compile(r"[A-Z][-_/.]?\d|\d[-_/.]?[A-Z]")}


def text_features(text: str) -> frozenset[str]:
    """The gate features present in ``text``."""
    return frozenset(name for name, rx in FEATURES.items() if rx.search(text))


def gate_passes(gate: tuple[GateGroup, ...], keys: frozenset[str], text: str, features: frozenset[str]) -> bool:
    """True when every group of ``gate`` passes (an empty gate always passes)."""
    return all(g.passes(keys, text, features) for g in gate)


_LEAD_GROUP = regex.compile(r"^\((?:\?:|\?-i:)")


def _split_top(source: str) -> list[str]:
    """Top-level alternatives of a pattern (``|`` outside groups and classes)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def _group_end(source: str, start: int) -> int:
    """Index of the ``)`` closing the group that opens at ``source[start]``."""
    depth, i, in_class = 0, start, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def word_prefixes(source: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of ``source`` starts with, or None.

    Derived from word alternations such as ``\\b(?:materials?|made (?:of|from))\\b``; used
    as a cheap token pre-check before the regular expression runs.
    """
    out: list[str] = []
    for alt in _split_top(source):
        alt = alt.removeprefix("\\b")
        if _LEAD_GROUP.match(alt):
            close = _group_end(alt, 0)
            rest = alt[close + 1 :]
            if close < 0 or rest not in ("", "\\b"):
                return None
            inner = word_prefixes(alt[alt.index(":") + 1 : close])
            if inner is None:
                return None
            out.extend(inner)
            continue
        m = regex.match(r"[A-Za-z]+", alt)
        if m is None:
            return None
        word = m.group(0)
        if alt[m.end() : m.end() + 1] in ("?", "*", "{"):
            word = word[:-1]
        if not word:
            return None
        out.append(word.lower())
    return tuple(dict.fromkeys(out))


def _words(source: Any) -> frozenset[str] | None:
    """Word prefixes of a single-pattern option (None: no pre-check possible)."""
    if not isinstance(source, str):
        return None
    words = word_prefixes(source)
    return None if words is None else frozenset(words)


def prefixes_in(prefixes: frozenset[str] | None, keys: frozenset[str]) -> bool:
    """Might a pattern with these word prefixes match text with these :func:`word_keys`?"""
    return prefixes is None or not prefixes.isdisjoint(keys)


def _gate(raw: Any, where: str) -> tuple[GateGroup, ...]:
    groups = []
    for group in raw or []:
        if not isinstance(group, list) or not all(isinstance(t, str) and t for t in group):
            raise SectionDataError(f"{DATA_FILE.name}: gate of {where} must be a list of lists of tokens")
        groups.append(GateGroup(
            words=frozenset(
                t.rstrip("*").lower() if len(t) > 1 else t for t in group if t[0] not in "=#" or len(t) == 1
            ),
            literals=tuple(t[1:] for t in group if t.startswith("=")),
            features=frozenset(t for t in group if t in FEATURES),
        ))
        unknown = [t for t in group if t.startswith("#") and t not in FEATURES and len(t) > 1]
        if unknown:
            raise SectionDataError(f"{DATA_FILE.name}: unknown gate feature {unknown[0]} in {where}")
    return tuple(groups)


@attrs.frozen
class Signal:
    """One kind of evidence: a compiled alternation of the signal's patterns."""

    name: str
    pattern: regex.Pattern
    anywhere: bool
    #: cheap pre-check: every group must pass before the pattern is searched
    gate: tuple[GateGroup, ...] = ()
    #: a match is dropped when the text just before it matches this
    reject_before: regex.Pattern | None = None


@attrs.frozen
class SectionSpec:
    """What makes one section present, and how to ask for it when it is missing."""

    id: str
    title: str
    criterion: str
    template: str
    topic: regex.Pattern
    #: how a heading or ``Key:`` label for this section starts (locates weak statements)
    label: regex.Pattern | None
    text_topic: regex.Pattern | None
    exclude_context: regex.Pattern | None
    weakeners: regex.Pattern | None
    signals: tuple[Signal, ...]
    require: tuple[tuple[str, ...], ...]
    near_topic_only: bool = False
    distinct: bool = False
    weaken_clause: bool = False
    #: word prefixes of ``topic`` / ``text_topic`` / ``exclude_context`` (token pre-checks)
    topic_words: frozenset[str] | None = None
    text_topic_words: frozenset[str] | None = None
    exclude_words: frozenset[str] | None = None


@attrs.frozen(eq=False)
class SectionData:
    """All section specs (in :data:`~specllint.model.SECTION_IDS` order) and profiles."""

    sections: tuple[SectionSpec, ...]
    profiles: Mapping[str, tuple[str, ...]]
    #: weakeners of every section ("if required", "TBD", "⟨placeholder⟩") and their gate
    shared_weakeners: regex.Pattern | None = None
    shared_gate: tuple[GateGroup, ...] = ()

    def spec(self, section_id: str) -> SectionSpec:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)


def _expand(pattern: str, macros: Mapping[str, str]) -> str:
    for _ in range(8):  # macros may use macros; eight levels is plenty
        expanded = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    return pattern


def _compile(patterns: Iterable[str], macros: Mapping[str, str], where: str) -> regex.Pattern | None:
    parts = [_expand(p, macros) for p in patterns]
    if not parts:
        return None
    joined = "|".join(f"(?:{p})" for p in parts)
    try:
        return userpatterns.compile_pattern(joined, FLAGS)
    except regex.error as exc:
        raise SectionDataError(f"{DATA_FILE.name}: bad pattern in {where}: {exc}") from None


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _section(sid: str, raw: Mapping[str, Any], macros: Mapping[str, str]) -> SectionSpec:
    signals = []
    for name, sig in raw.get("signals", {}).items():
        pattern = _compile(_as_list(sig.get("patterns")), macros, f"{sid}.{name}")
        if pattern is None:
            raise SectionDataError(f"{DATA_FILE.name}: signal {sid}.{name} has no patterns")
        signals.append(Signal(
            name, pattern, bool(sig.get("anywhere", False)),
            _gate(sig.get("gate"), f"{sid}.{name}"),
            _compile(_as_list(sig.get("reject_before")), macros, f"{sid}.{name}.reject_before"),
        ))
    names = {s.name for s in signals}
    require = tuple(tuple(alt) for alt in raw.get("require", []))
    if not require or any(n not in names for alt in require for n in alt):
        raise SectionDataError(f"{DATA_FILE.name}: section {sid} requires unknown or no signals")
    topic = _compile(_as_list(raw.get("topic")), macros, f"{sid}.topic")
    if topic is None:
        raise SectionDataError(f"{DATA_FILE.name}: section {sid} has no topic")
    return SectionSpec(
        id=sid,
        title=raw.get("title", sid),
        criterion=raw.get("criterion", ""),
        template=raw.get("template", ""),
        topic=topic,
        label=_compile([rf"^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:{p})\b" for p in _as_list(raw.get("label"))],
                       macros, f"{sid}.label"),
        text_topic=_compile(_as_list(raw.get("text_topic")), macros, f"{sid}.text_topic"),
        exclude_context=_compile(_as_list(raw.get("exclude_context")), macros, f"{sid}.exclude_context"),
        weakeners=_compile(_as_list(raw.get("weakeners")), macros, f"{sid}.weakeners"),
        signals=tuple(signals),
        require=require,
        near_topic_only=bool(raw.get("near_topic_only", False)),
        distinct=bool(raw.get("distinct", False)),
        weaken_clause=bool(raw.get("weaken_clause", False)),
        topic_words=_words(raw.get("topic")),
        text_topic_words=_words(raw.get("text_topic")),
        exclude_words=_words(raw.get("exclude_context")),
    )


def parse_section_data(raw: Mapping[str, Any]) -> SectionData:
    """Build :class:`SectionData` from the parsed TOML table (validated)."""
    macros = {k: str(v) for k, v in raw.get("macros", {}).items()}
    shared = _compile(_as_list(raw.get("weakeners", {}).get("patterns")), macros, "weakeners")
    table = raw.get("sections", {})
    if set(table) != set(SECTION_IDS):
        odd = sorted(set(table) ^ set(SECTION_IDS))
        raise SectionDataError(f"{DATA_FILE.name}: sections must be exactly the 14 ids (check {', '.join(odd)})")
    sections = tuple(_section(sid, table[sid], macros) for sid in SECTION_IDS)
    profiles = {name: tuple(ids) for name, ids in raw.get("profiles", {}).items()}
    for name, ids in profiles.items():
        unknown = [i for i in ids if i not in SECTION_IDS]
        if unknown:
            raise SectionDataError(f"{DATA_FILE.name}: profile {name!r} names unknown sections {unknown}")
    return SectionData(sections, profiles, shared, _gate(raw.get("weakeners", {}).get("gate"), "weakeners"))


@cache
def _raw_data() -> dict[str, Any]:
    with DATA_FILE.open("rb") as fh:
        return tomllib.load(fh)


@cache
def section_data() -> SectionData:
    """The bundled section data (read and compiled on first use)."""
    return parse_section_data(_raw_data())


def profiles() -> dict[str, tuple[str, ...]]:
    """Profile name -> section ids, without compiling the patterns (cheap; config uses it)."""
    return {name: tuple(ids) for name, ids in _raw_data().get("profiles", {}).items()}


def section_config_problem(profile: str, required: Iterable[str] | None) -> str | None:
    """Why ``sections-profile`` / ``required-sections`` cannot be used, or None."""
    profiles_ = profiles()
    if profile not in profiles_:
        return f"sections-profile: unknown profile {profile!r} (known: {', '.join(profiles_)})"
    if required is not None:
        unknown = [s for s in required if s not in SECTION_IDS]
        if unknown:
            return (f"required-sections: unknown section id {unknown[0]!r} "
                    f"(known: {', '.join(SECTION_IDS)})")
    return None


def required_sections(profile: str, required: Iterable[str] | None) -> frozenset[str]:
    """The section ids a contract must contain: an explicit list wins over the profile."""
    if required is not None:
        return frozenset(required)
    return frozenset(profiles().get(profile, SECTION_IDS))
