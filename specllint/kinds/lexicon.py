"""``lexicon``: flag listed phrases unless the clause context makes them measurable.

Terms are phrase patterns (:mod:`specllint.phrases`) expanded once into every inflection,
spelling and hyphenation, and found with one Matcher pass per clause. A match is then
checked against its context:

* fixed technical terms containing it ("high-carbon steel", "soft-close hinge") and the
  terms the user accepts (``Config.accept``) are never flagged;
* with ``measurable_context``, a value bound to the word ("resistant to 230 °C"), a limit or
  named standard in the same clause part, a leading label whose body is measured
  ("Strength: tensile ≥ 350 MPa"), or evidence words of the word's property next to a value
  elsewhere in the clause ("soft PVC, hardness 70 ± 5 Shore A") make it measurable;
* with ``reference_after``, an identifier, date or document after the phrase names what it
  refers to ("as per approved sample S-104 dated 2026-02-11"), except for matches of
  ``unreferenced_patterns`` (an effort aimed at a date: "try to meet date 2026-06-30");
* ``exempt_before_patterns`` / ``exempt_after_patterns`` (regular expressions, e.g. a
  negation) veto a match from the text around it in the same sentence.

``context_terms`` are words that are only vague when used evaluatively: after a copula or
intensifier ("must be long"), before "enough", as a comparative, or coordinated with
another flagged word ("light and non-greasy"). With ``evaluative_lexicon`` the words of
the external evaluative lexicon and their derived forms are context words too
(:mod:`specllint.evaluative_frames`). ``fallback_terms`` are flagged only when no
other term of the rule is found in the clause (a hint such as "to save fees" is reported
once, on the payment instruction it accompanies, when there is one).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import regex

from .. import userpatterns
from ..evaluative_frames import JudgingFrames, is_proper_name
from ..evaluative_lexicon import adjectives as lexicon_adjectives
from ..evidence import ClauseFacts, facts_for
from ..morphology import default_morphology
from ..phraseset import Match, PhraseSet, lower_hashes, prime
from ..suggest import deadline_hint
from ..vocabulary import classes as shared_classes
from .base import ClauseContext, Hit, Kind, Triggers
from .language import language_support

DEFAULT_CUES = (
    "be", "is", "are", "was", "were", "been", "being", "remain", "remains", "stay", "stays", "feel", "feels",
    "look", "looks", "seem", "seems", "appear", "appears", "very", "too", "so", "extra", "super", "ultra",
    "quite", "rather", "fairly", "reasonably", "sufficiently", "relatively", "more", "most", "less", "least",
    "run", "runs", "operate", "operates", "perform", "performs",
)
COORDINATORS = frozenset({"and", "or", "&", "/"})
#: joins two judgements of the same thing ("firm but comfortable"), never a list of descriptions
CONTRASTS = frozenset({"but", "yet"})
ABBREVIATIONS = frozenset(
    {"etc", "approx", "ca", "incl", "excl", "appr", "abt", "equiv", "eqv", "equivt", "pref", "alt", "poss", "avail"}
)
MODALS = frozenset({"can", "could", "will", "would", "to", "may", "might", "must", "shall", "should", "we", "you"})


@attrs.define
class _Candidate:
    start_tok: int
    end_tok: int
    phrase: str


#: Punctuation a phrase may end on (to tell a clause-final judgement from a longer phrase)
#: that is not part of the flagged words. A full stop is kept unless it ends the clause; an
#: abbreviation keeps its own ("a.s.a.p.", "or equiv.").
_TRAILING = frozenset({",", ";", ":", ")"})
#: Punctuation a phrase may open with that is not part of the flagged words.
_LEADING = frozenset({":", "-", "–"})


def _last_word(doc: Any, start: int, end: int) -> int:
    """The last token of a match without the punctuation it ended on ("once the buyer
    agrees," is flagged as "once the buyer agrees"); a ")" stays when the match opened one,
    and the clause's own final full stop goes too (an abbreviation gets it back in ``_hits``)."""
    last = end - 1
    while last > start and (doc[last].text in _TRAILING or (doc[last].text == "." and last == len(doc) - 1)):
        if doc[last].text == ")" and any(doc[i].text == "(" for i in range(start, last)):
            break
        last -= 1
    return last


class LexiconKind(Kind):
    """Phrase patterns with context exceptions and property-based suggestions."""

    name = "lexicon"
    option_types = {
        "terms": list,
        "context_terms": list,
        "fallback_terms": list,
        "context_cues": list,
        "fixed_terms": list,
        "classes": dict,
        "inflect": bool,
        "hedges": list,
        "extend_right": list,
        "measurable_context": bool,
        "reference_after": bool,
        "exempt_before_patterns": list,
        "exempt_after_patterns": list,
        "exception_patterns": list,
        "unreferenced_patterns": list,
        "measurable_patterns": list,
        "property": str,
        "property_group": str,
        "noun_class": str,
        "config_terms": bool,
        "deadline": bool,
        "evaluative_lexicon": bool,
        "property_nouns": str,
        "skip_proper_names": bool,
    }
    option_defaults = {
        "terms": [],
        "context_terms": [],
        "fallback_terms": [],
        "context_cues": list(DEFAULT_CUES),
        "fixed_terms": [],
        "classes": {},
        "inflect": True,
        "hedges": [],
        "extend_right": [],
        "measurable_context": False,
        "reference_after": False,
        "exempt_before_patterns": [],
        "exempt_after_patterns": [],
        "exception_patterns": [],
        "unreferenced_patterns": [],
        "measurable_patterns": [],
        "property": "",
        "property_group": "vague",
        "noun_class": "",
        "config_terms": False,
        "deadline": False,
        "evaluative_lexicon": False,
        "property_nouns": "",
        "skip_proper_names": False,
    }

    def __init__(self, rule, env) -> None:
        super().__init__(rule, env)
        opts = self.options
        config = getattr(env, "config", None)
        # <evaluative-lexicon>: the external lexicon's judging adjectives, usable in any phrase
        lexicon_class = {"evaluative-lexicon": tuple(sorted(lexicon_adjectives()))}
        word_classes = {**lexicon_class, **shared_classes(), **{k: tuple(v) for k, v in opts["classes"].items()}}
        inflect = opts["inflect"]
        terms = list(opts["terms"])
        # the built-in pack's Matcher patterns are checked by the test suite
        # (tests/test_fast_paths.py), so its Matchers are built only when a clause needs them
        check = not userpatterns.trusted(rule.source)
        self.terms = PhraseSet(env.nlp, terms, word_classes, inflect, check=check)
        extra = list(config.reject) if (config is not None and opts["config_terms"]) else []
        self.extra_terms = PhraseSet(env.nlp, extra, word_classes, inflect, literal=True)
        self.context_terms = PhraseSet(env.nlp, opts["context_terms"], word_classes, inflect, check=check)
        self.fallback = PhraseSet(env.nlp, opts["fallback_terms"], word_classes, inflect, check=check)
        self.fixed = PhraseSet(env.nlp, opts["fixed_terms"], word_classes, inflect, check=check)
        self.accepted = PhraseSet(env.nlp, list(config.accept) if config is not None else [], {}, True, literal=True)
        self.cues = frozenset(c.lower() for c in opts["context_cues"])
        self.hedges = frozenset(h.lower() for h in opts["hedges"])
        self.right = frozenset(r.lower() for r in opts["extend_right"])
        self.nouns = (
            PhraseSet(env.nlp, [f"<{opts['noun_class']}>"], word_classes, check=check) if opts["noun_class"] else None
        )
        self.exceptions = [userpatterns.compile_pattern(p) for p in opts["exception_patterns"]]
        self.unreferenced = [userpatterns.compile_pattern(p) for p in opts["unreferenced_patterns"]]
        self.measurable = [userpatterns.compile_pattern(p) for p in opts["measurable_patterns"]]
        self.before = [userpatterns.compile_pattern(p + r"\s*$") for p in opts["exempt_before_patterns"]]
        self.after = [userpatterns.compile_pattern(r"^\s*" + p) for p in opts["exempt_after_patterns"]]
        self._run = userpatterns.matching_for(rule.source)
        self.support = language_support(env.nlp)
        self.adjectives = self.support.adjectives
        self._phrases = (terms, extra)
        self.judging = self._judging_frames(word_classes) if opts["evaluative_lexicon"] else None
        self._triggers = [ps for ps in (self.terms, self.extra_terms, self.context_terms, self.fallback) if ps]
        self._trigger = self._build_triggers()
        strings = env.nlp.vocab.strings
        self._trigger_hashes = frozenset(strings.add(w) for w in self._trigger.words) if self._trigger else frozenset()

    def _build_triggers(self) -> Triggers | None:
        words: set[str] = set()
        endings: set[str] = set()
        for ps in self._triggers:
            found = ps.triggers()
            if found is None:
                return None
            words |= found[0]
            endings.update(found[1])
        if self.judging is not None:
            words |= self.judging.triggers()
            endings.update(self.judging.fragments())
        return Triggers(frozenset(words), tuple(sorted(endings)))

    def _judging_frames(self, word_classes) -> JudgingFrames:
        """Frames for the evaluative lexicon; property nouns from the class ``property_nouns``."""
        morph = default_morphology()
        name = self.options["property_nouns"]
        nouns = {f for w in word_classes.get(name, ()) for f in morph.forms(w, "noun")} if name else set()
        listed = [t for t in self.options["terms"] if t.isalpha()]
        return JudgingFrames(nouns, self.adjectives, self.hedges, self.cues, listed)

    def triggers(self) -> Triggers | None:
        """The words that index the terms, context terms and fallback terms (each phrase
        needs one of them), and the endings of fused compounds such as "ecofriendly"."""
        return self._trigger

    # -- matching -------------------------------------------------------------------------
    def _candidates(self, clause: ClauseContext) -> list[_Candidate]:
        doc = clause.doc
        lower = clause.lower
        trigger = self._trigger
        if (
            trigger is not None
            and lower_hashes(doc).isdisjoint(self._trigger_hashes)
            and not any(e in lower for e in trigger.fragments)
        ):
            return []
        prime(doc, lower)
        found = [_Candidate(m.start, m.end, self._phrases[0][m.phrase]) for m in self.terms.matches(doc, merge=True)]
        found += [_Candidate(m.start, m.end, self._phrases[1][m.phrase]) for m in self.extra_terms.matches(doc)]
        context = self.context_terms.matches(doc) if self.context_terms else []
        if context:
            found += self._context_candidates(doc, found, context)
        if self.judging is not None:
            judged = self._judging_candidates(doc, found)
            found += judged
            if judged and context:
                # a context word coordinated with a judging word ("deep, opulent pile")
                found += self._context_candidates(doc, found, context)
        if not found and self.fallback:
            fallback = self.options["fallback_terms"]
            found = [_Candidate(m.start, m.end, fallback[m.phrase]) for m in self.fallback.matches(doc)]
        if not found:
            return []
        blocked = {i for m in (*self.fixed.matches(doc), *self.accepted.matches(doc)) for i in range(m.start, m.end)}
        out = []
        for c in sorted(found, key=lambda c: c.start_tok):
            if any(i in blocked for i in range(c.start_tok, c.end_tok)):
                continue
            if self.options["skip_proper_names"] and self._names(doc, c):
                continue  # "Pleasant Valley collection", "Great Britain", "the Classic Comfort range"
            if out and c.start_tok < out[-1].end_tok:
                continue
            self._extend(doc, c)
            out.append(c)
        return out

    @staticmethod
    def _names(doc, c: _Candidate) -> bool:
        """A match that is (the start of) a title-case name: one word, or every word capitalised."""
        if c.end_tok - c.start_tok > 1 and not all(doc[i].is_title for i in range(c.start_tok, c.end_tok)):
            return False
        return is_proper_name(doc, c.start_tok)

    def _extend(self, doc, c: _Candidate) -> None:
        """Take in intensifiers before ("super soft") and words such as "enough" after."""
        i = c.start_tok
        while i > 0:
            prev = doc[i - 1]
            if prev.lower_ in self.hedges:
                i -= 1
            elif prev.text in ("-", "‐", "‑") and i > 1 and doc[i - 2].lower_ in self.hedges:
                i -= 2
            else:
                break
        c.start_tok = i
        if c.end_tok < len(doc) and doc[c.end_tok].lower_ in self.right:
            c.end_tok += 1

    def _context_candidates(self, doc, found: list[_Candidate], context: list[Match]) -> list[_Candidate]:
        """Context words (``context``: the context terms' matches in ``doc``) used evaluatively,
        alone or as a coordinated predicate pair ("fabric thick and warm", but not "long and
        short sleeves")."""
        taken = {i for c in found for i in range(c.start_tok, c.end_tok)}
        matches = [m for m in context if not any(i in taken for i in range(m.start, m.end))]
        out: list[_Candidate] = []
        for m in matches:
            if self._evaluative(doc, m.start, m.end, found):
                out.append(_Candidate(m.start, m.end, self.options["context_terms"][m.phrase]))
        for a, b in itertools.pairwise(matches):
            if b.start == a.end + 1 and doc[a.end].lower_ in COORDINATORS and self._closes(doc, b.end):
                for m in (a, b):
                    if not any(c.start_tok == m.start for c in out):
                        out.append(_Candidate(m.start, m.end, self.options["context_terms"][m.phrase]))
        return out

    def _judging_candidates(self, doc, found: list[_Candidate]) -> list[_Candidate]:
        """Words of the evaluative lexicon where they judge (:mod:`specllint.evaluative_frames`)."""
        assert self.judging is not None
        taken = {i for c in found for i in range(c.start_tok, c.end_tok)}
        flagged = [(c.start_tok, c.end_tok) for c in found]

        def evaluative(start: int, end: int, others: list[tuple[int, int]]) -> bool:
            spans = [_Candidate(s, e, "") for s, e in others]
            return self._evaluative(doc, start, end, spans)

        spans = self.judging.candidates(doc, taken, flagged, evaluative)
        return [_Candidate(s, e, "<evaluative lexicon>") for s, e in spans]

    @staticmethod
    def _closes(doc, i: int) -> bool:
        """Token ``i`` ends a predicate: end of clause, punctuation or a conjunction."""
        return i >= len(doc) or doc[i].is_punct or doc[i].lower_ in ("and", "or", "but")

    def _evaluative(self, doc, start: int, end: int, others: list[_Candidate]) -> bool:
        """A context word used as a judgement rather than a description."""
        if doc.has_annotation("POS") and doc[start].pos_ in ("NOUN", "PROPN", "VERB"):
            return False
        prev = start - 1
        if prev >= 0 and (doc[prev].lower_ in self.hedges or doc[prev].lower_ in self.cues):
            return True
        if end < len(doc) and doc[end].lower_ in self.right | {"enough"}:
            return True
        word = doc[start].lower_
        if end - start == 1 and word.endswith(("er", "est")):
            # "lower the price" after a modal is a verb; "thicker than 2 mm" is bound to a value
            verb = prev >= 0 and doc[prev].lower_ in MODALS
            return not verb and not (end < len(doc) and doc[end].lower_ == "than")
        if any(o.end_tok == start for o in others):
            return False  # "bright light": the word is the noun a flagged adjective describes
        final = end >= len(doc) or doc[end].text in (".", ";", "!")
        if prev >= 0 and final and not doc[prev].like_num and doc[prev].lower_ not in self.adjectives:
            head = doc[prev].lower_
            if head in self.support.book.index:
                return True  # "print quality high": a predicate after the property it judges
        for o in others:
            gap = range(o.end_tok, start) if o.end_tok <= start else range(end, o.start_tok)
            if len(gap) == 1 and doc[gap[0]].lower_ in COORDINATORS | CONTRASTS | {","}:
                return True
        return False

    # -- exemptions -----------------------------------------------------------------------
    def _any_search(self, patterns: list[regex.Pattern], text: str) -> bool:
        """Does any pattern occur in ``text``? Built-in rules' patterns are matched directly,
        others with the time limit of :mod:`specllint.userpatterns`."""
        return any(self._run.search(p, text) is not None for p in patterns)

    def _finditer(self, pattern: regex.Pattern, text: str) -> Iterable[regex.Match]:
        return self._run.finditer(pattern, text)

    def _exempt(self, clause: ClauseContext, facts: ClauseFacts, start: int, end: int, prop: str | None,
                start_tok: int, excepted: dict[int, list[tuple[int, int]]]) -> bool:
        """``excepted``: spans of the exception patterns in this clause, by pattern index,
        filled on first need and shared by the clause's candidates."""
        text = clause.text
        for n, pattern in enumerate(self.exceptions):
            spans = excepted.get(n)
            if spans is None:
                spans = excepted[n] = [(m.start(), m.end()) for m in self._finditer(pattern, text)]
            if any(a <= start and b >= end for a, b in spans):
                return True
        seg_start, seg_end = facts.segment_of(start)
        if self.before and self._any_search(self.before, text[seg_start:start]):
            return True
        if self.after and self._any_search(self.after, text[end:seg_end]):
            return True
        # an identifier that ends the match counts too ("following the approved sample FC-220")
        # ... unless the reference is only what the phrase aims at ("try to meet delivery date 2026-06-30")
        if (self.options["reference_after"] and facts.referenced(end - 1, min(seg_end, end + 60))
                and not (self.unreferenced and self._any_search(self.unreferenced, text[start:end]))):
            return True
        if self.options["measurable_context"]:
            if facts.bound_after(end) or facts.defined(start) or facts.claim_tested(start, end):
                return True
            judging = self.options["property_group"] == "vague"
            if judging and (facts.heading_measured(start) or facts.quoted_text(start, end)):
                return True  # "Hard-wearing flooring, class 33 per …"; the claim "Stays Fresh Longer"
            part_start, part_end = facts.part_of(start)
            if facts.measured(part_start, part_end):
                return True

            def part_measured(i: int) -> bool:
                ps, pe = facts.part_of(facts.token_starts[i])
                return facts.measured(ps, pe) or facts.has_number(ps, pe)

            if self.support.book.measured(prop, facts.lowers, part_measured):
                return True
        return False

    def _noun(self, doc, c: _Candidate) -> str:
        """The last word of ``noun_class`` in a hit ("chart" in "the usual size chart")."""
        span = doc[c.start_tok : c.end_tok].as_doc()
        found = self.nouns.matches(span) if self.nouns is not None else []
        return span[found[-1].start : found[-1].end].text.lower() if found else "document"

    def _object(self, doc, c: _Candidate) -> str:
        """The words after the last adjective of a hit ("no obvious [gate marks]")."""
        tokens = list(doc[c.start_tok : c.end_tok])
        last = max((i for i, t in enumerate(tokens) if t.lower_ in self.adjectives), default=-1)
        rest = [t.text for t in tokens[last + 1 :] if not t.is_punct]
        return " ".join(rest) if last >= 0 and rest else "defects"

    # -- check ----------------------------------------------------------------------------
    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        candidates = self._candidates(clause)
        if not candidates:
            return ()
        if self.measurable and self._any_search(self.measurable, clause.text):
            return ()
        return self._hits(clause, candidates)

    def _hits(self, clause: ClauseContext, candidates: list[_Candidate]) -> Iterator[Hit]:
        facts = facts_for(clause)
        doc = clause.doc
        default_prop = self.options["property"] or None
        excepted: dict[int, list[tuple[int, int]]] = {}
        for c in candidates:
            last_tok = _last_word(doc, c.start_tok, c.end_tok)
            first_tok = c.start_tok
            while first_tok < last_tok and doc[first_tok].text in _LEADING:
                first_tok += 1  # a label's colon opened the match ("Shipping marks: usual.")
            start = doc[first_tok].idx
            end = doc[last_tok].idx + len(doc[last_tok])
            last = doc[last_tok].lower_
            if end < len(clause.text) and clause.text[end] == "." and last in ABBREVIATIONS:
                end += 1  # "etc." keeps its full stop
            elif last.endswith(".") and last.rstrip(".") and last.rstrip(".") not in ABBREVIATIONS:
                end -= 1  # a sentence's full stop glued to the last word ("F&F.")
            topics = self.support.topics(clause, facts, start)
            topic = topics[0]
            prop, exempt_prop = self.support.properties_of(
                facts, c.start_tok, c.end_tok, topics, default_prop, self.options["property_group"]
            )
            if self._exempt(clause, facts, start, end, exempt_prop, c.start_tok, excepted):
                continue
            values = {"match": clause.text[start:end], "topic": topic, "property": prop or "",
                      "object": self._object(doc, c)}
            if self.options["deadline"]:
                values["date"] = deadline_hint(clause.text[start:end])
            if self.nouns is not None:
                values["noun"] = self._noun(doc, c)
            suggestions = self.support.suggestions(prop, topics, self.rule.suggestions, values)
            yield Hit(start, end, suggestions=suggestions, data=values)
