"""Exact, table-driven tests of quantity extraction: every grammar feature and trap.

Each row is (text, expected quantities). An expected quantity names its span as the exact
snippet of the text (its offsets are checked against the first occurrence after the
previous quantity), then value, unit and whatever else matters for the row.
"""

from __future__ import annotations

import math

import pytest

from specllint import Quantity, Tolerance, extract_quantities
from specllint.quantities import approximation_spans, chains

MM, CM, M, IN, FT = "millimeter", "centimeter", "meter", "inch", "foot"
G, KG = "gram", "kilogram"


def E(span: str, value: float, unit: str, **fields) -> dict:
    return {"span": span, "value": value, "unit": unit, **fields}


def T(plus: float, minus: float | None = None, relative: bool = False) -> Tolerance:
    return Tolerance(plus, plus if minus is None else minus, relative)


CASES: list[tuple[str, list[dict]]] = [
    # -- the Pint traps ------------------------------------------------------------------
    ("10 mm ± 0.2 mm", [E("10 mm ± 0.2 mm", 10, MM, tolerance=T(0.2))]),
    ("1,5 mm", [E("1,5 mm", 1.5, MM)]),
    ("Weight 2 kg (4.4 lb)", [E("2 kg (4.4 lb)", 2, KG, dual=E("4.4 lb", 4.4, "pound"))]),
    # -- numbers -------------------------------------------------------------------------
    ("10,000 pcs", [E("10,000 pcs", 10000, "piece", is_count=True)]),
    ("10 000 pcs", [E("10 000 pcs", 10000, "piece", is_count=True)]),
    ("Roll 1.234,5 m", [E("1.234,5 m", 1234.5, M)]),
    ("Blade 0,5 mm ± 0,02 mm", [E("0,5 mm ± 0,02 mm", 0.5, MM, tolerance=T(0.02))]),
    ("Cut 1,250 mm and 0,5 mm", [E("1,250 mm", 1.25, MM), E("0,5 mm", 0.5, MM)]),
    ("Cut 1,250 mm and 0.5 mm", [E("1,250 mm", 1250, MM), E("0.5 mm", 0.5, MM)]),
    ('Bolt 5/8" long', [E('5/8"', 0.625, IN)]),
    ("Size 10 1/2 in", [E("10 1/2 in", 10.5, IN)]),
    ("Pipe 1-1/2 in", [E("1-1/2 in", 1.5, IN)]),
    ("Shelf 10½ in deep", [E("10½ in", 10.5, IN)]),
    ("Gap .5 mm", [E(".5 mm", 0.5, MM)]),
    ("two dozen, three cartons, twenty-five pieces",
     [E("two dozen", 2, "dozen", is_count=True), E("three cartons", 3, "carton", is_count=True),
      E("twenty-five pieces", 25, "piece", is_count=True)]),
    ("one hundred pcs", [E("one hundred pcs", 100, "piece")]),
    # -- dimension chains ------------------------------------------------------------------
    ("Carton 100 × 75 × 2.5 mm", [E("100", 100, MM), E("75", 75, MM), E("2.5 mm", 2.5, MM)]),
    ("Box 60x40x35cm", [E("60", 60, CM), E("40", 40, CM), E("35cm", 35, CM)]),
    ("Plate 100*75*2.5 mm", [E("100", 100, MM), E("75", 75, MM), E("2.5 mm", 2.5, MM)]),
    ("Tray 100mm × 75mm", [E("100mm", 100, MM), E("75mm", 75, MM)]),
    ("Top 160 × 90 cm ± 2 mm", [E("160", 160, CM, tolerance=T(0.2)), E("90 cm ± 2 mm", 90, CM, tolerance=T(0.2))]),
    ("Speaker 2 × 5 W", [E("5 W", 5, "watt")]),
    ("Immersion 2 × 20 min", [E("20 min", 20, "minute")]),
    # -- ranges ----------------------------------------------------------------------------
    ("10–12 mm", [E("10–12 mm", 10, MM, high=12)]),
    ("10-12 mm", [E("10-12 mm", 10, MM, high=12)]),
    ("10 to 12 mm", [E("10 to 12 mm", 10, MM, high=12)]),
    ("10~12 mm", [E("10~12 mm", 10, MM, high=12)]),
    ("between 10 and 12 mm", [E("10 and 12 mm", 10, MM, high=12)]),
    ("10 mm - 12 mm", [E("10 mm - 12 mm", 10, MM, high=12)]),
    ("1 m to 120 cm", [E("1 m to 120 cm", 1, M, high=1.2)]),
    ("12–10 mm", [E("12–10 mm", 12, MM, high=10)]),
    ("-20~60 °C", [E("-20~60 °C", -20, "degree_Celsius", high=60)]),
    ("−40 to +85 °C", [E("−40 to +85 °C", -40, "degree_Celsius", high=85)]),
    # -- tolerances ------------------------------------------------------------------------
    ("100 ± 0.5 mm", [E("100 ± 0.5 mm", 100, MM, tolerance=T(0.5))]),
    ("100 mm ± 0.5 mm", [E("100 mm ± 0.5 mm", 100, MM, tolerance=T(0.5))]),
    ("100 mm ± 0.5", [E("100 mm ± 0.5", 100, MM, tolerance=T(0.5))]),
    ("100 mm (±0.5)", [E("100 mm (±0.5)", 100, MM, tolerance=T(0.5))]),
    ("100 +/- 0.5 mm", [E("100 +/- 0.5 mm", 100, MM, tolerance=T(0.5))]),
    ("100 mm plus or minus 0.5 mm", [E("100 mm plus or minus 0.5 mm", 100, MM, tolerance=T(0.5))]),
    ("100 mm +0.2/-0.1", [E("100 mm +0.2/-0.1", 100, MM, tolerance=T(0.2, 0.1))]),
    ("100 mm +0.2 -0.1 mm", [E("100 mm +0.2 -0.1 mm", 100, MM, tolerance=T(0.2, 0.1))]),
    ("100 mm -0.1/+0.2", [E("100 mm -0.1/+0.2", 100, MM, tolerance=T(0.2, 0.1))]),
    ("15 mm +0.2/0 mm", [E("15 mm +0.2/0 mm", 15, MM, tolerance=T(0.2, 0))]),
    ("160 gsm ± 5 %", [E("160 gsm ± 5 %", 160, "gram / meter ** 2", tolerance=T(5, relative=True))]),
    ("Length 1 m ± 3 cm", [E("1 m ± 3 cm", 1, M, tolerance=T(0.03))]),
    ("Shelf 100 mm, tolerance ±0.5 mm", [E("100 mm, tolerance ±0.5 mm", 100, MM, tolerance=T(0.5))]),
    ("Board 2.5 cm thick ± 0.5 mm", [E("2.5 cm thick ± 0.5 mm", 2.5, CM, tolerance=T(0.05))]),
    ("70 ± 5 Shore A", [E("70 ± 5 Shore A", 70, "shore_A", tolerance=T(5))]),
    ("Cut-off 120 °C ± 5 °C", [E("120 °C ± 5 °C", 120, "degree_Celsius", tolerance=T(5))]),
    ("Tolerance ±1 cm", [E("±1 cm", 0, CM, tolerance=T(1))]),
    ("accuracy ±4 %", [E("±4 %", 0, "percent", tolerance=T(4, relative=True))]),
    # -- limits ----------------------------------------------------------------------------
    ("≤ 18 kg", [E("18 kg", 18, KG, limit="max")]),
    ("≥ 20 N", [E("20 N", 20, "newton", limit="min")]),
    ("< 5 mm and > 2 mm", [E("5 mm", 5, MM, limit="max"), E("2 mm", 2, MM, limit="min")]),
    ("max. 18 kg", [E("18 kg", 18, KG, limit="max")]),
    ("min. 3 mm", [E("3 mm", 3, MM, limit="min")]),
    ("maximum 18 kg, minimum 3 mm", [E("18 kg", 18, KG, limit="max"), E("3 mm", 3, MM, limit="min")]),
    ("at least 5 mm", [E("5 mm", 5, MM, limit="min")]),
    ("not more than 2 g", [E("2 g", 2, G, limit="max")]),
    ("not less than 2 g", [E("2 g", 2, G, limit="min")]),
    ("up to 30 kg", [E("30 kg", 30, KG, limit="max")]),
    ("not exceeding 30 kg", [E("30 kg", 30, KG, limit="max")]),
    ("no more than 30 kg", [E("30 kg", 30, KG, limit="max")]),
    ("max. rider weight 25 kg", [E("25 kg", 25, KG, limit="max")]),
    ("18 kg max.", [E("18 kg", 18, KG, limit="max")]),
    ("10 g (0.35 oz) min.", [E("10 g (0.35 oz)", 10, G, limit="min", dual=E("0.35 oz", 0.35, "ounce"))]),
    ("no loose threads longer than 5 mm", [E("5 mm", 5, MM, limit="max")]),
    # -- approximation ---------------------------------------------------------------------
    ("approximately 500 g", [E("500 g", 500, G, approximate=True, hedge_start=0)]),
    ("approx. 22 g", [E("22 g", 22, G, approximate=True, hedge_start=0)]),
    ("about 20 kg", [E("20 kg", 20, KG, approximate=True)]),
    ("around 50 m", [E("50 m", 50, M, approximate=True)]),
    ("circa 3 kg", [E("3 kg", 3, KG, approximate=True)]),
    ("ca. 3 kg", [E("3 kg", 3, KG, approximate=True)]),
    ("roughly 3 kg", [E("3 kg", 3, KG, approximate=True)]),
    ("~1.2 kg", [E("1.2 kg", 1.2, KG, approximate=True, hedge_start=0)]),
    # -- dual units ------------------------------------------------------------------------
    ("25.4 mm (1 in)", [E("25.4 mm (1 in)", 25.4, MM, dual=E("1 in", 1, IN))]),
    ("500 g (17.6 oz)", [E("500 g (17.6 oz)", 500, G, dual=E("17.6 oz", 17.6, "ounce"))]),
    ("Bottle 500 ml (16.9 oz)", [E("500 ml (16.9 oz)", 500, "milliliter", dual=E("16.9 oz", 16.9, "fluid_ounce"))]),
    ("Tumbler 16 oz (473 ml)", [E("16 oz (473 ml)", 16, "fluid_ounce", dual=E("473 ml", 473, "milliliter"))]),
    ("62 cm (24.4 in) ± 1 cm", [E("62 cm (24.4 in) ± 1 cm", 62, CM, tolerance=T(1), dual=E("24.4 in", 24.4, IN))]),
    ("Carton 20 kg (50 pcs)", [E("20 kg", 20, KG), E("50 pcs", 50, "piece")]),
    # -- marks -----------------------------------------------------------------------------
    ("Display 12″", [E("12″", 12, IN)]),
    ("Rail 3' long", [E("3'", 3, FT)]),
    ("Rail 3′ long", [E("3′", 3, FT)]),
    ("Pipe 2'' bore", [E("2''", 2, IN)]),
    ('The "5" key', []),
    # -- temperatures ----------------------------------------------------------------------
    ("180 ℃", [E("180 ℃", 180, "degree_Celsius")]),
    ("350 °F", [E("350 °F", 350, "degree_Fahrenheit")]),
    ("40 deg C", [E("40 deg C", 40, "degree_Celsius")]),
    ("Bend 90°", [E("90°", 90, "degree")]),
    # -- compound units --------------------------------------------------------------------
    ("200 g/m²", [E("200 g/m²", 200, "gram / meter ** 2")]),
    ("180 gsm", [E("180 gsm", 180, "gram / meter ** 2")]),
    ("28~32 kg/m³", [E("28~32 kg/m³", 28, "kilogram / meter ** 3", high=32)]),
    ("300 cd/m²", [E("300 cd/m²", 300, "candela / meter ** 2")]),
    ("12 N/25 mm", [E("12 N/25 mm", 0.48, "newton / millimeter")]),
    ("0.3 mm/m", [E("0.3 mm/m", 0.3, "millimeter / meter")]),
    ("60 km/h", [E("60 km/h", 60, "kilometer / hour")]),
    ("12 ± 2 g/10 min", [E("12 ± 2 g/10 min", 1.2, "gram / minute", tolerance=T(0.2))]),
    ("5,000 g/m²/24 h", [E("5,000 g/m²/24 h", 5000, "gram / day / meter ** 2")]),
    ("2 m2 and 3 cm³", [E("2 m2", 2, "meter ** 2"), E("3 cm³", 3, "centimeter ** 3")]),
    # -- aliases ---------------------------------------------------------------------------
    ("20 Kgs, 5 KGS, 3 Lbs", [E("20 Kgs", 20, KG), E("5 KGS", 5, KG), E("3 Lbs", 3, "pound")]),
    ("50 um, 50 micron", [E("50 um", 50, "micrometer"), E("50 micron", 50, "micrometer")]),
    ("2 mtr, 3 ltr", [E("2 mtr", 2, M), E("3 ltr", 3, "liter")]),
    ("5 sq m, 2 cbm", [E("5 sq m", 5, "meter ** 2"), E("2 cbm", 2, "meter ** 3")]),
    # -- context of ambiguous spellings --------------------------------------------------
    ("packed 10 in a box, 5 in stock", []),
    ("12 in long", [E("12 in", 12, IN)]),
    ("jaw hardness 55 min.", []),
    ("drying time ≤ 30 min", [E("30 min", 30, "minute", limit="max")]),
    ("4K display, 6500K LED", [E("6500K", 6500, "kelvin")]),
    ("Charger 50/60 Hz", [E("50", 50, "hertz"), E("60 Hz", 60, "hertz")]),
    ("Spanners 8, 10, 13 mm", [E("8", 8, MM), E("10", 10, MM), E("13 mm", 13, MM)]),
    ("Quantity 500, 20 kg per carton", [E("20 kg", 20, KG)]),
    # -- not quantities ------------------------------------------------------------------
    ("M10 × 50 hex bolt", []),
    ("Thread M8x1.25", []),
    ("ISO 4017, EN 71-3, GB/T 1234-2008", []),
    ("28/410 neck finish", []),
    ("Pantone 19-4052 TCX", []),
    ("Pantone 2935 C", []),
    ("28AWG / 28 AWG wire", []),
    ("40' HQ and 20'GP containers", []),
    ("E27/GU10 lamp caps", []),
    ("IP65 enclosure", []),
    ("Property class 8.8 and 8.8 property class", []),
    ("UN 3481", []),
    ("HS code 8471.30", []),
    ("Ship 2026-05-15 or 15/05/2026", []),
    ("Model XR-200", []),
    ("Clause 3.2.1 applies", []),
    ("General tolerances ISO 2768-m, bore H7", []),
    ("AQL 2.5", []),
    ("Drawing rev 3", []),
    ("Tel. +86 574 8765 4321", []),
    ("UL 94 V-0", []),
    ("Yarn 40s/1 and Ne 30/1", []),
    ('Chuck 1/4" hex, 1/2" drive', []),
    ("Glass jar 70 mm twist-off lug finish", []),
    ("2 in 1 cable", []),
    ("USD 2.50 per pc", []),
    ("Stainless 18/8", []),
]


def _check(q: Quantity, exp: dict, text: str, cursor: int) -> None:
    span = exp["span"]
    start = text.index(span, cursor)
    assert (q.start, q.end) == (start, start + len(span)), f"span {q.text!r} != {span!r}"
    assert q.text == span
    assert math.isclose(q.value, exp["value"], rel_tol=1e-9, abs_tol=1e-12), (q.value, exp["value"])
    assert q.unit == exp["unit"]
    assert q.high == exp.get("high") or math.isclose(q.high, exp["high"], rel_tol=1e-9)
    assert q.tolerance == exp.get("tolerance")
    assert q.limit == exp.get("limit")
    assert q.approximate == exp.get("approximate", False)
    if "hedge_start" in exp:
        assert q.hedge_start == exp["hedge_start"]
    if "is_count" in exp:
        assert q.is_count == exp["is_count"]
    if "dual" in exp:
        assert q.dual is not None
        _check(q.dual, exp["dual"], text, start)
    else:
        assert q.dual is None


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_extraction(text: str, expected: list[dict]) -> None:
    found = extract_quantities(text)
    assert len(found) == len(expected), [q.text for q in found]
    cursor = 0
    for q, exp in zip(found, expected, strict=True):
        _check(q, exp, text, cursor)
        cursor = q.start + 1


def test_approximation_spans_start_at_the_hedge() -> None:
    text = "Bag weight approximately 500 g, box 2 kg."
    assert approximation_spans(text) == ((11, 30),)
    assert text[11:30] == "approximately 500 g"


def test_limit_start_points_at_the_limit_word() -> None:
    text = "weight max. 18 kg"
    (q,) = extract_quantities(text)
    assert q.limit_start == text.index("max.")


def test_chains_group_the_elements_of_one_dimension_statement() -> None:
    text = "Carton 600 × 400 × 350 mm, 24 pcs, lid 10 × 5 cm"
    groups = chains(text, extract_quantities(text))
    assert [[q.text for q in g] for g in groups] == [["600", "400", "350 mm"], ["24 pcs"], ["10", "5 cm"]]


def test_results_are_plain_data() -> None:
    (q,) = extract_quantities("25.4 mm (1 in) ± 0.1 mm")
    for value in (q.value, q.tolerance.plus, q.dual.value):
        assert type(value) is float
    assert type(q.unit) is str and type(q.dual.unit) is str


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01 5 mm", "1e309 mm", "0/0 mm", "9" * 400 + " mm", "\ud800 5 mm \udfff", "±±±", "((((5 mm",
     "5 mm" * 2000],
)
def test_hostile_input_never_raises(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text
        assert math.isfinite(q.value)


def test_quantity_corpus_format() -> None:
    """corpora/quantities.jsonl is well formed (its figures are for benchmarks/quantity_accuracy.py)."""
    import json
    from pathlib import Path

    from specllint.model import QUANTITY_CATEGORIES

    path = Path(__file__).resolve().parent.parent / "corpora" / "quantities.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 260
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert sum(not r["quantities"] for r in rows) >= 50
    assert len({r["domain"] for r in rows}) >= 12
    fields = {"text", "value", "high", "unit", "tolerance", "limit", "approximate", "dual"}
    for r in rows:
        assert set(r) == {"id", "split", "domain", "text", "quantities", "findings"}, r["id"]
        for q in r["quantities"]:
            assert set(q) == fields and q["text"] in r["text"], r["id"]
            assert q["tolerance"] is None or set(q["tolerance"]) == {"plus", "minus", "relative"}, r["id"]
        for f in r["findings"]:
            assert f["category"] in QUANTITY_CATEGORIES and f["text"] in r["text"], r["id"]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [("Wall thickness near 2 mm.", "near"), ("Lid almost 40 g.", "almost"), ("Carton close to 12 kg.", "close to"),
     ("Abt. 30 pcs inside.", "Abt.")],
)
def test_more_hedge_words_make_a_quantity_approximate(text: str, hedge: str) -> None:
    (q,) = extract_quantities(text)
    assert q.approximate
    assert q.hedge_start == text.index(hedge)


def test_near_before_a_word_is_not_a_hedge() -> None:
    (q,) = extract_quantities("Hole near the 2 mm edge.")
    assert not q.approximate
