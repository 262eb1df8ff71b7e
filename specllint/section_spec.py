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
from .section_gates import GateError, GateGroup, parse_gate, topic_words

DATA_FILE = Path(__file__).parent / "data" / "sections.toml"
#: Case-insensitive, ``regex`` version 0: full Unicode case folding (version 1) makes the
#: currency and unit alternations several times slower and buys nothing here.
FLAGS = regex.IGNORECASE | regex.VERSION0
_MACRO = regex.compile(r"\{([a-z_]+)\}")


class SectionDataError(ValueError):
    """The section data file is inconsistent (a packaging bug, not a user error)."""


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
    #: the expanded patterns and each one's own gate, when any pattern has one (a pattern
    #: whose gate fails cannot match, so it is left out of the alternation searched)
    parts: tuple[str, ...] = ()
    part_gates: tuple[tuple[GateGroup, ...], ...] = ()

    def part(self, index: int) -> regex.Pattern:
        """Pattern ``index`` on its own (compiled on first use, cached; the CLI keeps the
        compiled code in its start-up cache)."""
        from .buildcache import compile_pattern

        return compile_pattern(self.parts[index], FLAGS)


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
    #: every ``require`` alternative is one signal: any match states the section, so a
    #: view needs no more than one signal's matches, and groups add nothing
    single: bool = False
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


def _gate(raw: Any, where: str) -> tuple[GateGroup, ...]:
    try:
        return parse_gate(raw, where)
    except GateError as exc:
        raise SectionDataError(f"{DATA_FILE.name}: {exc}") from None


def _patterns(raw: Any, where: str) -> tuple[list[str], tuple[tuple[GateGroup, ...], ...]]:
    """A signal's pattern sources and each one's gate: an entry is a pattern, or a table
    ``{ pattern = '…', gate = [[…]] }`` whose gate must pass before that pattern is tried."""
    sources: list[str] = []
    gates: list[tuple[GateGroup, ...]] = []
    for i, item in enumerate(_as_list(raw)):
        if isinstance(item, dict):
            if not isinstance(item.get("pattern"), str) or set(item) - {"pattern", "gate"}:
                raise SectionDataError(f"{DATA_FILE.name}: pattern {i + 1} of {where} needs `pattern` (and `gate`)")
            sources.append(item["pattern"])
            gates.append(_gate(item.get("gate"), f"{where} pattern {i + 1}"))
        else:
            sources.append(item)
            gates.append(())
    return sources, tuple(gates)


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _section(sid: str, raw: Mapping[str, Any], macros: Mapping[str, str]) -> SectionSpec:
    signals = []
    for name, sig in raw.get("signals", {}).items():
        where = f"{sid}.{name}"
        sources, gates = _patterns(sig.get("patterns"), where)
        pattern = _compile(sources, macros, where)
        if pattern is None:
            raise SectionDataError(f"{DATA_FILE.name}: signal {where} has no patterns")
        gated = any(gates)
        signals.append(Signal(
            name, pattern, bool(sig.get("anywhere", False)),
            _gate(sig.get("gate"), where),
            _compile(_as_list(sig.get("reject_before")), macros, f"{where}.reject_before"),
            tuple(_expand(p, macros) for p in sources) if gated else (),
            gates if gated else (),
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
        single=all(len(alt) == 1 for alt in require),
        topic_words=topic_words(raw.get("topic")),
        text_topic_words=topic_words(raw.get("text_topic")),
        exclude_words=topic_words(raw.get("exclude_context")),
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
    """The bundled section data (read and compiled on first use; the CLI keeps it in its
    start-up cache, :mod:`specllint.buildcache`)."""
    from .buildcache import memo

    return memo("sections", lambda: parse_section_data(_raw_data()))


def profiles() -> dict[str, tuple[str, ...]]:
    """Profile name -> section ids, without compiling the patterns (cheap; config uses it)."""
    return {name: tuple(ids) for name, ids in _raw_data().get("profiles", {}).items()}


#: The profile a config uses unless it names another (the bundled data defines it).
DEFAULT_PROFILE = "full"


def section_config_problem(profile: str, required: Iterable[str] | None) -> str | None:
    """Why ``sections-profile`` / ``required-sections`` cannot be used, or None. (The
    data file is read only for a profile other than the default, so that creating a
    default config, which importing specllint does, stays cheap.)"""
    if profile != DEFAULT_PROFILE:
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
    return frozenset(section_data().profiles.get(profile, SECTION_IDS))
