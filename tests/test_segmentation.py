"""Segmentation: labels, kinds and exact offsets for each structure a contract uses."""

from __future__ import annotations

from specllint.segmentation import segment, split_front_matter


def spans(text: str) -> list[tuple[int, int, str, str]]:
    segs, _, _ = segment(text)
    return [(s.start, s.end, s.label, s.kind) for s in segs]


def test_numbered_clauses_exact_offsets():
    text = "1. Scope\n1.1 Material: 304 stainless steel\n3.2.1 Finish: brushed\n"
    assert spans(text) == [
        (3, 8, "1", "item"),
        (13, 42, "1.1", "item"),
        (49, 64, "3.2.1", "item"),
    ]
    assert text[13:42] == "Material: 304 stainless steel"


def test_lettered_items_inherit_number():
    text = "4.2 Packing:\n(a) inner polybag\nb) outer carton 5-ply\n(iii) pallet\n"
    got = spans(text)
    assert [g[2] for g in got] == ["4.2", "4.2(a)", "4.2(b)", "4.2(iii)"]
    assert [text[s:e] for s, e, _, _ in got] == ["Packing:", "inner polybag", "outer carton 5-ply", "pallet"]


def test_number_followed_by_unit_is_not_a_label():
    text = "1. Plates\n1.5 mm thick, flat\n"
    assert spans(text) == [(3, 28, "1", "item")]


def test_bullets_and_continuation_lines():
    text = "- first item\n* second item\n  continues here\n+ third\n"
    got = spans(text)
    assert [(text[s:e], k) for s, e, _, k in got] == [
        ("first item", "bullet"),
        ("second item\n  continues here", "bullet"),
        ("third", "bullet"),
    ]
    assert got[0][:2] == (2, 12)
    assert [g[2] for g in got] == ["L1", "L2", "L4"]


def test_key_value_lines_are_fields_with_keys():
    text = "Material: ABS\nColour: Pantone 186 C\n"
    segs, _, _ = segment(text)
    assert [(s.start, s.end, s.kind, s.key) for s in segs] == [
        (0, 13, "field", "Material"),
        (14, 35, "field", "Colour"),
    ]


def test_markdown_table_rows_with_header_as_context():
    text = "## Specs\n\n| Item | Value |\n|---|---|\n| Size | 10 mm |\n| Weight | 2 kg |\n"
    segs, heads, _ = segment(text)
    assert [(s.start, s.end, s.kind, s.heading) for s in segs] == [
        (39, 51, "table-row", "Specs / Item | Value"),
        (56, 69, "table-row", "Specs / Item | Value"),
    ]
    assert text[39:51] == "Size | 10 mm"
    assert [(h.start, h.end, h.level, h.text) for h in heads] == [(3, 8, 2, "Specs")]


def test_headings_are_context_not_clauses():
    text = "# Contract\n\n## 3. Quality\nNo cracks allowed.\n(a) edges deburred\n"
    segs, heads, _ = segment(text)
    assert [h.text for h in heads] == ["Contract", "3. Quality"]
    assert [(text[s.start:s.end], s.label, s.heading) for s in segs] == [
        ("No cracks allowed.", "L4", "3. Quality"),
        ("edges deburred", "3(a)", "3. Quality"),
    ]


def test_setext_heading():
    text = "Quality terms\n=============\nAQL 2.5 applies.\n"
    segs, heads, _ = segment(text)
    assert heads[0].text == "Quality terms" and heads[0].level == 1
    assert [(s.start, s.end) for s in segs] == [(28, 44)]


def test_long_paragraph_is_split_into_sentences():
    text = "The supplier ships by 2026-05-01. Max. weight is 18 kg per carton. Payment by T/T."
    got = spans(text)
    assert [(text[s:e], label) for s, e, label, _ in got] == [
        ("The supplier ships by 2026-05-01.", "L1"),
        ("Max. weight is 18 kg per carton.", "L1.2"),
        ("Payment by T/T.", "L1.3"),
    ]


def test_yaml_front_matter_is_metadata_not_prose():
    text = "---\norder-value: 12000\ncurrency: USD\n---\nMaterial: high quality steel\n"
    segs, _, front = segment(text)
    assert front is not None and front.format == "yaml"
    assert front.data == {"order-value": 12000, "currency": "USD"}
    assert (front.start, front.end) == (0, 41)
    assert [(s.start, s.end) for s in segs] == [(41, 69)]


def test_toml_front_matter():
    text = '+++\norder_value = 500\nshipment_date = 2026-06-01\n+++\nBody text.\n'
    front = split_front_matter(text)
    assert front is not None and front.format == "toml"
    assert front.data["order_value"] == 500
    assert text[front.end:] == "Body text.\n"


def test_bad_front_matter_is_reported_not_raised():
    front = split_front_matter("---\n: : [\n---\nText\n")
    assert front is not None and front.error and "YAML" in front.error
    front = split_front_matter("---\n- a list\n---\nText\n")
    assert front is not None and front.error and "table" in front.error


def test_unclosed_front_matter_is_prose():
    assert split_front_matter("---\nkey: value\nno closing fence\n") is None


def test_comments_and_code_fences_are_skipped():
    text = "<!-- note to self -->\nMaterial: ABS\n```\nnot: linted\n```\n<!--\nmulti\n-->\nColour: red\n"
    got = spans(text)
    assert [text[s:e] for s, e, _, _ in got] == ["Material: ABS", "Colour: red"]


def test_crlf_offsets():
    text = "1. Alpha\r\n2. Beta\r\n"
    assert [(text[s:e], label) for s, e, label, _ in spans(text)] == [("Alpha", "1"), ("Beta", "2")]


def test_empty_and_blank_text():
    assert spans("") == []
    assert spans("\n\n   \n") == []
