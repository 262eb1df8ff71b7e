"""Sixth-round quantity families: bare values known by their frame (a tolerance, a height above a surface,
a repeat interval, centre distances, alternatives, weak labels beside other bare sizes) for SPL202, and the
reasons a stated size is bounded after all (local tolerance statements, identified documents and samples,
repeated values, shared limits, standard pallets) for SPL201."""

from __future__ import annotations

import pytest
from rule_helpers import flagged_texts as _flagged

from specllint.kinds.quantity_support import tolerance_statement_kinds
from specllint.quantities import extract_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tolerance on all dimensions: ±2.", ["±2"]),
        ("Hi, please keep the handle drop at 28 and the gusset 10, thanks.", ["28", "10"]),
        ("• Blade thickness 2.5 • Overall length 210 • Handle: walnut", ["2.5", "210"]),
        ("PO line 3: stainless tumbler, 590 capacity, double wall.", ["590"]),
        ("Curtain rod extendable 120-210, tube 19.", ["120-210", "19"]),
        ("Spacer: OD 10, ID 5.3, L 15, A2 stainless.", ["10", "5.3", "15"]),
        ("Bar stool, seat height 75, footrest 30 from floor.", ["75", "30"]),
        ("A hanging rail at 1700 above the floor; label placed 5 from the hem.", ["1700", "5"]),
        ("Strip light: cut every 50, width 10.", ["50", "10"]),
        ("Could you make the cable 1.2 instead of 1.5?", ["1.2", "1.5"]),
        ("Stand-up pouch 14 wide with a 4 bottom gusset.", ["14", "4"]),
        ("Handle 96 c/c; hole distance 64 centre to centre.", ["96", "64"]),
        ("Weight of each unit is to be 350 or less.", ["350"]),
        ("Carton outer 60*40*30.", ["60*40*30"]),
        ("Height adjustable between 70 and 110.", ["70 and 110"]),
        ("Cup: 8 oz, top 80, bottom 56.", ["80", "56"]),
        ("Thickness≈2, height≤75.", ["2", "75"]),
        ("Kindly make the sleeve 2 longer; can you reduce the wall to 1.8?", ["2", "1.8"]),
        ("Insole thickness is 4 at heel and 2 at toe.", ["4", "2"]),
        ("Shade: 30 top / 40 bottom.", ["30", "40"]),
        ("Pouch: 3-side seal, 120 × 180 + 40 gusset.", ["120 × 180", "40"]),
        ("Blanket finished 150 by 200, binding 3 each side.", ["150 by 200", "3"]),
    ],
)
def test_bare_value_frames_need_a_unit(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL202") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wine rack, 12 capacity.",
        "Injection part 32 g, cycle 28 s, cavity 4.",
        "Row 12 from the floor is reserved; shelf 2 from the top.",
        "Thread count 300 (warp 160, weft 140).",
        "Castors front 2, rear 2 with brake.",
        "Product ID 1234; cable 12 and cable 13 are spares.",
        "Tolerance ±2 mm on all dimensions; AQL 2.5 instead of 4.0.",
        "One sample every 500 pcs; cut every 5th carton for audit.",
        "Stitch density 12 per inch; thread density 60 per cm.",
        "Film gauge 80 (i.e. 20 µm).",
        "Please set the speed to 3; drawers: 2 top, 3 bottom; make it 2 times longer.",
        "Monitor: IPS, 1920 x 1080; bolts M8, 8 x 40, zinc.",
    ],
)
def test_unitless_numbers_in_those_frames_stay_clean(text: str) -> None:
    assert _flagged(text, "SPL202") == []


@pytest.mark.parametrize(
    "text",
    [
        "Net weight 250 g (−0 / +5 g); tin Ø 99 × 119 mm, tolerances per drawing PK-12 rev 2.",
        "Pendant shade Ø 380 mm, dimensions toleranced per drawing LT-220 rev B.",
        "Pallet max. 1,000 kg, 1200 × 1000 mm footprint.",
        "LED strip cuttable every 50 mm (3 LEDs), 24 V DC.",
        "Dropper bottle 30 ml with DIN 18 neck; fill to 30 ml ± 0.5 ml.",
        "Fabric width 145 cm usable (cuttable width, ±1 cm).",
        "Please note the pallet height should not exceed 1.6 m and weight 800 kg.",
        "Thickness 3 mm per drawing DR-12 rev A.",
        "Bottle 500 ml to match approved sample S-221 in every dimension.",
        "Tube 16 mm OD per EN 10305-1.",
        "Stroller for children up to 22 kg and 110 cm.",
        "Length 250 mm (tolerance: plus 2 mm, minus 0 mm).",
        "Weight 500 g; tolerance on weight: 2 %.",
        "Weight 20 kg, variance not more than 0.5 kg.",
        "Depth 40 cm; accepted range 39.5–40.5 cm.",
        "Dia 12 mm (0/+0.1); opening 35 mm (H11).",
        "Blade 200 mm, tolerance class ISO 13920-B.",
        "Width<60 mm, weight>=5 kg.",
        "Freight: 12 pallets, 7.2 m³, 4,300 kg gross, LCL.",
        'Bit set: 1/4" hex, PH1, PH2, PZ2, T20, T25, 25 mm long.',
        "Volume weight factor for air freight: 1 CBM = 167 kg.",
        "Packing list states 1,250 kg net; invoice weight 3,400 kg.",
        "We accept shortage up to 3 % on 10,000 m ordered.",
        "The unit weighs 12 kg, as declared on the CE declaration DoC-114.",
    ],
)
def test_bounded_or_designated_sizes_are_clean(text: str) -> None:
    assert _flagged(text, "SPL201") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plush bear sitting height 25 cm, filled with 180 g PP cotton.", ["25 cm", "180 g"]),
        ("Thickness 3 mm as per drawing.", ["3 mm"]),
        ("Custom crate 1250 × 1000 mm, pallet base.", ["1250 × 1000 mm"]),
        ("Carton max. 12 kg; size 40 × 30 × 25 cm.", ["40 × 30 × 25 cm"]),
        ("We confirm an order of 5 tonnes of cotton yarn; bag 25 kg.", ["25 kg"]),
        ("Flatness tolerance 0.05 mm, length 200 mm.", ["200 mm"]),
        ("Weight 500 g; length tolerance ±2 mm.", ["500 g"]),
        ("Fabric 150 cm wide shipped in rolls; carton 60 × 40 cm loaded with 20 kg.", ["150 cm", "60 × 40 cm"]),
    ],
)
def test_unbounded_sizes_are_still_flagged(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL201") == expected


def test_a_statement_covers_what_it_states_not_other_tolerances_of_the_clause() -> None:
    text = "Net weight 250 g (−0 / +5 g); tin Ø 99 mm, tolerances per drawing PK-12."
    start = text.index("tolerances")
    kinds = tolerance_statement_kinds(text, extract_quantities(text), [(start, len(text))])
    assert "length" in kinds
    assert "mass" not in kinds
    # without the regions every tolerance of the clause counts, as before
    assert tolerance_statement_kinds(text, extract_quantities(text)) == frozenset({"mass"})
