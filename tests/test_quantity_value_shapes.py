"""Shapes of bare values that need a unit (SPL202) and statements that bound or exempt a value (SPL201):
values in parentheses, flattened tables, values before their property noun, compositions without "%",
measured values and measuring points, deviations and closing quotes."""

from __future__ import annotations

import pytest
from rule_helpers import flagged_texts as _flagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoodie: body length (72), chest width (58).", ["72", "58"]),
        ("Sock: leg:12, sole:24, cuff:3.", ["12", "24", "3"]),
        ("Fabric Weight 210 Width 150 Shrinkage 3", ["210", "150", "3"]),
        ("Panel light Size 595×595 Power 36 Flux 3600 CCT 4000K", ["595×595", "36", "3600"]),
        ("Shipping mark: N.W. 9.6 / G.W. 10.8 per carton.", ["9.6", "10.8"]),
        ("Drill torque 60 (hard), 2 speeds.", ["60"]),
        ("Carton label: 450 net weight, 520 gross weight.", ["450", "520"]),
        ("Bracket: 3 thk, 4 holes on 50 PCD.", ["3", "50"]),
        ("Jersey cotton 60 / polyester 40 blend.", ["60", "40"]),
        ("Shaft chamfer 0.5 × 45°.", ["0.5"]),
        ("Crate regrind max 10.", ["10"]),
        ("Towel 500 gsm; 70 x 140; hem 1.5.", ["70 x 140", "1.5"]),
        ("Cabinet 40L x 30W x 20H, height -> 75.", ["40L x 30W x 20H", "75"]),
        ("It must weigh no more than 2; the depth is to be 300.", ["2", "300"]),
        ("A thickness of not less than 2 is required; rim thickness is typically 3.", ["2", "3"]),
        ("Weight 450 +10/-0, wall thickness at least 2.5 everywhere.", ["450 +10/-0", "2.5"]),
        ("Sleeve length from CB 84; the jar contains 250; rotation 360.", ["84", "250", "360"]),
        ("PET blister 0.3; folded from 1.2 SPCC sheet.", ["0.3", "1.2"]),
        ("Serum bottle: 30; drill torque 60 (hard) / 25 (soft).", ["30", "60", "25"]),
    ],
)
def test_bare_value_shapes_need_a_unit(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL202") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sofa: seat height 44, seat depth 55, arm height 62 — all in cm.",
        "Chamfer 0.5 × 45° ± 0.1 mm per ISO 13715.",
        "Colours: red 50 / blue 50; mixing ratio 60 / 40.",
        "Shrinkage (1) ≤ 3 % after wash.",
        "3 load cycles; 2 weight options; 1 sleeve.",
        "Weight 2 kg Width 150 cm.",
        "Torque 60 (N·m) max.",
        "Pack size 6 x 4; holds 12 jars; 5L x 2L cans.",
        "Resin PP 5, steel SUS 304; bottle: 2 per carton; jar: 3, lid: 3.",
    ],
)
def test_unit_less_or_unit_given_values_are_clean(text: str) -> None:
    assert _flagged(text, "SPL202") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Finished width measured 148 cm across the roll.", ["148 cm"]),
        ("Table top thickness as measured 25 mm.", ["25 mm"]),
        ("Chest width, measured flat 2 cm below the armhole, 54 cm.", ["54 cm"]),
        ("Hardness measured 0.5 mm below the surface; plate 4 mm.", ["4 mm"]),
    ],
)
def test_measured_value_is_checked_measuring_point_is_not(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL201") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rug 160 × 230 cm; permitted deviation on length and width 2 %.",
        "Sheet 2.0 mm thick, thickness deviation no more than 0.1 mm either way.",
        "Bag weight 500 g, lower deviation 0 g, upper deviation 15 g.",
        "Size label 'EU 38 / UK 10 / US 6' sewn in.",
        "PCB with 2 oz outer copper.",
        "Net fill 200 ml per bottle under the EU average-quantity system.",
    ],
)
def test_deviation_statements_and_designations_bound_or_exempt(text: str) -> None:
    assert _flagged(text, "SPL201") == []


@pytest.mark.parametrize(
    "text",
    [
        "Chargeable weight 150 kg, freight calculated on 1,200 kg gross.",
        "Lifting capacity 2 t, towing capacity 1,500 kg; water resistant to 50 m.",
        "Install at a height of 2.1 m; mount the lamp 20 cm below the ceiling.",
        "Gift box takes one 750 ml bottle; holds 12 bottles of 750 ml.",
        "Strike-off 30 × 30 cm for approval; sample lengths of 2 m per colour.",
        "Covers 8 m² per litre.",
    ],
)
def test_values_that_are_not_the_products_size(text: str) -> None:
    assert _flagged(text, "SPL201") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mounting plate 3 mm, hanging loop 10 cm.", ["3 mm", "10 cm"]),
        ("Seat 45 cm above the floor; lamp with a 2 m cable.", ["45 cm", "2 m"]),
        ("The box holds 30 L; label 5 × 3 cm printed for approval.", ["30 L", "5 × 3 cm"]),
    ],
)
def test_product_sizes_near_those_words_stay_checked(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL201") == expected


def test_deviation_in_grams_does_not_cover_a_length() -> None:
    assert _flagged("Bag 30 cm wide, weight deviation 5 g.", "SPL201") == ["30 cm"]


def test_standard_deviation_is_not_a_tolerance() -> None:
    assert _flagged("Panel 600 mm, standard deviation of the lot 0.2 mm.", "SPL201") == ["600 mm"]


def test_limit_before_a_reversed_pair_is_not_a_band() -> None:
    assert _flagged("Battery: charge cycles ≥ 500 to 80 % capacity.", "SPL204") == []
    assert _flagged("Fill weight 52–48 g.", "SPL204") == ["52–48 g"]
