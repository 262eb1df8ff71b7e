"""Helpers shared by the language kinds: topic, property and suggestions for a hit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..evidence import ClauseFacts
from ..morphology import default_morphology
from ..suggest import PropertyBook, fill, property_book
from ..topics import TopicDetector
from .base import ClauseContext

#: At most this many suggestions per finding (the best, context-specific one first).
MAX_SUGGESTIONS = 3
#: Words that end the look-back for the noun a flagged word describes ("natural" in
#: "formula skin-friendly with natural ingredients" does not describe "skin").
STOP_LEFT = frozenset({"with", "and", "or", "in", "on", "by", "from", "-", "‐", "‑", "&", "/"})


@lru_cache(maxsize=4)
def topic_detector(nlp: Any) -> TopicDetector:
    """The shared topic detector for a pipeline's tokenizer."""
    return TopicDetector(nlp)


class LanguageSupport:
    """Topic detection and property-based suggestions, built once per pipeline."""

    def __init__(self, nlp: Any) -> None:
        self.detector = topic_detector(nlp)
        self.book: PropertyBook = property_book(nlp)
        self.adjectives = default_morphology().adjectives

    def topics(self, clause: ClauseContext, facts: ClauseFacts, start: int | None = None) -> tuple[str, ...]:
        """The clause's topics, best first; with ``start`` (a character offset), the words of
        the clause part there count twice. Computed once per clause part."""
        part = facts.part_of(start) if start is not None else (0, 0)
        key = f"topics:{part[0]}:{part[1]}"
        ranked = facts.memo.get(key)
        if ranked is None:
            local = [w for w, s in zip(facts.lowers, facts.token_starts, strict=True) if part[0] <= s < part[1]]
            base = facts.memo.get("topic-scores")
            if base is None:
                base = facts.memo["topic-scores"] = self.detector.scores(facts.lowers)
            ranked = self.detector.rank(facts.lowers, (clause.heading, clause.key), local, base)  # type: ignore[arg-type]
            facts.memo[key] = ranked
        return ranked  # type: ignore[return-value]

    def topic(self, clause: ClauseContext, facts: ClauseFacts) -> str:
        """The clause's best topic."""
        return self.topics(clause, facts)[0]

    def properties_of(
        self, facts: ClauseFacts, start_tok: int, end_tok: int, topics: Sequence[str], default: str | None, group: str
    ) -> tuple[str | None, str | None]:
        """(property for suggestions, property for exemptions) of a hit.

        The hit's own words name what it means; a noun just before it in the same clause
        part names what it describes ("adhesion strong", "seat cushions firm", "colour
        fastness to rubbing good"). Suggestions follow the described thing; exemptions follow
        the word's own meaning unless the word is generic ("good")."""
        own = self.book.resolve(facts.lowers[start_tok:end_tok], topics, group)
        before = None
        if start_tok < len(facts.token_starts):
            part_start = facts.part_of(facts.token_starts[start_tok])[0]
            left = start_tok
            while (
                left > 0
                and start_tok - left < 4
                and facts.token_starts[left - 1] >= part_start
                and facts.lowers[left - 1] not in STOP_LEFT
            ):
                left -= 1
            nouns = [w for w in facts.lowers[left:start_tok] if w not in self.adjectives]
            before = self.book.resolve(nouns, topics, group)
            if before == "quality":
                before = None
        specific_own = own if own not in (None, "quality") else None
        if group != "vague":
            return own or before or default, own or before or default
        suggest = before or own or default
        exempt = specific_own or before or own or default
        return suggest, exempt

    def suggestions(
        self,
        prop: str | None,
        topics: Sequence[str],
        fallback: Sequence[str],
        values: Mapping[str, Any],
        extra: Iterable[str] = (),
    ) -> tuple[str, ...]:
        """Context-specific templates first (for the best-ranked topic that has some), then
        the rule's own, filled and de-duplicated."""
        out: list[str] = []
        for template in (*extra, *self.book.templates(prop, topics), *fallback):
            text = fill(template, values)
            if text not in out:
                out.append(text)
        return tuple(out[:MAX_SUGGESTIONS])


@lru_cache(maxsize=4)
def language_support(nlp: Any) -> LanguageSupport:
    """The shared :class:`LanguageSupport` for a pipeline."""
    return LanguageSupport(nlp)
