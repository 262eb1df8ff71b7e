"""Phrase patterns: the small notation rule files use for terms, compiled to a spaCy Matcher.

A phrase is a sequence of slots separated by spaces. A slot is one of:

``word``
    the word in every inflection and British/American spelling ("colour" also matches
    "colors", "strong" also "stronger", "strongest", "strongly"); ``word:adj``,
    ``word:noun``, ``word:verb`` force the inflection class; ``=word`` matches exactly.
``a|b|c``
    any of the alternatives; ``_`` joins the words of a multi-word alternative
    (``before|ahead_of|in_time_for``).
``a-b``
    a compound, matched hyphenated, spaced or fused ("eco-friendly", "eco friendly",
    "ecofriendly"); ``*-friendly`` matches any word before "-friendly" (hyphenated or fused).
    A part with alternatives is grouped in parentheses: ``(water|oil)-repellent``. Without
    them ``|`` separates whole alternatives: ``in-house|factory`` is "in-house" or "factory".
``<name>``
    a word class from the rule's ``classes`` option or ``rules/vocabulary/classes.yaml``.
``*``
    one content word (not punctuation, not a number, not a function word), or one
    hyphenated word ("pin-out", "in-house"), which the tokenizer splits into three tokens.
``#``
    a number written with digits.
punctuation
    itself (``,`` ``…`` ``&``); ``-`` is any hyphen.

A slot may end with ``?`` (optional) or ``{m,n}`` (repeated m to n times).
Everything is matched case-insensitively on tokens. This module compiles phrases to
spaCy Matcher token patterns; :mod:`specllint.phraseset` matches many of them quickly.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import regex

from .buildcache import compile_pattern
from .morphology import POS_TAGS, default_morphology
from .vocabulary import function_words

#: A phrase may expand to at most this many token patterns.
MAX_VARIANTS = 4096
HYPHENS = ["-", "‐", "‑", "–"]
_QUANT = compile_pattern(r"^(?P<body>.+?)(?P<q>\?|\{\d*,?\d*\})?$")
_NUMBER = r"^\d+(?:[.,]\d+)*(?:st|nd|rd|th)?$"
_HYPHEN = compile_pattern(r"<[^>]*>")
_COMPOUND_SPLIT = compile_pattern(r"-(?![^<(]*[>)])")
#: "|" between alternatives, not inside a "(…)" group of a compound part or a "<class>".

Token = dict[str, Any]


class PhraseError(ValueError):
    """A phrase that cannot be compiled; the message quotes the phrase."""


def split_alternatives(body: str) -> list[str]:
    """The ``|``-separated alternatives of a slot, leaving ``|`` inside ``<class>`` names
    and ``(a|b)`` groups alone. A bracket without its partner is a literal alternative
    ("`,|;|)`" is three), not the start or end of a group."""
    pairs = {"<": ">", "(": ")"}
    open_at: list[int] = []
    inside = [0] * (len(body) + 1)  # +1 at a matched opener, -1 after its closer
    for i, ch in enumerate(body):
        if ch in pairs:
            open_at.append(i)
        elif ch in (">", ")"):
            for k in range(len(open_at) - 1, -1, -1):
                if pairs[body[open_at[k]]] == ch:
                    inside[open_at[k]] += 1
                    inside[i + 1] -= 1
                    del open_at[k:]
                    break
    parts, start, depth = [], 0, 0
    for i, ch in enumerate(body):
        depth += inside[i]
        if ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return parts


def _kept_whole(parts: Sequence[str]) -> bool:
    """Does spaCy's tokenizer keep these parts joined by hyphens as one token? It splits a
    hyphen between two letters only."""
    return any(not (a[-1:].isalpha() and b[:1].isalpha()) for a, b in itertools.pairwise(parts))


def _compound_parts(alt: str) -> list[list[str]] | None:
    """The parts of a compound alternative ("eco-friendly" → [["eco"], ["friendly"]],
    "(water|oil)-repellent" → [["water", "oil"], ["repellent"]]), or None for a plain one."""
    if alt.startswith("=") or "-" not in _HYPHEN.sub("", alt.strip("-")):
        return None
    parts = []
    for part in _COMPOUND_SPLIT.split(alt):
        if part.startswith("(") and part.endswith(")"):
            part = part[1:-1]
        elif "|" in part or "(" in part or ")" in part:
            return None
        parts.append(part.split("|"))
    return parts if all(all(a for a in p) for p in parts) else None


class PhraseCompiler:
    """Turns phrases into Matcher token patterns."""

    def __init__(self, nlp: Any, classes: Mapping[str, Sequence[str]], inflect: bool = True) -> None:
        self.nlp = nlp
        self.classes = classes
        self.inflect = inflect
        self.morph = default_morphology()
        self.function = function_words()
        self.not_compounds = frozenset(classes.get("not-compound", ())) or frozenset({"-"})
        #: fused-compound regex -> the word endings it accepts (used as anchors)
        self.regex_tails: dict[str, tuple[str, ...]] = {}

    # -- words ---------------------------------------------------------------------------
    def word_forms(self, word: str) -> set[str]:
        if word.startswith("="):
            return {word[1:].lower()}
        pos = None
        if ":" in word and word.rsplit(":", 1)[1] in POS_TAGS:
            word, pos = word.rsplit(":", 1)
        word = word.lower()
        if not self.inflect or word in self.function:
            return set(self.morph.spellings(word)) if word.isalpha() else {word}
        return set(self.morph.forms(word, pos))

    def _literal(self, text: str) -> list[list[Token]]:
        """Token sequences for a literal that the tokenizer may split (``etc.``, ``F&F``)."""
        word = text.rsplit(":", 1)[0] if ":" in text and text.rsplit(":", 1)[1] in POS_TAGS else text
        tokens = [t.lower_ for t in self.nlp.make_doc(word.lstrip("="))]
        if len(tokens) == 1:
            return [[{"LOWER": {"IN": sorted(self.word_forms(text))}}]]
        seqs = [[self._exact(t) for t in tokens]]
        if not any(ch.isspace() for ch in word):
            seqs.append([self._exact(word.lstrip("=").lower())])
        return seqs

    @staticmethod
    def _exact(token: str) -> Token:
        if "'" in token or "’" in token:
            return {"LOWER": {"IN": sorted({token.replace("’", "'"), token.replace("'", "’")})}}
        return {"LOWER": token}

    def _class(self, name: str) -> list[str]:
        if name not in self.classes:
            raise PhraseError(f"unknown word class <{name}>")
        return list(self.classes[name])

    # -- slots ---------------------------------------------------------------------------
    def _alternatives(self, alts: Iterable[str]) -> tuple[set[str], list[list[Token]], bool]:
        """(single-token forms, multi-token sequences, wildcard?) for ``a|b|<c>``."""
        forms: set[str] = set()
        seqs: list[list[Token]] = []
        wild = False
        for alt in alts:
            if alt == "*":
                wild = True
            elif alt.startswith("<") and alt.endswith(">"):
                for entry in self._class(alt[1:-1]):
                    if " " in entry.strip():
                        seqs.extend(self.phrase_patterns(entry))
                    else:
                        f, s, _ = self._alternatives([entry])
                        forms |= f
                        seqs.extend(s)
            else:
                toks = self._literal(alt.replace("_", " ")) if "_" in alt.strip("_") else self._literal(alt)
                if len(toks) == 1 and len(toks[0]) == 1:
                    forms |= set(toks[0][0]["LOWER"]["IN"])
                else:
                    seqs.extend(toks)
        return forms, seqs, wild

    def _compound(self, parts: list[list[str]]) -> list[list[Token]]:
        """Hyphenated, spaced and fused variants of ``a-b``; only the last part inflects."""
        part_forms: list[set[str] | None] = []
        for i, alts in enumerate(parts):
            if alts == ["*"]:
                part_forms.append(None)
                continue
            forms: set[str] = set()
            for alt in alts:
                entries = self._class(alt[1:-1]) if alt.startswith("<") else [alt]
                for e in entries:
                    if i == len(parts) - 1:
                        forms |= self.word_forms(e)
                    elif e.startswith("="):
                        forms.add(e[1:].lower())
                    else:
                        forms |= self.morph.spellings(e.lower())
            part_forms.append(forms)
        hyphen: Token = {"ORTH": {"IN": HYPHENS}}
        hyphenated: list[Token] = []
        for i, forms in enumerate(part_forms):
            if i:
                hyphenated.append(hyphen)
            hyphenated.append(self._wild() if forms is None else {"LOWER": {"IN": sorted(forms)}})
        variants = [hyphenated]
        if all(f is not None for f in part_forms):
            variants.append([{"LOWER": {"IN": sorted(f)}} for f in part_forms])  # type: ignore[arg-type]
            combos = list(itertools.product(*part_forms))  # type: ignore[arg-type]
            # fused ("ecofriendly"); and hyphenated in one token where spaCy does not split
            # the hyphen (it does between two letters, not next to a digit: "trc-20")
            fused = {"".join(p) for p in combos} | {"-".join(p) for p in combos if _kept_whole(p)}
            variants.append([{"LOWER": {"IN": sorted(fused)}}])
        elif part_forms[-1] is not None and all(f is None for f in part_forms[:-1]) and len(part_forms) == 2:
            tails = "|".join(regex.escape(f) for f in sorted(part_forms[-1], key=len, reverse=True))
            words = "|".join(regex.escape(w) for w in sorted(self.not_compounds))
            pattern = rf"^(?!(?:{words})$)[a-z]{{2,}}(?:{tails})$"
            self.regex_tails[pattern] = tuple(part_forms[-1])
            variants.append([{"LOWER": {"REGEX": pattern}}])
        return variants

    def _wild(self) -> Token:
        return {"IS_PUNCT": False, "IS_SPACE": False, "LIKE_NUM": False, "LOWER": {"NOT_IN": sorted(self.function)}}

    @staticmethod
    def _hyphenated() -> list[Token]:
        """One hyphenated word as the tokenizer splits it ("pin", "-", "out"), written
        without spaces around the hyphen."""
        return [{"IS_ALPHA": True, "SPACY": False}, {"ORTH": {"IN": HYPHENS}, "SPACY": False}, {"IS_ALPHA": True}]

    def _wild_slot(self, quant: str | None) -> list[list[Token]]:
        """Variants of a ``*`` slot: a content word or a hyphenated word. A repeated slot
        (``*{1,2}``) keeps its spaCy repeat for plain words and adds the runs that end with
        one hyphenated word, next to the word the phrase continues with ("the customer's
        pin-out document"); one variant more, not one per position, keeps the number of
        patterns (and the time to build the matchers) small."""
        wild, hyph = self._wild(), self._hyphenated()
        if quant is None:
            return [[wild], hyph]
        if quant == "?":
            return [[wild], hyph, []]
        low, comma, high = quant.strip("{}").partition(",")
        m, n = int(low or 0), int(high) if high else None
        if not comma:
            n = m
        rest = f"{{{max(m - 1, 0)},{'' if n is None else n - 1}}}"
        variants: list[list[Token]] = [[{**wild, "OP": quant}]]
        if n == 0:
            return variants
        if n == 1:
            return [*variants, hyph]
        return [*variants, [{**wild, "OP": rest}, *hyph]]

    def slot_variants(self, raw: str) -> tuple[list[list[Token]], str | None]:
        """Token sequences one slot may match, and its quantifier."""
        m = _QUANT.match(raw)
        body, quant = (m.group("body"), m.group("q")) if m and len(raw) > 1 else (raw, None)
        if body == "#":
            return [[{"TEXT": {"REGEX": _NUMBER}}]], quant
        if body in HYPHENS:
            return [[{"ORTH": {"IN": HYPHENS}}]], quant
        plain: list[str] = []
        compounds: list[list[list[str]]] = []
        for alt in split_alternatives(body):
            parts = _compound_parts(alt)
            if parts:
                compounds.append(parts)
            else:
                plain.append(alt)
        forms, seqs, wild = self._alternatives(plain)
        if wild:
            return self._wild_slot(quant), None
        for parts in compounds:
            seqs.extend(self._compound(parts))
        if forms:
            seqs.insert(0, [{"LOWER": {"IN": sorted(forms)}}])
        return seqs, quant

    # -- phrases -------------------------------------------------------------------------
    def phrase_patterns(self, phrase: str) -> list[list[Token]]:
        """All Matcher patterns of one phrase."""
        options: list[list[list[Token]]] = []
        for raw in phrase.split():
            variants, quant = self.slot_variants(raw)
            if quant is None:
                options.append(variants)
            elif all(len(v) == 1 for v in variants):
                options.append([[{**v[0], "OP": "?" if quant == "?" else quant}] for v in variants])
            elif quant == "?":
                options.append([*variants, []])
            else:
                raise PhraseError(f"{phrase!r}: a repeated slot must match one token ({raw!r})")
        total = 1
        for o in options:
            total *= len(o)
        if total > MAX_VARIANTS:
            raise PhraseError(f"{phrase!r} expands to {total} patterns (limit {MAX_VARIANTS})")
        patterns = [[t for seq in combo for t in seq] for combo in itertools.product(*options)]
        return [p for p in patterns if any(t.get("OP") not in ("?", "*") for t in p)]
