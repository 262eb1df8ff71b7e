"""Shortcuts of the clause pass give the same findings as the long way round: rules skipped
on clauses without their trigger words, the Matcher run on a window of the clause, the
memo of property look-ups, and built-in patterns matched without the time limit."""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
import pytest
import spacy
from generated import contracts_text

import specllint
from specllint import userpatterns
from specllint.engine import Linter
from specllint.kinds.lexicon import LexiconKind
from specllint.phraseset import PhraseSet
from specllint.suggest import PropertyBook


def _corpus(n: int, seed: int) -> str:
    return contracts_text(n, seed)


TEXT = _corpus(4, seed=11) + "\n\nShip ASAP. Colour as per sample; eco-friendly, ecofriendly and soft-ish packaging.\n"


def _report(linter: Linter, text: str) -> list[tuple]:
    return [attrs.astuple(f) for f in linter.lint(text).findings]


def test_skipping_clauses_without_trigger_words_changes_no_finding():
    gated = Linter(specllint.Config())
    ungated = Linter(specllint.Config())
    for runner in ungated.clause_runners:
        runner.kind.triggers = lambda: None  # type: ignore[method-assign]
    ungated._gates.clear()  # computed when the linter was built: compute them again
    assert ungated._gate(ungated.clause_runners[0])[1] is None
    assert any(gated._gate(r)[1] is not None for r in gated.clause_runners)
    assert _report(gated, TEXT) == _report(ungated, TEXT)
    assert _report(gated, TEXT), "the corpus sample has findings"


def test_lexicon_triggers_cover_fused_compounds():
    linter = Linter(specllint.Config(select=["SPL101"]))
    kind = linter.clause_runners[0].kind
    assert isinstance(kind, LexiconKind)
    triggers = kind.triggers()
    assert triggers is not None and triggers.words
    assert triggers.fragments, "fused compounds (*-friendly) have endings, not words"
    assert any(f in "packaging must be zorbfriendly" for f in triggers.fragments)
    assert "zorbfriendly" not in triggers.words
    found = [f.text for f in linter.lint("The packaging must be zorbfriendly.").findings]
    assert found == ["zorbfriendly"]  # the clause is not skipped: it holds an ending


def test_matcher_window_finds_what_the_whole_clause_does():
    nlp = spacy.blank("en")
    phrases = ["as soon as possible", "a|an * finish", "up to # days", "soft{1,2} touch", "within|in * working? days"]
    windowed = PhraseSet(nlp, phrases)
    whole = PhraseSet(nlp, phrases)
    whole._groups = [attrs.evolve(g, reach=0) for g in whole._groups]
    assert any(g.reach for g in windowed._groups), "some group runs on a window"
    texts = [
        "Deliver as soon as possible, with a glossy finish and up to 5 days of delay.",
        "Colour red. " * 12 + "A matte finish, soft soft touch, within ten working days.",
        "Nothing to see here at all, " * 5 + "in 3 days or an even finish at the end",
    ]
    for text in texts:
        doc = nlp(text)
        assert windowed.matches(doc) == whole.matches(nlp(text))
        assert windowed.matches(doc), text


def test_property_lookup_memo_returns_the_same_property():
    book = PropertyBook(spacy.blank("en"))
    fresh = PropertyBook(spacy.blank("en"))
    cases = [(["good", "quality"], ("general",)), (["soft"], ("fabric", "general")), (["nothing"], ("general",))]
    for words, topics in cases:
        first = book.resolve(words, topics)
        assert book.resolve(words, topics) == first == fresh.resolve(list(words), list(topics))
    assert book.resolve([], ("general",)) is None


def test_builtin_rule_files_are_trusted_and_others_not():
    linter = Linter(specllint.Config())
    assert all(userpatterns.trusted(r.source) for r in linter.all_rules)
    with tempfile.TemporaryDirectory() as tmp:
        assert not userpatterns.trusted(str(Path(tmp, "SPL999-x.toml")))
    assert not userpatterns.trusted("")


@pytest.mark.parametrize("text", ["Ship ASAP.", "Lead time: about 3 weeks or so.", ""])
def test_single_clauses_agree_with_and_without_gates(text: str):
    gated = Linter(specllint.Config())
    ungated = Linter(specllint.Config())
    for runner in ungated.clause_runners:
        runner.kind.triggers = lambda: None  # type: ignore[method-assign]
    assert _report(gated, text) == _report(ungated, text)


def test_matching_for_times_only_patterns_from_other_packs():
    builtin = Linter(specllint.Config()).all_rules[0].source
    assert userpatterns.matching_for(builtin) is userpatterns.DIRECT
    assert userpatterns.matching_for("") is userpatterns.TIMED
    pattern = userpatterns.compile_pattern(r"as\s+soon")
    for run in (userpatterns.DIRECT, userpatterns.TIMED):
        assert run.search(pattern, "ship as soon as possible").start() == 5
        assert [m.start() for m in run.finditer(pattern, "as soon, as  soon")] == [0, 9]


def test_every_matcher_of_the_built_in_pack_builds():
    # built-in Matchers are built on first use, without the up-front check user packs get,
    # so every one of them is built here: a bad pattern in a shipped rule fails this test
    linter = Linter(specllint.Config())
    built = 0
    for runner in linter.runners:
        kind = runner.kind
        if not isinstance(kind, LexiconKind):
            continue
        for value in vars(kind).values():
            if not isinstance(value, PhraseSet):
                continue
            for group in value._groups:
                if group.matcher is not None:
                    assert len(group.matcher._build()) == 1
                    built += 1
    assert built > 100


def test_user_pack_patterns_are_checked_when_the_rule_is_built():
    import re

    from specllint.phrase_groups import LazyMatcher

    nlp = spacy.blank("en")
    bad = [[{"LOWER": {"REGEX": "("}}]]
    with pytest.raises(re.error):
        LazyMatcher(nlp.vocab, bad, check=True)
    lazy = LazyMatcher(nlp.vocab, bad, check=False)  # the built-in pack's way: deferred
    with pytest.raises(re.error):
        lazy(nlp("x"))
