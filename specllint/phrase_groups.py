"""The pattern groups of a :class:`~specllint.phraseset.PhraseSet`, and how they are stored.

A group holds the patterns of one phrase that need the same words: fixed sequences
matched on token hashes, and a small spaCy Matcher for patterns with wildcards or repeats.
A rule pack compiles to tens of thousands of groups, of which one text tries a few
hundred. Stored (pickled, for the CLI's start-up cache) a group list is therefore a
:class:`GroupTable`: a few flat columns of numbers and byte strings that index two shared
tables (token specs, word-hash sets), and a group object is only made when a clause first
tries it. Unpickling tens of thousands of small objects would otherwise dominate start-up.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
from spacy.matcher import Matcher

from .phrases import Token


class LazyMatcher:
    """A one-key spaCy Matcher built on its first call. The patterns are checked by
    building it once up front (``check``); a pickle keeps only the patterns, so loading a
    linter does not re-add thousands of them for the few groups a run actually tries."""

    def __init__(self, vocab: Any, patterns: list[list[Token]], check: bool = True) -> None:
        self.vocab = vocab
        self.patterns = patterns
        self._matcher: Matcher | None = self._build() if check else None

    def _build(self) -> Matcher:
        matcher = Matcher(self.vocab)
        matcher.add("phrase", self.patterns)
        return matcher

    def __call__(self, doc: Any) -> Any:
        matcher = self._matcher
        if matcher is None:
            matcher = self._matcher = self._build()
        return matcher(doc)

    def __reduce__(self) -> tuple[Any, ...]:
        return LazyMatcher, (self.vocab, self.patterns, False)


class Sequences:
    """Fixed-length patterns of word sets, matched on token hashes without a Matcher.

    ``first`` maps the hash of a first word to the word sets (hash sets) of the rest."""

    def __init__(self, first: dict[int, list[tuple[frozenset[int], ...]]]) -> None:
        self.first = first

    @classmethod
    def from_patterns(cls, patterns: list[list[Token]], strings: Any) -> Sequences:
        first: dict[int, list[tuple[frozenset[int], ...]]] = {}
        for pattern in patterns:
            sets = [share(frozenset(strings.add(v) for v in spec_values(spec))) for spec in pattern]
            for h in sets[0]:
                first.setdefault(h, []).append(share(tuple(sets[1:])))
        return cls(first)

    def find(self, hashes: list[int], positions: dict[int, list[int]]) -> list[tuple[int, int]]:
        """(start, end) token ranges of every match; ``positions``: where each hash occurs."""
        out = []
        n = len(hashes)
        first = self.first
        for h in first.keys() & positions.keys():
            rests = first[h]
            for i in positions[h]:
                for rest in rests:
                    end = i + 1 + len(rest)
                    if end <= n and all(hashes[i + 1 + k] in s for k, s in enumerate(rest)):
                        out.append((i, end))
        out.sort(key=lambda m: m[0])
        return out


@attrs.frozen
class Group:
    """Patterns of one phrase that need the same words."""

    phrase: int
    matcher: LazyMatcher | None
    sequences: Sequences | None
    #: hashes of one word set every match contains, and the most tokens a Matcher match
    #: spans (0: unbounded); the Matcher then only runs on the tokens around those words
    anchors: frozenset[int] = frozenset()
    reach: int = 0

    def find(self, doc: Any, hashes: list[int], positions: dict[int, list[int]]) -> list[tuple[int, int]]:
        """Token ranges of this group's matches in ``doc`` (``hashes``: its lower-case
        token hashes; ``positions``: where each occurs)."""
        found = self.sequences.find(hashes, positions) if self.sequences is not None else []
        if self.matcher is not None:
            found += self._matcher_find(doc, positions)
        return found

    def _matcher_find(self, doc: Any, positions: dict[int, list[int]]) -> list[tuple[int, int]]:
        """The Matcher's matches, run on the window of the Doc a match can lie in (the
        Matcher costs time per token)."""
        n = len(doc)
        if self.reach and self.anchors:
            at = [i for h in self.anchors & positions.keys() for i in positions[h]]
            if at:
                a, b = max(0, min(at) - self.reach + 1), min(n, max(at) + self.reach)
                if a > 0 or b < n:
                    return [(a + start, a + end) for _, start, end in self.matcher(doc[a:b])]  # type: ignore[misc]
        return [(start, end) for _, start, end in self.matcher(doc)]  # type: ignore[misc]


class GroupTable(Sequence[Group]):
    """Groups stored as columns; a :class:`Group` is made on first access (thread-safe:
    two threads making the same group at once only make an equal object twice)."""

    def __init__(self, vocab: Any, specs: list[Token], sets: list[frozenset[int]], columns: tuple[Any, ...]) -> None:
        self.vocab = vocab
        self.specs = specs
        self.sets = sets
        #: phrase index, reach, anchor-set index (arrays); matcher and sequence codes (lists)
        self.columns = columns
        self._made: dict[int, Group] = {}

    @classmethod
    def from_groups(cls, vocab: Any, groups: Sequence[Group]) -> GroupTable:
        """Encode ``groups`` (a GroupTable is returned as it is)."""
        if isinstance(groups, GroupTable):
            return groups
        specs: list[Token] = []
        spec_index: dict[str, int] = {}
        sets: list[frozenset[int]] = []
        set_index: dict[frozenset[int], int] = {}

        def spec_id(spec: Token) -> int:
            key = repr(spec)
            if key not in spec_index:
                spec_index[key] = len(specs)
                specs.append(spec)
            return spec_index[key]

        def set_id(words: frozenset[int]) -> int:
            if words not in set_index:
                set_index[words] = len(sets)
                sets.append(words)
            return set_index[words]

        phrase, reach, anchors = array("I"), array("I"), array("I")
        matchers: list[bytes | None] = []
        sequences: list[bytes | None] = []
        for g in groups:
            phrase.append(g.phrase)
            reach.append(g.reach)
            anchors.append(set_id(g.anchors))
            if g.matcher is None:
                matchers.append(None)
            else:
                code = array("I")
                for pattern in g.matcher.patterns:
                    code.append(len(pattern))
                    code.extend(spec_id(spec) for spec in pattern)
                matchers.append(code.tobytes())
            if g.sequences is None:
                sequences.append(None)
            else:
                # one entry per distinct rest: the set of its first words, then the rest's sets
                firsts: dict[tuple[frozenset[int], ...], set[int]] = {}
                for h, rests in g.sequences.first.items():
                    for rest in rests:
                        firsts.setdefault(rest, set()).add(h)
                seq = array("I")
                for rest, words in firsts.items():
                    seq.extend((set_id(share(frozenset(words))), len(rest)))
                    seq.extend(set_id(s) for s in rest)
                sequences.append(seq.tobytes())
        return cls(vocab, specs, sets, (phrase, reach, anchors, matchers, sequences))

    def __len__(self) -> int:
        return len(self.columns[0])

    def __getitem__(self, g: int) -> Group:  # type: ignore[override]
        group = self._made.get(g)
        if group is None:
            group = self._made[g] = self._make(g)
        return group

    def __iter__(self) -> Iterator[Group]:
        return (self[g] for g in range(len(self)))

    def _make(self, g: int) -> Group:
        phrase, reach, anchors, matchers, sequences = self.columns
        matcher = None
        if (code := matchers[g]) is not None:
            numbers = array("I", code)
            patterns, i = [], 0
            while i < len(numbers):
                length = numbers[i]
                patterns.append([self.specs[k] for k in numbers[i + 1 : i + 1 + length]])
                i += 1 + length
            matcher = LazyMatcher(self.vocab, patterns, check=False)
        found = None
        if (code := sequences[g]) is not None:
            numbers = array("I", code)
            first: dict[int, list[tuple[frozenset[int], ...]]] = {}
            i = 0
            while i < len(numbers):
                words, length = self.sets[numbers[i]], numbers[i + 1]
                rest = tuple(self.sets[k] for k in numbers[i + 2 : i + 2 + length])
                for h in words:
                    first.setdefault(h, []).append(rest)
                i += 2 + length
            found = Sequences(first)
        return Group(phrase[g], matcher, found, self.sets[anchors[g]], reach[g])

    def __reduce__(self) -> tuple[Any, ...]:
        return GroupTable, (self.vocab, self.specs, self.sets, self.columns)


def spec_values(spec: Token) -> list[str]:
    """The words a plain token spec accepts."""
    value = spec.get("LOWER", spec.get("ORTH"))
    return [value] if isinstance(value, str) else list(value["IN"])


#: Equal word sets (and tuples of them) are kept once: phrases repeat a few sets many times.
_SHARED: dict[Any, Any] = {}


def share(value: Any) -> Any:
    """``value``, or an equal one made earlier (one object for equal word sets)."""
    return _SHARED.setdefault(value, value)
