"""Phrase groups stored as columns (GroupTable): lossless, made on first use."""

from __future__ import annotations

import pickle
import threading

import spacy

import specllint
from specllint.engine import Linter
from specllint.kinds.lexicon import LexiconKind
from specllint.phrase_groups import GroupTable
from specllint.phraseset import PhraseSet

PHRASES = [
    "as soon as possible",
    "a|an * finish",
    "up to # days",
    "soft{1,2} touch",
    "within|in * working? days",
    "as per <reference-noun>",
]
CLASSES = {"reference-noun": ["sample", "standard", "drawing"]}


def _shape(group):
    """What a group matches with: phrase, window, anchors, sequences (as a set of
    first-word/rest pairs) and the Matcher's patterns."""
    pairs = set()
    if group.sequences is not None:
        pairs = {(h, rest) for h, rests in group.sequences.first.items() for rest in rests}
    patterns = None if group.matcher is None else [[dict(spec) for spec in p] for p in group.matcher.patterns]
    return group.phrase, group.reach, group.anchors, pairs, patterns


def test_stored_groups_equal_the_built_ones():
    nlp = spacy.blank("en")
    built = PhraseSet(nlp, PHRASES, CLASSES)
    copy = pickle.loads(pickle.dumps(built))
    assert isinstance(copy._groups, GroupTable) and not copy._groups._made
    assert len(copy._groups) == len(built._groups) >= len(PHRASES)
    assert [_shape(g) for g in copy._groups] == [_shape(g) for g in built._groups]
    # stored again after loading: the same columns, nothing re-encoded
    again = pickle.loads(pickle.dumps(copy))
    assert again._groups.columns == copy._groups.columns


def test_a_loaded_set_makes_only_the_groups_a_clause_tries():
    nlp = spacy.blank("en")
    built = PhraseSet(nlp, PHRASES, CLASSES)
    copy = pickle.loads(pickle.dumps(built))
    doc = nlp("Ship as soon as possible, as per sample.")
    assert copy.matches(doc) == built.matches(doc) and len(built.matches(doc)) == 2
    assert 0 < len(copy._groups._made) < len(copy._groups)


def test_the_built_in_lexicon_rules_match_alike_after_pickling():
    linter = Linter(specllint.Config(select=["SPL1"]))
    copy = pickle.loads(pickle.dumps(linter))
    text = (
        "Ship ASAP. Colour as per the approved sample; finish to be acceptable to the buyer.\n"
        "Packing: standard export cartons, durable, high quality, soft-touch handle.\n"
        "Delivery within a reasonable time, unless otherwise agreed, per industry standard.\n"
    )
    assert copy.lint(text).findings == linter.lint(text).findings
    assert linter.lint(text).findings, "the sample text has findings"
    sets = [v for r in copy.runners if isinstance(r.kind, LexiconKind)
            for v in vars(r.kind).values() if isinstance(v, PhraseSet) and v]
    assert sets and all(isinstance(s._groups, GroupTable) for s in sets)


def test_groups_made_from_several_threads_are_equal():
    nlp = spacy.blank("en")
    copy = pickle.loads(pickle.dumps(PhraseSet(nlp, PHRASES, CLASSES)))
    table = copy._groups
    seen: list[list] = []

    def make() -> None:
        seen.append([_shape(table[g]) for g in range(len(table))])

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 4 and all(s == seen[0] for s in seen)
