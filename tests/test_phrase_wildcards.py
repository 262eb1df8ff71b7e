"""The phrase notation: the ``*`` slot (one content word or one hyphenated word) and slot alternatives."""

from __future__ import annotations

import pytest
import spacy

from specllint.phrases import split_alternatives
from specllint.phraseset import PhraseSet
from specllint.vocabulary import classes

DOC = "per the *{1,2} 's *{0,2} document"


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _found(nlp, phrase: str, text: str) -> list[str]:
    doc = nlp(text)
    return [doc[m.start : m.end].text for m in PhraseSet(nlp, [phrase], classes()).matches(doc)]


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        (DOC, "Pins per the customer's pin-out document.", "per the customer's pin-out document"),
        (DOC, "Pins per the customer's final pin-out document.", "per the customer's final pin-out document"),
        ("as seen in the * room", "Grain as seen in the mock-up room.", "as seen in the mock-up room"),
        ("the * standard", "Threads to the in-house standard.", "the in-house standard"),
        ("same *? as before", "Same follow-up as before.", "Same follow-up as before"),
    ],
)
def test_wildcard_takes_a_hyphenated_word(nlp, phrase: str, text: str, expected: str) -> None:
    assert _found(nlp, phrase, text) == [expected]


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        # a dash with spaces around it separates words, it does not join them
        (DOC, "Pins per the customer's pin - out document."),
        # the repeat still counts words: two words do not fit one slot
        ("as seen in the * room", "Grain as seen in the big mock-up room."),
        ("the *{0,1} standard", "Threads to the usual in-house standard."),
        # a number is not a content word, hyphenated or not
        ("the * standard", "Threads to the 2-ply standard."),
    ],
)
def test_wildcard_does_not_overreach(nlp, phrase: str, text: str) -> None:
    assert _found(nlp, phrase, text) == []


@pytest.mark.parametrize(
    ("slot", "alternatives"),
    [
        (",|;|.|)", [",", ";", ".", ")"]),  # a bracket without its partner is a literal
        ("≥|>", ["≥", ">"]),
        ("(|[", ["(", "["]),
        ("a|<x|y>|c", ["a", "<x|y>", "c"]),  # a class name keeps its bar
        ("(water|oil)-repellent|waterproof", ["(water|oil)-repellent", "waterproof"]),
        ("<a>|(b|c)|d", ["<a>", "(b|c)", "d"]),
    ],
)
def test_slot_alternatives_split_outside_classes_and_groups(slot, alternatives):
    assert split_alternatives(slot) == alternatives


def test_a_closing_bracket_can_be_one_of_the_alternatives():
    nlp = spacy.blank("en")
    phrases = PhraseSet(nlp, ["agrees ,|)"])
    assert [(m.start, m.end) for m in phrases.matches(nlp("the planner agrees) and"))] == [(2, 4)]
    assert [(m.start, m.end) for m in phrases.matches(nlp("the planner agrees, and"))] == [(2, 4)]
    assert phrases.matches(nlp("the planner agrees and")) == []
