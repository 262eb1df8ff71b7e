"""``lexicon``: flag listed phrases unless the clause context makes them measurable."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from spacy.matcher import PhraseMatcher

from .base import ClauseContext, Hit, Kind


class LexiconKind(Kind):
    """Phrases matched on lower-cased tokens; ``exception_patterns`` veto a match when
    they match the clause around it, ``measurable_patterns`` veto every match in a clause."""

    name = "lexicon"
    option_types = {
        "terms": list,
        "exception_patterns": list,
        "measurable_patterns": list,
    }
    option_defaults = {"terms": [], "exception_patterns": [], "measurable_patterns": []}

    def __init__(self, rule, env) -> None:
        super().__init__(rule, env)
        self.matcher = PhraseMatcher(env.nlp.vocab, attr="LOWER")
        self.matcher.add(rule.code, [env.nlp.make_doc(t) for t in self.options["terms"]])
        self.exceptions = [regex.compile(p, regex.I) for p in self.options["exception_patterns"]]
        self.measurable = [regex.compile(p, regex.I) for p in self.options["measurable_patterns"]]

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        matches = self.matcher(clause.doc, as_spans=True)
        if not matches or any(p.search(clause.text) for p in self.measurable):
            return
        for span in matches:
            start, end = span.start_char, span.end_char
            if any(
                m.start() <= start and m.end() >= end
                for p in self.exceptions
                for m in p.finditer(clause.text)
            ):
                continue
            yield Hit(start, end)
