"""Choosing concrete replacements: the property a vague phrase is about, and its templates.

Properties, their words, their measurement evidence and their suggestion templates per
topic are data (``rules/vocabulary/properties.yaml``). :class:`PropertyBook` resolves which
property a flagged phrase is about and returns the templates for the clause's topic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import attrs
import regex

from .buildcache import compile_pattern
from .morphology import default_morphology
from .vocabulary import VocabularyError, load

#: Properties that name quality in general; a more specific property in the phrase wins.
GENERIC = frozenset({"quality"})
#: Entries kept by :meth:`PropertyBook.resolve`'s memo before it starts afresh.
_MEMO_SIZE = 8192
_MISSING = object()
_JOIN = compile_pattern(r"[\s\-‐‑–]+")
_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
#: one pattern per month name, in the order of ``_MONTHS`` (the first that occurs wins)
_MONTH_PATTERNS = tuple((compile_pattern(rf"\b{name}\b"), num) for name, num in _MONTHS.items())
_WHEN = compile_pattern(r"\b(early|beginning|start|mid|middle|late|end)\b", regex.I)
_DAY = {"early": 10, "beginning": 5, "start": 5, "mid": 15, "middle": 15, "late": 31, "end": 31}
_LAST_DAY = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A spelling of a word or compound without case, spaces or hyphens (cached: the same
    words are looked up for every finding)."""
    return _JOIN.sub("", text.lower())


@attrs.frozen
class Property:
    """One measurable property: its words, restriction to topics, evidence and templates."""

    name: str
    group: str
    topics: frozenset[str]
    evidence: frozenset[tuple[str, ...]]
    suggest: Mapping[str, tuple[str, ...]]

    def templates(self, topics: Sequence[str]) -> tuple[str, ...]:
        """Templates for the first of ``topics`` (best first) that has any, else the default."""
        for topic in topics:
            if topic in self.suggest:
                return self.suggest[topic]
        return self.suggest.get("default", ())


class PropertyBook:
    """Resolves words to properties and properties to suggestions."""

    def __init__(self, nlp: Any) -> None:
        morph = default_morphology()
        self.properties: dict[str, Property] = {}
        self.index: dict[str, list[str]] = {}
        for name, spec in load("properties").items():
            if not isinstance(spec, dict):
                raise VocabularyError(f"properties.yaml: {name!r} must be a mapping")
            evidence = set()
            for word in spec.get("evidence", ()) or ():
                evidence.add(tuple(t.lower_ for t in nlp.make_doc(str(word))))
            suggest = {str(t): tuple(str(s) for s in v) for t, v in (spec.get("suggest") or {}).items()}
            group = str(spec.get("group", "vague"))
            topics = frozenset(spec.get("topics", ()) or ())
            self.properties[name] = Property(name, group, topics, frozenset(evidence), suggest)
            for word in spec.get("words", ()) or ():
                word = str(word).lower()
                parts = regex.split(r"[-\s]", word)
                for form in morph.forms(parts[-1]) if parts[-1].isalpha() else {parts[-1]}:
                    names = self.index.setdefault(key("".join(parts[:-1]) + form), [])
                    if name not in names:
                        names.append(name)
        self.evidence_sizes = sorted({len(e) for p in self.properties.values() for e in p.evidence}, reverse=True)
        self._last_positions: tuple[Sequence[str], dict[str, list[int]]] | None = None
        #: (words, topics, group) -> property, for :meth:`resolve` (cleared when full)
        self._resolved: dict[tuple[tuple[str, ...], tuple[str, ...], str], str | None] = {}

    def _pick(self, names: Sequence[str], topics: Sequence[str]) -> str:
        """The property of a word listed under several: the one for the best-ranked topic,
        else a general one."""
        for topic in topics:
            for n in names:
                if topic in self.properties[n].topics:
                    return n
        for n in names:
            if not self.properties[n].topics:
                return n
        return names[0]

    def resolve(self, words: Sequence[str], topics: Sequence[str], group: str = "vague") -> str | None:
        """The property of ``group`` a phrase (token lowers, head last) is about, or None;
        ``topics`` are the clause's topics, best first."""
        memo_key = (tuple(words), tuple(topics), group)
        resolved = self._resolved.get(memo_key, _MISSING)
        if resolved is not _MISSING:
            return resolved  # type: ignore[return-value]
        first: str | None = None
        n = len(words)
        for end in range(n, 0, -1):
            for size in (3, 2, 1):
                start = end - size
                if start < 0:
                    continue
                listed = self.index.get(key("".join(words[start:end])), ())
                names = [p for p in listed if self.properties[p].group == group]
                if names:
                    picked = self._pick(names, topics)
                    if picked not in GENERIC:  # the first specific property wins
                        first = picked
                        break
                    first = first or picked
                    break
            else:
                continue
            if first is not None and first not in GENERIC:
                break
        if len(self._resolved) >= _MEMO_SIZE:
            self._resolved.clear()
        self._resolved[memo_key] = first
        return first

    def evidence(self, name: str) -> frozenset[tuple[str, ...]]:
        prop = self.properties.get(name)
        return prop.evidence if prop else frozenset()

    def measured(self, name: str | None, lowers: Sequence[str], part_measured: Any) -> bool:
        """True when an evidence word of property ``name`` sits next to a value or standard.

        ``part_measured(i)`` says whether the clause part around token ``i`` holds one."""
        if name is None:
            return False
        evidence = self.evidence(name)
        if not evidence:
            return False
        positions = self._positions(lowers)
        starts: set[int] = set()
        for words in evidence:
            if not words:
                starts.update(range(len(lowers)))
                continue
            size = len(words)
            for i in positions.get(words[0], ()):
                if size == 1 or tuple(lowers[i : i + size]) == words:
                    starts.add(i)
        return any(part_measured(i) for i in sorted(starts))

    def _positions(self, lowers: Sequence[str]) -> dict[str, list[int]]:
        """Positions of each word in ``lowers``, built once per clause (the last clause's
        index is kept)."""
        last = self._last_positions
        if last is not None and last[0] is lowers:
            return last[1]
        positions: dict[str, list[int]] = {}
        for i, word in enumerate(lowers):
            positions.setdefault(word, []).append(i)
        self._last_positions = (lowers, positions)
        return positions

    def templates(self, name: str | None, topics: Sequence[str]) -> tuple[str, ...]:
        prop = self.properties.get(name or "")
        return prop.templates(topics) if prop else ()


@lru_cache(maxsize=4)
def property_book(nlp: Any) -> PropertyBook:
    """The shared :class:`PropertyBook` for a pipeline's tokenizer."""
    return PropertyBook(nlp)


class _Keep(dict):
    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def fill(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``{name}`` fields; unknown fields stay as written."""
    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError, AttributeError):
        return template


def deadline_hint(text: str) -> str:
    """A date to write instead of a vague time ("mid-March" -> "⟨YYYY⟩-03-15")."""
    lower = text.lower()
    month = next((num for pattern, num in _MONTH_PATTERNS if pattern.search(lower)), None)
    if month is None:
        return "⟨YYYY-MM-DD⟩"
    when = _WHEN.search(lower)
    day = min(_DAY[when.group(1).lower()] if when else 31, _LAST_DAY.get(month, 31))
    return f"⟨YYYY⟩-{month:02d}-{day:02d}"
