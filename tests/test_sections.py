"""Section presence: concrete vs vague statements, structure, profiles, placement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from generated import contracts

import specllint
from specllint import section_scan, sections
from specllint.kinds.base import DocumentContext
from specllint.model import SECTION_IDS, to_dict
from specllint.section_gates import word_prefixes
from specllint.section_spec import SectionDataError, parse_section_data, section_data
from specllint.segmentation import segment

ROOT = Path(__file__).resolve().parent.parent
SECTIONS_ONLY = specllint.Config(select=["SPL401"], plugins=False)

# (section, concrete statement, statement that names the section but cannot be verified)
CASES = [
    ("product-description", "Product: insulated bottle, model WB-750.", "Product: insulated bottle, nice design."),
    ("product-description", "As per approved sample S-0412 dated 2026-04-02.", "As per sample."),
    ("material", "Material: 304 stainless steel.", "Material: high quality stainless steel."),
    ("material", "Fabric: 100 % cotton single jersey, 180 gsm.", "Fabric: soft cotton."),
    ("material", "Housing: ABS, lid: PP.", "Housing: durable plastic."),
    ("dimensions", "Size: 55 x 32 x 22 cm.", "Size: about 600 x 600."),
    ("dimensions", "Blade length 200 mm.", "Size: medium."),
    ("tolerances", "Height 265 mm ± 1 mm.", "Height 265 mm, tolerance as usual."),
    ("tolerances", "General tolerances ISO 2768-m.", "General tolerances per ISO 2768."),
    ("tolerances", "Wall thickness 0.6 mm min.", "Wall thickness 0.6 mm."),
    ("quantity", "Quantity: 5,000 pcs.", "Quantity: about 5,000 pcs."),
    ("quantity", "Order: 6,000 sets.", "Quantity: to be confirmed."),
    ("unit-price", "Unit price: USD 2.10 per piece FOB Ningbo.", "Price: 2.10 per piece."),
    ("unit-price", "Price: EUR 8.00 per piece.", "Price: around USD 35 per set depending on steel price."),
    ("packaging", "Packing: 24 pcs per 5-ply export carton, max. 14 kg gross.", "Packing: standard export packing."),
    ("packaging", "Carton passes ISTA 1A drop test.", "Packing: strong cartons suitable for export."),
    ("marking-labeling", "Marking: EAN-13 barcode label on each gift box.", "Labels: as per buyer's requirement."),
    ("marking-labeling", "Buyer's logo laser-engraved on the lid, 30 x 12 mm.", "Logo: printing as customer's design."),
    ("certifications", "Certifications: CE and RoHS test reports by SGS.", "Certificates: as required by the market."),
    ("certifications", "Toys shall comply with EN 71-3.", "Factory certified to ISO 9001."),
    ("acceptable-defect-level", "AQL 2.5 major / 4.0 minor per ISO 2859-1.", "Quality: no major defects."),
    ("acceptable-defect-level", "Defective pieces must not exceed 1.5 % of any lot.",
     "Quality: good, no obvious defects."),
    ("inspection", "Third-party pre-shipment inspection by SGS at AQL 2.5 before the buyer confirms receipt.",
     "Inspection: buyer may send an inspector if required."),
    ("inspection", "Inspection: buyer's QC inspects during production.", "Inspection: supplier's QC checks 100 %."),
    ("shipment-date", "Shipment on or before 2026-06-10.", "Shipment: ASAP."),
    ("shipment-date", "Shipment within 45 days after receipt of the 30 % deposit.",
     "Shipment: 30 days after sample approval."),
    ("shipment-date", "Ship by 8 May 2026.", "Delivery: approximately 40 days after order confirmation."),
    ("payment-terms", "Payment through Trade Assurance: 30 % deposit, 70 % balance before shipment.",
     "Payment: 30 % deposit by T/T, balance before shipment."),
    ("payment-terms", "Payment via the platform: 30 % deposit.",
     "Payment: 30 % deposit on the platform; balance by T/T outside the platform to save fees."),
    ("dispute-evidence", "The SGS inspection report is binding for any claim.", "Disputes: settled by negotiation."),
    ("dispute-evidence", "Claims must be raised within 15 days after arrival of the goods.",
     "Warranty: 1 year."),
]


def _sections(text: str, **config) -> dict:
    cfg = SECTIONS_ONLY.evolve(**config) if config else SECTIONS_ONLY
    return specllint.lint(text, config=cfg).sections


@pytest.mark.parametrize(("section", "concrete", "vague"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_concrete_statement_counts_and_vague_one_does_not(section, concrete, vague):
    assert _sections(concrete)[section].present, concrete
    assert not _sections(vague)[section].present, vague


def test_report_has_exactly_the_fourteen_sections_in_order():
    assert tuple(_sections("Quantity: 5,000 pcs.")) == SECTION_IDS


def test_status_records_the_clauses_that_state_a_section():
    text = "1. Material: 304 stainless steel.\n2. Quantity: 5,000 pcs.\n"
    status = _sections(text)["quantity"]
    assert status.clauses == ("2",)
    assert [text[s:e] for s, e in status.spans] == ["Quantity: 5,000 pcs."]


@pytest.mark.parametrize(
    "text",
    [
        "## Inspection\nThird-party inspection by SGS.\nTiming: before shipment, when 100 % packed.\n",
        "5. Inspection\n   (a) by SGS as a third party\n   (b) before shipment\n",
        "Inspection: by SGS (third party), before shipment.\n",
        "Before shipment the goods get a third-party inspection by SGS.\n",
    ],
    ids=["heading-group", "numbered-group", "key", "prose"],
)
def test_heading_numbered_key_and_prose_all_count(text):
    assert _sections(text)["inspection"].present


def test_group_does_not_combine_evidence_under_an_unrelated_heading():
    text = "## Notes\nThird-party laboratory.\nBefore shipment the cartons are sealed.\n"
    assert not _sections(text)["inspection"].present


def test_sections_are_found_in_any_order():
    lines = [c[1] for c in CASES[::3]]
    forward = _sections("\n".join(lines))
    backward = _sections("\n".join(reversed(lines)))
    assert {k: v.present for k, v in forward.items()} == {k: v.present for k, v in backward.items()}


def test_table_with_header_reads_cells_as_fields():
    text = "| Item | Qty | Unit price (USD) |\n|---|---|---|\n| WB-750 | 5,000 pcs | 2.10 per piece |\n"
    got = _sections(text)
    assert got["quantity"].present and got["unit-price"].present


def test_two_column_table_reads_first_cell_as_key():
    text = "| Field | Value |\n|---|---|\n| Material | 304 stainless steel |\n| Size | 70 x 250 mm |\n"
    got = _sections(text)
    assert got["material"].present and got["dimensions"].present


def test_carton_size_is_not_a_product_dimension():
    assert not _sections("Packing: 24 pcs per carton, carton size 60 x 40 x 30 cm.")["dimensions"].present


def test_placeholder_from_a_template_does_not_count():
    assert not _sections("Shipment: on or before ⟨YYYY-MM-DD⟩.")["shipment-date"].present


def test_front_matter_shipment_date_makes_the_section_present():
    text = "---\nshipment-date: 2026-06-30\n---\nProduct: bottle WB-750.\n"
    status = _sections(text)["shipment-date"]
    assert status.present and status.clauses == ("front-matter",)
    assert text[slice(*status.spans[0])] == "shipment-date: 2026-06-30"


@pytest.mark.parametrize(
    ("config", "required"),
    [
        ({}, set(SECTION_IDS)),
        ({"sections_profile": "none"}, set()),
        ({"sections_profile": "basic"}, set(section_data().profiles["basic"])),
        ({"sections_profile": "dispute"}, set(section_data().profiles["dispute"])),
        ({"sections_profile": "none", "required_sections": ["material", "quantity"]}, {"material", "quantity"}),
        ({"required_sections": []}, set()),
    ],
)
def test_profiles_and_explicit_list_set_required(config, required):
    got = _sections("Product: bottle.", **config)
    assert {sid for sid, st in got.items() if st.required} == required
    findings = specllint.lint("Product: bottle.", config=SECTIONS_ONLY.evolve(**config)).findings
    assert len([f for f in findings if f.code == "SPL401"]) == len(required)


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"sections_profile": "everything"}, "sections-profile"),
        ({"required_sections": ["colour"]}, "required-sections"),
    ],
)
def test_unknown_profile_or_section_is_a_config_error_naming_the_key(config, key):
    with pytest.raises(specllint.ConfigError, match=key):
        specllint.Config(**config)
    with pytest.raises(specllint.ConfigError, match=key):
        specllint.lint("x", config={k.replace("_", "-"): v for k, v in config.items()})


def test_missing_section_points_at_the_vague_clause():
    text = "Product: bottle WB-750.\nInspection: buyer may send an inspector if required.\n"
    report = specllint.lint(text, config=SECTIONS_ONLY.evolve(required_sections=["inspection"]))
    (finding,) = report.findings
    assert finding.text == "Inspection: buyer may send an inspector if required."
    assert "not stated concretely" in finding.message
    assert finding.suggestions and "⟨" in finding.suggestions[0]


def test_absent_section_is_zero_length_where_it_belongs():
    text = "Material: 304 stainless steel.\nQuantity: 5,000 pcs.\n"
    report = specllint.lint(text, config=SECTIONS_ONLY.evolve(required_sections=["dimensions", "product-description"]))
    by_section = {f.message.split("“")[1].split("”")[0]: f for f in report.findings}
    after_material = text.index("\nQuantity")
    assert (by_section["Dimensions"].start, by_section["Dimensions"].end) == (after_material, after_material)
    assert by_section["Product description"].start == 0  # before the first section present
    assert all(f.suggestions for f in report.findings)


def test_templates_option_overrides_a_suggestion(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (ROOT / "rules/document/SPL401-missing-section.toml").read_text(encoding="utf-8")
    rule = rule.replace('code = "SPL401"', 'code = "XSP401"').split("[examples]")[0]
    rule += '\n[options]\ntemplates = { inspection = "Inspection: by Acme Labs before shipment." }\n'
    (pack / "XSP401.toml").write_text(rule, encoding="utf-8")
    config = specllint.Config(select=["XSP401"], packs=[str(pack)], plugins=False, required_sections=["inspection"])
    (finding,) = specllint.lint("Product: bottle.", config=config).findings
    assert finding.suggestions == ("Inspection: by Acme Labs before shipment.",)


def test_report_sections_are_json_safe():
    report = specllint.lint((ROOT / "corpora/contracts/dev-bottles-complete.md").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(to_dict(report)))
    assert set(data["sections"]) == set(SECTION_IDS)
    assert data["sections"]["material"]["spans"][0][1] > data["sections"]["material"]["spans"][0][0]


def _evaluate(text: str) -> dict:
    segs, heads, _ = segment(text)
    document = DocumentContext(text, tuple(segs), tuple(heads), {}, None, specllint.Config())
    return sections.evaluate(document)


def _generated_contracts(count: int, seed: int) -> list[str]:
    return contracts(count, seed)


def test_gates_never_change_a_result(monkeypatch):
    """The cheap pre-checks must let through everything the patterns can match."""
    corpus = sorted((ROOT / "corpora/contracts").glob("*.*"))
    texts = [p.read_text(encoding="utf-8") for p in corpus if p.suffix != ".json"]
    texts += [c[1] for c in CASES] + [c[2] for c in CASES]
    texts += _generated_contracts(12, seed=5)
    texts += [c[1] for c in LAYOUT_CASES] + [c[2] for c in LAYOUT_CASES]
    texts += [  # glued and unusual spellings the word gates must still let through
        "Size: 60cmx40cmx30cm.", "Carton: 24pcs/ctn, 0.05mm PEbag each.",
        "Tolerance per approved drawing DWG-1102 rev. B.",
        "Payment: 30 % T/T deposit via Trade Assurance, balance D/P.", "Batteries tested to UN38.3 and EN 62133.",
        "Toys comply with EN71-3; fit H7/g6; GD&T per ASME Y14.5.", "Unit price: A$ 4.20/pc FOB Ningbo.",
    ]
    gated = [_evaluate(t) for t in texts]
    monkeypatch.setattr(section_scan, "USE_GATES", False)
    assert [_evaluate(t) for t in texts] == gated


def test_pattern_by_pattern_search_gives_the_alternations_matches():
    """Searching the patterns one by one (when some pattern gates fail) must give the
    spans the alternation itself gives, overlaps and ties included."""
    import regex

    parts = [r"\d+ mm", r"mm \w+", r"\d+", r"(?<=x)y+", r"ab|abc"]
    texts = ["12 mm wide and 3 mm long", "xyyy 4", "abc ab 7 mm mm x", "", "nothing here"]
    for text in texts:
        for keep in ([0, 1], [1, 2], [0, 2, 3], [2, 4], [0, 1, 2, 3, 4]):
            patterns = [regex.compile(parts[i]) for i in keep]
            joined = regex.compile("|".join(f"(?:{parts[i]})" for i in keep))
            assert section_scan._alternation(patterns, text) == [m.span() for m in joined.finditer(text)], (text, keep)


def test_pattern_gates_and_folded_tokens_are_read_from_the_data():
    raw = {"sections": {sid: {"topic": "x", "signals": {"a": {"patterns": ["a"]}}, "require": [["a"]]}
                        for sid in SECTION_IDS}}
    raw["sections"]["packaging"]["signals"]["a"]["patterns"] = [
        "ply", {"pattern": "bag", "gate": [["~bag", "#len"]]},
    ]
    signal = parse_section_data(raw).spec("packaging").signals[0]
    assert signal.parts == ("ply", "bag")
    (group,) = signal.part_gates[1]
    assert group.folded == ("bag",) and group.features == {"#len"}
    assert group.literal_rx.search("POLYBAGS") and not group.literal_rx.search("bg")
    raw["sections"]["packaging"]["signals"]["a"]["patterns"] = [{"gate": [["x"]]}]
    with pytest.raises(SectionDataError, match="packaging"):
        parse_section_data(raw)


def test_only_one_view_at_a_time_is_alive():
    """Views are read and dropped one by one: none is kept while a later one is scanned."""
    import gc
    import weakref

    from specllint import section_views

    text = "# Packing\n\n" + "".join(f"{i}. Carton {i}: 24 pcs per 5-ply carton.\n" for i in range(1, 40))
    alive: list[weakref.ref] = []
    real = section_views.iter_views

    def watched(*args):
        alive.clear()  # each pass over the views counts on its own
        for view in real(*args):
            gc.collect()
            assert sum(r() is not None for r in alive) <= 1
            alive.append(weakref.ref(view))
            yield view

    import specllint.sections as sections_module

    sections_module.iter_views = watched
    try:
        assert _evaluate(text)["packaging"].present
    finally:
        sections_module.iter_views = real


def test_word_prefixes_are_derived_from_word_alternations():
    assert word_prefixes(r"\b(?:materials?|made (?:of|from)|box(?:es)?)\b") == ("material", "made", "box")
    assert word_prefixes(r"\b(?-i:ETD|PO)\b") == ("etd", "po")
    assert word_prefixes(r"\d+ mm") is None


def test_bad_section_data_is_reported():
    raw = {"sections": {sid: {"topic": "x", "signals": {"a": {"patterns": ["a"]}}, "require": [["a"]]}
                        for sid in SECTION_IDS}}
    parse_section_data(raw)
    raw["sections"]["material"]["require"] = [["nope"]]
    with pytest.raises(SectionDataError, match="material"):
        parse_section_data(raw)
    del raw["sections"]["material"]
    with pytest.raises(SectionDataError, match="14 ids"):
        parse_section_data(raw)


# (section, text that states it only through its layout, the same facts without that layout)
LAYOUT_CASES = [
    # an answer is read with the question before it
    ("shipment-date", "Buyer: ship date?\n\nSeller: 2026-05-25 latest\n",
     "Buyer: colour?\n\nSeller: 2026-05-25 latest\n"),
    # a question and its answer together state channel and terms
    ("payment-terms", "Buyer: Payment through Alibaba, 30% now?\n\nSeller: Yes, 30% deposit, balance later.\n",
     "Buyer: Payment by T/T, 30% now?\n\nSeller: Yes, 30% deposit, balance later.\n"),
    # the first cell of a table row names the row for its other cells
    ("dimensions", "| Parameter | Nominal |\n|---|---|\n| Overall height | 365 mm |\n",
     "| Parameter | Nominal |\n|---|---|\n| Finish | 365 mm |\n"),
    # tab-separated lines with a header row read as a table
    ("quantity", "Line\tPart no.\tQty (pcs)\n1\tHB-1\t50,000\n", "Line\tPart no.\tNote\n1\tHB-1\t50,000\n"),
    # several labelled lines in one clause, full-width colons and counters included
    ("quantity", "■ 品番 Item：BX-780\n■ 数量 Quantity：5,000個 pcs\n",
     "■ 品番 Item：BX-780\n■ 备注 Note：5,000個 pcs\n"),
    # a marking whose size and position are still to be confirmed is not concrete
    ("marking-labeling", "Logo: your logo as a sticker on the deck, 40 x 20 mm.",
     "Logo: your logo as a sticker on the deck; size and position to be confirmed."),
]


@pytest.mark.parametrize(("section", "stated", "unstated"), LAYOUT_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(LAYOUT_CASES)])
def test_layout_carries_context(section, stated, unstated):
    assert _sections(stated)[section].present, stated
    assert not _sections(unstated)[section].present, unstated


def test_the_default_profile_is_defined_by_the_data_and_used_by_config():
    # section_config_problem skips reading the data file for the default profile.
    from specllint.section_spec import DEFAULT_PROFILE, profiles

    assert specllint.Config().sections_profile == DEFAULT_PROFILE
    assert set(profiles()[DEFAULT_PROFILE]) == set(SECTION_IDS)
    assert set(section_data().profiles) == set(profiles())
