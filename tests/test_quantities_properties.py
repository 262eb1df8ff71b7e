"""Property tests: generated quantity statements parse back; no text makes extraction fail."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from specllint import extract_quantities

#: (spelling, canonical unit) pairs the round trip draws from.
UNITS = [
    ("mm", "millimeter"), ("MM", "millimeter"), ("cm", "centimeter"), ("m", "meter"), ("µm", "micrometer"),
    ("micron", "micrometer"), ("in", "inch"), ("inch", "inch"), ("ft", "foot"), ("g", "gram"), ("kg", "kilogram"),
    ("Kgs", "kilogram"), ("lb", "pound"), ("Lbs", "pound"), ("oz", "ounce"), ("ml", "milliliter"), ("L", "liter"),
    ("ltr", "liter"), ("gsm", "gram / meter ** 2"), ("g/m²", "gram / meter ** 2"), ("kg/m³", "kilogram / meter ** 3"),
    ("°C", "degree_Celsius"), ("℃", "degree_Celsius"), ("°F", "degree_Fahrenheit"), ("N", "newton"),
    ("MPa", "megapascal"), ("pcs", "piece"), ("Shore A", "shore_A"), ("HRC", "rockwell_C"),
]
PREFIXES = ["", "Length ", "Width: ", "Weight ", "Part A ", "Size = "]
LIMITS = [("", None), ("max. ", "max"), ("≤ ", "max"), ("min. ", "min"), ("at least ", "min"), ("up to ", "max")]

values = st.integers(min_value=1, max_value=99_999).map(lambda n: n / 100)
tolerances = st.integers(min_value=1, max_value=999).map(lambda n: n / 100)


def _fmt(x: float, comma: bool) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if comma else text


@st.composite
def statements(draw):
    value = draw(values)
    spelling, unit = draw(st.sampled_from(UNITS))
    comma = draw(st.booleans()) and value != int(value)
    gap = draw(st.sampled_from(["", " "])) if spelling[0] not in "S" else " "
    form = draw(st.sampled_from(["none", "pm-after", "pm-before", "pm-bare", "paren", "asym", "percent", "plusminus"]))
    plus, minus = draw(tolerances), draw(tolerances)
    num = _fmt(value, comma)
    p, m = _fmt(plus, comma), _fmt(minus, comma)
    body = {
        "none": f"{num}{gap}{spelling}",
        "pm-after": f"{num}{gap}{spelling} ± {p}{gap}{spelling}",
        "pm-before": f"{num} ± {p}{gap}{spelling}",
        "pm-bare": f"{num}{gap}{spelling} ± {p}",
        "paren": f"{num}{gap}{spelling} (±{p})",
        "asym": f"{num}{gap}{spelling} +{p}/-{m}",
        "percent": f"{num}{gap}{spelling} ± {p} %",
        "plusminus": f"{num} +/- {p}{gap}{spelling}",
    }[form]
    expected_tol = {
        "none": None,
        "asym": (plus, minus, False),
        "percent": (plus, plus, True),
    }.get(form, (plus, plus, False))
    limit_text, limit = draw(st.sampled_from(LIMITS))
    prefix = draw(st.sampled_from(PREFIXES))
    text = f"{prefix}{limit_text}{body}."
    return text, len(prefix) + len(limit_text), value, unit, expected_tol, limit


@settings(max_examples=200, deadline=None)
@given(statements())
def test_generated_statements_round_trip(case) -> None:
    text, start, value, unit, tol, limit = case
    found = extract_quantities(text)
    assert len(found) == 1, (text, [q.text for q in found])
    q = found[0]
    assert q.start == start, text
    assert math.isclose(q.value, value, rel_tol=1e-9), text
    assert q.unit == unit, text
    assert q.limit == limit, text
    if tol is None:
        assert q.tolerance is None, text
    else:
        assert q.tolerance is not None, text
        assert math.isclose(q.tolerance.plus, tol[0], rel_tol=1e-9), text
        assert math.isclose(q.tolerance.minus, tol[1], rel_tol=1e-9), text
        assert q.tolerance.relative == tol[2], text


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([u for u in UNITS if u[1] in ("millimeter", "centimeter", "meter", "inch", "foot")]),
    st.lists(st.integers(1, 999), min_size=2, max_size=4),
    st.sampled_from([" × ", "x", " x ", "*", " * "]),
)
def test_dimension_chains_share_the_last_unit(unit_pair, numbers, sep) -> None:
    spelling, unit = unit_pair
    text = "Box " + sep.join(map(str, numbers)) + f" {spelling}"
    found = extract_quantities(text)
    assert [q.value for q in found] == [float(n) for n in numbers], text
    assert {q.unit for q in found} == {unit}, text
    mass = extract_quantities(text.replace(f" {spelling}", " kg"))
    assert [q.value for q in mass] == [float(numbers[-1])], "only lengths chain; the rest is a multiplier"


_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    [*"0123456789.,/±+-~×x ()°%\"'″′", "mm", "kg", " in ", "min", "ISO ", "M10", "approx. ", "≤", "\x00", "\ud800"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_extraction_never_raises_and_offsets_slice(text: str) -> None:
    for q in extract_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert math.isfinite(q.value)
        assert q.high is None or math.isfinite(q.high)
        if q.dual is not None:
            assert text[q.dual.start : q.dual.end] == q.dual.text
        if q.hedge_start is not None:
            assert q.hedge_start <= q.start


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text
