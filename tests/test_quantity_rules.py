"""SPL201 (missing tolerance) and SPL202 (missing unit) on wording the rule examples do not cover."""

from __future__ import annotations

import pytest
from rule_helpers import flagged_texts as _flagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare target value of the product still needs a tolerance
        ("Cutting board 400 × 250 × 20 mm, end-grain walnut.", ["400 × 250 × 20 mm"]),
        ("Soap bar 125 g wrapped in 80 gsm glassine.", ["125 g", "80 gsm"]),
        # nominal trade sizes and the average-quantity mark are complete
        ("Plywood 18 mm nominal, actual thickness 17.4–18.2 mm.", []),
        ("Net contents 500 ml ℮ per Directive 76/211/EEC.", []),
        # a limit word opening the property phrase bounds the value
        ("Max. cable length between driver and lamp 2 m.", []),
        # constituents of a composition declaration are not the product's weight
        ("Nutrition per 100 g: protein 12 g, fat 3.5 g, carbohydrate 60 g.", []),
        # a tolerance by named standard, one tolerance for each value, a range written from … to …
        ("Cold-rolled sheet DC01 1.0 mm, thickness tolerances to EN 10131.", []),
        ("Pillow filling 800 g for standard, 1000 g for king, each ± 5 %.", []),
        ("Cushion cover fits inserts from 40 × 40 cm to 45 × 45 cm.", []),
        # delivery rates and measurement resolutions are not sizes
        ("Delivery of 1,000 kg per week from week 12.", []),
        ("Kitchen scale readability 0.1 g.", []),
        ("Biscuit pack 200 g; fat 18 g per 100 g.", ["200 g"]),
        ("Price break: USD 1.20 up to 5,000 m, USD 1.05 above 5,000 m.", []),
    ],
)
def test_missing_tolerance(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL201") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Size L: chest 110, sleeve 64, back length 74 cm.", ["110", "64"]),
        ("Lead time 35 after receipt of deposit.", ["35"]),
        ("Bookshelf span between supports 800.", ["800"]),
        ("Table top overhang 150 beyond the frame.", ["150"]),
        ("Window unit U-value 1.1, glazing 4-16-4.", ["1.1"]),
        # unit-less designations and values with units stay clean
        ("Lumber nominal size 2 × 4, kiln dried.", []),
        ("Mixed 2:1 by weight; pot life 40 min at 25 °C.", []),
        ("Lead time 35 days, warranty 24 months.", []),
        # a position word inherits the property named in the clause; without one it is a count
        ("Lampshade taper: top 20, bottom 35, height 25 cm ± 0.5 cm.", ["20", "35"]),
        ("Fabric shrinkage warp −3, weft −2 after 3 washes.", ["−3", "−2"]),
        ("Castors front 2, rear 2 with brake.", []),
        # dates and clock times are not durations without a unit
        ("Delivery time 2026-05-15 at the latest; pickup time 10:30.", []),
    ],
)
def test_missing_unit(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL202") == expected
