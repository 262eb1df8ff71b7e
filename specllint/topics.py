"""What a clause is about (fabric, metal part, packaging, schedule…), from its words.

The topic picks the suggestion a finding gets. Topic words live in
``rules/vocabulary/topics.yaml``; a clause's topic is the one with the most word hits in
the clause text, its Markdown heading and its ``Key:`` label (heading and key count
double: they name the subject the clause is about).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from .morphology import default_morphology
from .vocabulary import load

GENERAL = "general"
HEADING_WEIGHT = 2
#: Extra weight of the words in the clause part a finding is in.
LOCAL_WEIGHT = 2
MAX_WORDS = 3


class TopicDetector:
    """Scores topics by the words of a clause and its heading."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.order: list[str] = []
        self.index: dict[tuple[str, ...], list[str]] = {}
        morph = default_morphology()
        for topic, entries in load("topics").items():
            self.order.append(str(topic))
            for entry in entries or ():
                tokens = [t.lower_ for t in nlp.make_doc(str(entry))]
                last = tokens[-1]
                # abbreviations do not inflect: "pc" (polycarbonate) must not match "pcs"
                last_forms = morph.forms(last, "noun") if last.isalpha() and len(last) > 3 else {last}
                for form in last_forms:
                    key = (*tokens[:-1], form)
                    topics = self.index.setdefault(key, [])
                    if topic not in topics:
                        topics.append(str(topic))
        #: first word of a topic entry -> its most words (positions with no first word are skipped)
        self.firsts: dict[str, int] = {}
        for key in self.index:
            self.firsts[key[0]] = max(self.firsts.get(key[0], 0), len(key))

    def scores(self, lowers: Sequence[str], weight: int = 1, into: dict[str, int] | None = None) -> dict[str, int]:
        """Add ``weight`` per topic word found in the token sequence ``lowers``."""
        out = {} if into is None else into
        n = len(lowers)
        index, firsts = self.index, self.firsts
        for i, word in enumerate(lowers):
            longest = firsts.get(word)
            if longest is None:
                continue
            for size in range(1, min(longest, MAX_WORDS, n - i) + 1):
                for topic in index.get(tuple(lowers[i : i + size]), ()):
                    out[topic] = out.get(topic, 0) + weight
        return out

    @lru_cache(maxsize=1024)  # noqa: B019 - one detector per pipeline, kept for the process
    def context_scores(self, text: str) -> tuple[tuple[str, int], ...]:
        """Topic scores of a heading or key (many clauses share one heading)."""
        found = self.scores([t.lower_ for t in self.nlp.make_doc(text)], HEADING_WEIGHT)
        return tuple(found.items())

    def rank(
        self,
        lowers: Sequence[str],
        context: Iterable[str | None] = (),
        local: Sequence[str] = (),
        base: dict[str, int] | None = None,
    ) -> tuple[str, ...]:
        """Every topic found in a clause (token lowers), its heading/key strings and the part
        of the clause a finding is in (``local``, counted three times), best first (ties in the
        order of topics.yaml); ``("general",)`` when none is found. ``base``: the
        :meth:`scores` of ``lowers`` when the caller already has them (not changed)."""
        scores = self.scores(lowers) if base is None else dict(base)
        if local:
            self.scores(local, LOCAL_WEIGHT, scores)
        for text in context:
            if text:
                for topic, score in self.context_scores(text):
                    scores[topic] = scores.get(topic, 0) + score
        if not scores:
            return (GENERAL,)
        return tuple(sorted(scores, key=lambda t: (-scores[t], self.order.index(t))))
