"""Language rules: generalisation (inflection, spelling, hyphenation, hedges), context
exceptions, suggestions by topic, fixes and the accept/reject vocabulary."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import specllint
from specllint.engine import get_linter
from specllint.kinds.base import ClauseContext
from specllint.morphology import default_morphology, forms
from specllint.phrases import PhraseError
from specllint.phraseset import PhraseSet
from specllint.vocabulary import classes

CONFIG = specllint.Config(select=["SPL1", "SPL301"], plugins=False, sections_profile="none")


def flagged(text: str, config: specllint.Config = CONFIG) -> dict[str, str]:
    """Flagged text -> category."""
    return {f.text: f.category for f in specllint.lint(text, config=config).findings}


def findings(text: str, code: str):
    return [f for f in specllint.lint(text, config=CONFIG).findings if f.code == code]


# -- morphology ----------------------------------------------------------------------------


def test_adjective_forms_include_comparatives_and_adverbs():
    assert {"stronger", "strongest", "strongly"} <= forms("strong")
    assert {"softer", "sturdier", "easily"} <= forms("soft") | forms("sturdy") | forms("easy")
    assert {"better", "best"} <= forms("good")
    assert "goods" not in forms("good") and "lights" not in forms("light")
    assert "highly" not in forms("high")  # "highly" is a hedge, not a form of "high"


def test_verb_and_noun_forms():
    assert {"varies", "varied", "varying"} <= forms("vary")
    assert {"tried", "trying"} <= forms("try")
    assert {"samples"} <= forms("sample") and "teeth" in forms("tooth")
    assert {"labelled", "labeled", "labelling"} <= forms("label", "verb")


@pytest.mark.parametrize(
    ("british", "american"),
    [("colour", "color"), ("finalise", "finalize"), ("grey", "gray"), ("metre", "meter"),
     ("aluminium", "aluminum"), ("organisation", "organization"), ("analyse", "analyze"), ("mould", "mold")],
)
def test_spelling_variants_go_both_ways(british, american):
    morph = default_morphology()
    assert american in morph.spellings(british)
    assert british in morph.spellings(american)


# -- phrase patterns -------------------------------------------------------------------------

NLP = spacy.blank("en")


def _matched(phrases: list[str], text: str) -> list[str]:
    doc = NLP(text)
    return [doc[m.start : m.end].text for m in PhraseSet(NLP, phrases, classes()).matches(doc)]


@pytest.mark.parametrize("text", ["eco-friendly bag", "eco friendly bag", "ecofriendly bag", "Eco-Friendly bag"])
def test_compound_matches_hyphenated_spaced_and_fused(text):
    assert _matched(["eco-friendly"], text) == [text.rsplit(" ", 1)[0]]


def test_wildcard_compound_generalises_but_skips_listed_words():
    assert _matched(["*-friendly"], "skin-friendly and userfriendly, upgrade") == ["skin-friendly", "userfriendly"]
    assert _matched(["*-grade"], "an upgrade to medical-grade steel") == ["medical-grade"]


def test_multiword_alternatives_classes_and_quantifiers():
    assert _matched(["before|ahead_of <holiday>"], "ship ahead of Chinese New Year") == ["ahead of Chinese New Year"]
    with pytest.raises(PhraseError, match="unknown word class <subj>"):
        _matched(["no <subj> *{1,3}"], "no obvious gate marks")
    phrases = ["no obvious|visible *{1,3}"]
    assert _matched(phrases, "no obvious gate marks or flash") == ["no obvious gate marks"]


# -- generalisation through the rules --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "category"),
    [
        ("The new housing must be stronger than the old one.", "stronger", "vague-term"),
        ("Use the best quality cotton.", "best quality", "vague-term"),
        ("Cushion covers softer than last season.", "softer", "vague-term"),
        ("Zipper must run smoothly.", "smoothly", "vague-term"),
        ("Fabric colour-fast, trims colorfast.", "colour-fast", "vague-term"),
        ("Odourless foam, odorless glue.", "Odourless", "vague-term"),
        ("Kraft bag, eco friendly.", "eco friendly", "vague-term"),
        ("Shopping bag in ecofriendly PP.", "ecofriendly", "vague-term"),
        ("Collar pet-friendly.", "pet-friendly", "vague-term"),
        ("Tray in foodgrade PP.", "foodgrade", "vague-term"),
        ("Buckle in medical-grade steel.", "medical-grade", "vague-term"),
        ("Leather in premium-grade hide.", "premium-grade", "vague-term"),
        ("Lid leak proof, case leakproof.", "leak proof", "vague-term"),
        ("Frame reasonably strong.", "reasonably strong", "vague-term"),
        ("Cushion fairly soft.", "fairly soft", "vague-term"),
        ("Walls sufficiently thick.", "sufficiently thick", "vague-term"),
        ("VOC as low as possible.", "as low as possible", "vague-term"),
        ("Seams as invisible as practicable.", "as invisible as practicable", "vague-term"),
        ("Ship as soon as possible.", "as soon as possible", "vague-time"),
        ("Edges deburred as far as possible.", "as far as possible", "escape-clause"),
        ("Colour matched to the sample.", "matched to the sample", "unspecified-reference"),
        ("Tested at the usual lab.", "the usual lab", "unspecified-reference"),
        ("Steel same grade as previous lots.", "same grade as previous lots", "unspecified-reference"),
        ("Carton marking same as last order.", "same as last order", "unspecified-reference"),
        ("Hang tag as per artwork.", "as per artwork", "unspecified-reference"),
        ("Thread colours as discussed.", "as discussed", "unspecified-reference"),
        ("Delivery mid-March.", "mid-March", "vague-time"),
        ("Goods must arrive before end of season.", "end of season", "vague-time"),
        ("Ship when ready.", "when ready", "vague-time"),
        ("Delivery early next month.", "early next month", "vague-time"),
        ("Lead time around 35 days.", "around 35 days", "vague-time"),
        ("Fill weight approx. 550 g.", "approx. 550 g", "approximation"),
        ("Colours red, blue etc.", "etc.", "open-ended"),
        ("PP or similar.", "or similar", "escape-clause"),
        ("No obvious scratches.", "No obvious scratches", "subjective-acceptance"),
        ("Balance by Western Union.", "Western Union", "off-platform-payment"),
        ("Deposit in USDT to our wallet.", "USDT", "off-platform-payment"),
    ],
)
def test_generalises_beyond_the_examples(text, expected, category):
    found = flagged(text)
    assert found.get(expected) == category, found


@pytest.mark.parametrize(
    "text",
    [
        "Strength: tensile ≥ 350 MPa per ISO 6892-1.",
        "Durable: passes 10,000 cycles per EN 15570.",
        "Food-grade per FDA 21 CFR 177.1520, migration report by Intertek.",
        "Premium grade A per GB/T 1234-2019.",
        "High-carbon steel C45 per EN 10083-2.",
        "High-density polyethylene bottle, wall ≥ 0.6 mm.",
        "Standard deviation of fill weight ≤ 2 g.",
        "Best-before date printed as MM/YYYY.",
        "Made under Good Manufacturing Practice (ISO 22716).",
        "Soft-close hinges, 50,000 cycles per EN 15570.",
        "Resistant to strong acid.",
        "Fine thread M8×1, class 6g.",
        "Soft PVC, hardness 70 ± 5 Shore A per ISO 868.",
        "Heat resistant to 230 °C for 1 h.",
        "Thicker than 2 mm at every point.",
        "Colour as per approved sample S-104 dated 2026-02-11.",
        "Print as per artwork file LBL-22 rev C.",
        "Unless otherwise specified on drawing D-1021 rev B, ISO 2768-mK applies.",
        "Re-inspection at the buyer's discretion.",
        "Hinges Blum or equivalent approved in writing by the buyer.",
        "No scratches visible at 50 cm under D65.",
        "No payment outside the platform will be recognised.",
        "Western Union or personal transfers are not accepted.",
        "Ship ASAP, no later than 2026-03-15.",
        "Factory closed for Chinese New Year from 2027-02-03 to 2027-02-17.",
        "Sizes 10~12 mm, foam 28~32 kg/m³.",
    ],
)
def test_measurable_context_is_not_flagged(text):
    assert flagged(text) == {}


# -- suggestions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Fabric: high quality cotton jersey.", ["gsm", "ISO 105-C06"]),
        ("Bracket: strong steel plate.", ["MPa", "ISO 6892-1"]),
        ("Housing: ABS, strong.", ["ASTM D256"]),
        ("Export carton strong.", ["-ply", "ISTA"]),
        ("Speaker housing waterproof.", ["IEC 60529"]),
        ("Mugs with bright glaze colours.", ["Pantone", "ΔE", "D65"]),
        ("LED panel bright.", ["lm", "LM-79"]),
        ("Delivery mid-March.", ["⟨YYYY⟩-03-15"]),
        ("Colour as per sample.", ["approved sample ⟨ID⟩"]),
    ],
)
def test_suggestion_fits_the_clause(text, wanted):
    f = specllint.lint(text, config=CONFIG).findings[0]
    assert all(w in f.suggestions[0] for w in wanted), f.suggestions


def test_heading_decides_the_topic():
    text = "# Fabric\n\nShell: durable.\n"
    f = specllint.lint(text, config=CONFIG).findings[0]
    assert "Martindale" in f.suggestions[0]


def test_every_language_finding_has_a_suggestion():
    text = (
        "Soft, durable fabric as per sample, approx. 500 g, colours red, blue etc.; ship ASAP "
        "or when ready, zipper YKK or similar, no obvious defects, balance by MoneyGram."
    )
    found = specllint.lint(text, config=CONFIG).findings
    assert len({f.category for f in found}) == 8
    assert all(f.suggestions and all(s.strip() for s in f.suggestions) for f in found)


# -- fixes -------------------------------------------------------------------------------------------


def test_approximation_fix_uses_the_clause_value():
    [f] = findings("Hoodie weight approximately 500 g each.", "SPL102")
    assert f.suggestions[0] == "500 g ± ⟨10⟩ g"
    assert f.fix is not None and not f.fix.safe
    assert [(e.start, e.end, e.replacement) for e in f.fix.edits] == [(14, 33, "500 g ± ⟨10⟩ g")]


def test_approximation_with_a_tolerance_drops_the_hedge():
    [f] = findings("Accuracy around ±4 %.", "SPL102")
    assert f.fix.edits[0].replacement == "±4 %"


def test_other_language_rules_offer_no_fix():
    assert all(f.fix is None for f in specllint.lint("Soft fabric as per sample, ship ASAP.", config=CONFIG).findings)


# -- configuration -------------------------------------------------------------------------------------


def test_accept_silences_a_term_in_every_form():
    config = CONFIG.evolve(accept=("durable", "as per sample"))
    assert flagged("Durable, highly durable and sturdy; colour as per sample.", config) == {"sturdy": "vague-term"}


def test_reject_adds_vague_terms():
    config = CONFIG.evolve(reject=("fancy", "top-tier"))
    assert flagged("A fancy box with top tier print.", config) == {"fancy": "vague-term", "top tier": "vague-term"}


# -- a trained pipeline's part-of-speech tags are used when present ---------------------------------------


def test_pos_tags_override_a_context_word():
    kind = next(r.kind for r in get_linter(CONFIG).clause_runners if r.rule.code == "SPL101")
    doc = NLP("The colours are light.")
    ctx = ClauseContext(doc.text, 0, "1", None, "sentence", doc)
    assert [h.data["match"] for h in kind.check(ctx)] == ["light"]
    tagged = NLP("The colours are light.")
    for token, pos in zip(tagged, ["DET", "NOUN", "AUX", "NOUN", "PUNCT"], strict=True):
        token.pos_ = pos
    assert list(kind.check(ClauseContext(tagged.text, 0, "1", None, "sentence", tagged))) == []


# -- properties ----------------------------------------------------------------------------------------------

HEDGES = ["very", "super", "extra", "highly", "reasonably", "fairly", "sufficiently", "quite"]
TERMS = ["soft", "durable", "sturdy", "smooth", "comfortable", "eco-friendly", "strong", "glossy"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(HEDGES), st.sampled_from(TERMS), st.sampled_from(["Fabric", "Handle", "Panel"]))
def test_hedged_terms_are_flagged_with_their_hedge(hedge, term, noun):
    text = f"{noun}: {hedge} {term}."
    found = flagged(text)
    assert found.get(f"{hedge} {term}") == "vague-term", found


WORDS = ["soft", "~", "1.5", "mm", "±", "≥", "as", "per", "sample", "etc.", ",", "approx.", "Western", "Union",
         "-", "\n", "eco", "friendly", "no", "obvious", "not", "ASAP", "mid-March", "or", "similar", "S-104", "ÿ"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_findings_always_point_into_the_text(text):
    for f in specllint.lint(text, config=CONFIG).findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.text == text[f.start : f.end]


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        # "|" outside parentheses separates whole alternatives, compounds included
        ("in-house|factory standard", "to factory standard", ["factory standard"]),
        ("in-house|factory standard", "to in-house standard", ["in-house standard"]),
        ("in-house|factory standard", "to house standard", []),
        # a compound part with alternatives is grouped in parentheses
        ("(water|oil)-repellent", "oil-repellent and water repellent", ["oil-repellent", "water repellent"]),
        ("(water|oil)-repellent", "repellent", []),
        ("(trc|erc)-20", "USDT on trc-20", ["trc-20"]),
        ("eco-(friendly|safe)|green", "eco-safe and green", ["eco-safe", "green"]),
    ],
)
def test_alternatives_and_compound_groups(phrase: str, text: str, expected: list[str]):
    assert _matched([phrase], text) == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Accepted once the buyer agrees, then shipped.", "once the buyer agrees"),  # the comma is not flagged
        ("Ship a.s.a.p. after deposit.", "a.s.a.p."),  # an abbreviation keeps its full stop
    ],
)
def test_a_phrase_ending_on_punctuation_is_flagged_without_it(text, flagged):
    found = [f.text for f in specllint.lint(text, config={"select": ["SPL1"]}).findings]
    assert found == [flagged]
