"""Matching many phrases per clause, fast: :class:`PhraseSet`.

Phrases (:mod:`specllint.phrases`) expand to token patterns. Most clauses contain none of
the words a phrase needs, so patterns are grouped by the word sets their required tokens
draw from and a group is tried only on a clause that has a word of each set. Fixed-length
patterns are matched directly on token hashes; patterns with wildcards or repeats use a
small spaCy Matcher.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import regex
from spacy.attrs import LOWER
from spacy.tokens import Doc

from .phrase_groups import Group, GroupTable, LazyMatcher, Sequences
from .phrase_groups import share as _share
from .phrases import PhraseCompiler, PhraseError, Token

#: Doc.user_data keys for values computed once per clause and shared by every rule.
_LOWERS = "specllint.lower-hashes"
_LOWER_LIST = "specllint.lower-hash-list"
_LOWER_TEXT = "specllint.lower-text"
_POSITIONS = "specllint.lower-hash-positions"


@attrs.frozen
class Match:
    """A phrase match in a Doc: token range and the index of the phrase that matched."""

    start: int
    end: int
    phrase: int


#: A pattern with at most this many optional tokens is expanded into fixed variants.
MAX_OPTIONALS = 4


def _without_optionals(pattern: list[Token]) -> list[list[Token]]:
    """The fixed variants of a pattern whose only operators are ``?`` (with and without
    each optional token), or ``[]`` when it needs the Matcher."""
    optional = [i for i, spec in enumerate(pattern) if spec.get("OP") == "?"]
    if len(optional) > MAX_OPTIONALS or any(spec.get("OP") not in (None, "?") for spec in pattern):
        return []
    plain = [{k: v for k, v in spec.items() if k != "OP"} for spec in pattern]
    variants = []
    for mask in range(2 ** len(optional)):
        dropped = {optional[b] for b in range(len(optional)) if mask >> b & 1}
        variant = [spec for i, spec in enumerate(plain) if i not in dropped]
        if variant:
            variants.append(variant)
    return variants if all(_fixed(v) for v in variants) else []


def _max_length(patterns: list[list[Token]]) -> int:
    """The most tokens a match of any of ``patterns`` can span; 0 when a repeat is unbounded."""
    longest = 0
    for pattern in patterns:
        total = 0
        for spec in pattern:
            op = spec.get("OP")
            if op is None or op == "?":
                total += 1
            elif isinstance(op, str) and (m := regex.fullmatch(r"\{(?:\d*,)?(\d+)\}", op)):
                total += int(m.group(1))
            else:
                return 0
        longest = max(longest, total)
    return longest


def _fixed(pattern: list[Token]) -> bool:
    """A pattern of plain word sets (no wildcard, repeat or regular expression)."""
    for spec in pattern:
        if "OP" in spec or len(spec) != 1:
            return False
        value = spec.get("LOWER", spec.get("ORTH"))
        if value is None or not (isinstance(value, str) or (isinstance(value, dict) and set(value) == {"IN"})):
            return False
    return True


class PhraseSet:
    """Many phrases, compiled to small Matchers that run only when they can match.

    Running one Matcher with thousands of patterns over every clause is slow, and most
    clauses contain none of the words a phrase needs. The patterns of a phrase are grouped
    by the word sets their required tokens draw from; a group runs only on a clause that
    has a word of each set (or, for fused compounds like "ecofriendly", a word with one of
    the endings). Each group is indexed under its most specific set, so a clause looks at
    the few groups its words can trigger.
    """

    def __init__(
        self,
        nlp: Any,
        phrases: Sequence[str],
        classes: Mapping[str, Sequence[str]] | None = None,
        inflect: bool = True,
        literal: bool = False,
        check: bool = True,
    ) -> None:
        self.phrases = tuple(phrases)
        self._vocab = nlp.vocab
        built: list[Group] = []
        group_needs: list[tuple[frozenset[str], ...]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_tail: list[tuple[tuple[str, ...], int]] = []
        self._always: list[int] = []
        compiler = PhraseCompiler(nlp, classes or {}, inflect)
        for i, phrase in enumerate(self.phrases):
            text = " ".join(_escape(w) for w in phrase.split()) if literal else phrase
            try:
                patterns = compiler.phrase_patterns(text)
            except PhraseError:
                raise
            except (ValueError, KeyError) as exc:
                raise PhraseError(f"{phrase!r}: {exc}") from None
            grouped: dict[tuple[tuple[frozenset[str], ...], tuple[str, ...]], list[list[Token]]] = {}
            for pattern in patterns:
                grouped.setdefault(_needs(pattern, compiler.regex_tails), []).append(pattern)
            for (needs, tails), members in grouped.items():
                expanded = [_without_optionals(p) for p in members]
                fixed = [v for variants in expanded if variants for v in variants if _fixed(v)]
                other = [p for p, variants in zip(members, expanded, strict=True) if not variants]
                matcher = None
                if other:
                    matcher = LazyMatcher(nlp.vocab, other, check)
                sequences = Sequences.from_patterns(fixed, nlp.vocab.strings) if fixed else None
                g = len(built)
                best = min(needs, key=lambda n: _specificity(n, compiler.function)) if needs else frozenset()
                anchors = _share(frozenset(nlp.vocab.strings.add(w) for w in best)) if matcher else frozenset()
                reach = _max_length(other) if matcher else 0
                built.append(Group(i, matcher, sequences, anchors, reach))
                group_needs.append(needs)
                if needs:
                    for word in best:
                        self._by_word.setdefault(word, []).append(g)
                elif tails:
                    self._by_tail.append((tails, g))
                else:
                    self._always.append(g)
        #: the groups (a GroupTable once unpickled)
        self._groups: Sequence[Group] = built
        strings = nlp.vocab.strings
        self._by_hash: dict[int, list[int]] = {strings.add(w): gs for w, gs in self._by_word.items()}
        self._hashes = frozenset(self._by_hash)
        needs_hashes = [
            _share(tuple(_share(frozenset(strings.add(w) for w in n)) for n in needs)) for needs in group_needs
        ]
        # Each distinct word set a group needs is one bit; a clause sets the bits of the sets
        # its words belong to, and a group is possible when all of its bits are set.
        bit_of: dict[frozenset[int], int] = {}
        self._word_bits: dict[int, int] = {}
        self._group_bits: list[int] = []
        for hashed in needs_hashes:
            bits = 0
            for need in hashed:
                if need not in bit_of:
                    bit_of[need] = 1 << len(bit_of)
                    for h in need:
                        self._word_bits[h] = self._word_bits.get(h, 0) | bit_of[need]
                bits |= bit_of[need]
            self._group_bits.append(bits)
        self._bit_words = frozenset(self._word_bits)
        self._tail_index: dict[str, list[int]] = {}
        for tails, g in self._by_tail:
            for tail in tails:
                self._tail_index.setdefault(tail, []).append(g)
        tails = "|".join(regex.escape(t) for t in sorted(self._tail_index, key=len, reverse=True))
        self._tail_re = regex.compile(f"(?:{tails})\\b") if tails else None

    def __bool__(self) -> bool:
        return bool(self._groups)

    def __getstate__(self) -> dict[str, Any]:
        """Stored with its groups as a :class:`~specllint.phrase_groups.GroupTable`: a few
        flat columns, unpickled far faster than one object per group."""
        state = dict(self.__dict__)
        state["_groups"] = GroupTable.from_groups(self._vocab, self._groups)
        return state

    def triggers(self) -> tuple[frozenset[str], tuple[str, ...]] | None:
        """(words, endings): a clause with no token among ``words`` and none of ``endings``
        in its lower-cased text has no match; None when some phrase needs no particular word."""
        if self._always:
            return None
        return frozenset(self._by_word), tuple(self._tail_index)

    def _active(self, doc: Doc) -> list[Group]:
        hashes = _hashes(doc)
        active = set(self._always)
        for h in hashes & self._hashes:
            active.update(self._by_hash[h])
        if self._tail_re is not None and self._tail_hit(_lower_text(doc)):
            strings = doc.vocab.strings
            for h in hashes:
                if m := self._tail_re.search(strings[h]):
                    active.update(self._tail_index[m.group()])
        if not active:
            return []
        present = 0
        word_bits = self._word_bits
        for h in hashes & self._bit_words:
            present |= word_bits[h]
        group_bits = self._group_bits
        return [self._groups[g] for g in sorted(active) if group_bits[g] & present == group_bits[g]]

    def _tail_hit(self, lower: str) -> bool:
        """Does a fused-compound ending occur in ``lower``? (Substring tests first: far
        cheaper than the alternation, and needed for it to match.)"""
        return any(t in lower for t in self._tail_index) and self._tail_re.search(lower) is not None  # type: ignore[union-attr]

    def matches(self, doc: Doc, merge: bool = False) -> list[Match]:
        """Non-overlapping matches in text order. Where matches compete the longest wins,
        or, with ``merge``, overlapping matches become one (keeping the longest's phrase)."""
        if not self._groups:
            return []
        active = self._active(doc)
        if not active:
            return []
        hashes, positions = _hash_list(doc), _hash_positions(doc)
        found = [(g.phrase, start, end) for g in active for start, end in g.find(doc, hashes, positions)]
        if not found:
            return []
        found.sort(key=lambda m: (m[1] - m[2], m[1]))
        taken: list[Match] = []
        used: set[int] = set()
        for phrase, start, end in found:
            if any(i in used for i in range(start, end)):
                if merge:
                    for j, t in enumerate(taken):
                        if t.start < end and start < t.end:
                            taken[j] = Match(min(t.start, start), max(t.end, end), t.phrase)
                            used.update(range(start, end))
                            break
                continue
            used.update(range(start, end))
            taken.append(Match(start, end, phrase))
        return sorted(taken, key=lambda m: m.start)


def _hash_list(doc: Doc) -> list[int]:
    """The lower-case forms of a Doc's tokens as string-store hashes (cached on the Doc)."""
    hashes = doc.user_data.get(_LOWER_LIST)
    if hashes is None:
        hashes = doc.to_array([LOWER]).tolist() if len(doc) else []
        doc.user_data[_LOWER_LIST] = hashes
    return hashes


def _hash_positions(doc: Doc) -> dict[int, list[int]]:
    """Where each lower-case hash of :func:`_hash_list` occurs (cached on the Doc)."""
    positions = doc.user_data.get(_POSITIONS)
    if positions is None:
        positions = {}
        for i, h in enumerate(_hash_list(doc)):
            positions.setdefault(h, []).append(i)
        doc.user_data[_POSITIONS] = positions
    return positions


def _lower_text(doc: Doc) -> str:
    """The Doc's text in lower case, cached on the Doc (``Doc.text`` is rebuilt on every
    access); :func:`prime` stores it when the caller already has the text."""
    text = doc.user_data.get(_LOWER_TEXT)
    if text is None:
        text = doc.text.lower()
        doc.user_data[_LOWER_TEXT] = text
    return text


def prime(doc: Doc, lower_text: str) -> None:
    """Give a Doc its lower-cased text so phrase matching need not rebuild it."""
    doc.user_data.setdefault(_LOWER_TEXT, lower_text)


def lower_hashes(doc: Doc) -> frozenset[int]:
    """The string-store hashes of a Doc's lower-case token forms, as a set (cached on the Doc)."""
    return _hashes(doc)


def _hashes(doc: Doc) -> frozenset[int]:
    """The set of :func:`_hash_list` (cached on the Doc)."""
    hashes = doc.user_data.get(_LOWERS)
    if hashes is None:
        hashes = frozenset(_hash_list(doc))
        doc.user_data[_LOWERS] = hashes
    return hashes


def _specificity(words: frozenset[str], function: frozenset[str]) -> tuple[bool, bool, bool, int, int]:
    """Sort key for choosing a group's index words: content words, then fewest; never bare
    punctuation ("." in "a.s.a.p.") when a word will do."""
    return (
        bool(words & function),
        not any(ch.isalnum() for w in words for ch in w),
        not all(w.isalpha() for w in words),
        len(words),
        -min((len(w) for w in words), default=0),
    )


def _needs(
    pattern: list[Token], regex_tails: Mapping[str, tuple[str, ...]]
) -> tuple[tuple[frozenset[str], ...], tuple[str, ...]]:
    """The word sets a pattern's required tokens draw from, and fused-compound endings."""
    needs: list[frozenset[str]] = []
    tails: tuple[str, ...] = ()
    for spec in pattern:
        if str(spec.get("OP", "")).startswith(("?", "*", "{0", "{,")):
            continue
        value = spec.get("LOWER")
        if isinstance(value, str):
            needs.append(_share(frozenset({value})))
        elif isinstance(value, dict) and "IN" in value:
            needs.append(_share(frozenset(value["IN"])))
        elif isinstance(value, dict) and value.get("REGEX") in regex_tails:
            tails = tuple(sorted(regex_tails[value["REGEX"]]))
    return tuple(sorted(set(needs), key=sorted)), tails


def _escape(word: str) -> str:
    """A config term matched literally (inflected, but no pattern notation)."""
    return word if word.isalpha() or "-" in word.strip("-") else "=" + word
