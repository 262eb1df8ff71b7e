"""Roles a number plays in a clause: which need a tolerance (SPL201) or a unit (SPL202), and
the prefix-tree pattern that finds property words."""

from __future__ import annotations

import random

import pytest
import regex
from rule_helpers import flagged_texts as _flagged

import specllint
from specllint.quantity_trie import trie_pattern


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("Gross weight per carton shall not surpass 15 kg.", "max"),
        ("Penalty capped at 25 kg per carton.", "max"),
        ("Roll length 100 m or longer.", "min"),
        ("Pouch 12 g or lighter.", "max"),
        ("Fill must not fall below 98 ml.", "min"),
        ("Gap never exceeds 3 mm.", "max"),
        ("Weight shouldn’t exceed 2 kg.", "max"),
        ("Weight must not exceed 2 kg.", "max"),
        ("Width upwards of 140 cm.", "min"),
        ("Length in excess of 2 m.", "min"),
    ],
)
def test_limit_wording(text: str, limit: str) -> None:
    (q,) = specllint.extract_quantities(text)
    assert q.limit == limit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the part is made from and what it is filled with are the product's own
        ("Mailer box made from 1.5 mm chipboard.", ["1.5 mm"]),
        ("Duvet filled with 1 000 g of microfibre.", ["1 000 g"]),
        ("Test bottle filled with 500 ml water.", []),
        # loads resting on the product, setpoints, test surfaces, ratios and samples
        ("Must not tip with 60 kg on the front edge of the seat.", []),
        ("Laminating nip gap set to 0.5 mm.", []),
        ("Dropped onto a 3 mm vinyl tile over concrete.", []),
        ("Migration: 6 dm² contact per 1 kg of food.", []),
        ("Three 100 g samples are retained per lot.", []),
        ("Sample jar 100 ml, PP.", ["100 ml"]),
        # nominal, designated and transport sizes
        ("Corrugated board 44 ECT, 7 mm caliper nominal.", []),
        ("40' HQ container, 68 m³, 1 400 cartons.", []),
        ("Float glass 4 mm per EN 572-2.", []),
        ("Fit model height 176 cm.", []),
        # a tolerance after the material it qualifies
        ("Set-up box, 1200 gsm greyboard ± 5 %.", []),
        # a condition written in parallel, test equipment, the size of what the part goes with
        ("Drop height 80 cm for cartons up to 10 kg, 60 cm for up to 20 kg per ISTA 1A.", []),
        ("Length 80 cm for the table, 60 cm for the bench.", ["80 cm", "60 cm"]),
        ("Calibrated with a 200 g reference weight; sealed with a 10 mm seal bar.", []),
        ("Hole Ø 8 mm H7 for a Ø 8 mm dowel.", []),
        # the value that defines a size or class, and named pallets; packaging sizes stay checked
        ("Shoe size EU 42 (inner length 270 mm); load class 4 (150 kg); EU pallet 1200 × 800 mm.", []),
        ("Carton size A (60 × 40 × 30 cm).", ["60 × 40 × 30 cm"]),
    ],
)
def test_missing_tolerance_roles(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL201") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Collar stand height 3.5 / cuff depth 6.5", ["3.5", "6.5"]),
        ("Finished garment measures 72 from high point shoulder.", ["72"]),
        ("Duvet 200 by 200, microfibre.", ["200 by 200"]),
        ("Charger output 20 / 3.25, cable 1.8.", ["20 / 3.25", "1.8"]),
        ("Noise at 1 m 35 max.", ["35"]),
        ("Table height adjustable from 62 to 127.", ["62 to 127"]),
        ("Shelf depth—300.", ["300"]),
        ("Box inside dimensions L 400 W 300 H 250.", ["L 400 W 300 H 250"]),
        ("Shrinkage of the moulded part 0.5 to 0.7.", ["0.5 to 0.7"]),
        ("Operating temperature -10 to 45.", ["-10 to 45"]),
        ("With a wall thickness of 2 throughout; lid overhang 2 all round; voltage 12 DC.", ["2", "2", "12"]),
        ("Armhole straight 24, knee 22, brim 7; Len 300, Wd 60.", ["24", "22", "7", "300", "60"]),
        ("Use 18 thickness plywood; hole dia. 8 thru; shaft φ8; weight: 2,5 (net).", ["18", "8", "8", "2,5"]),
        ("Available in 3 height settings; panel 2 width options.", []),
        # unit-less by nature, or numbering rather than measuring
        ("Mohs hardness 7, pencil hardness 3H.", []),
        ("No significant difference at α = 0.05.", []),
        ("Cable 2 and cable 3 to terminal X1; base plate 18/0.", []),
        ("Cartons packed 4 high on the pallet.", []),
        ("Tyre 26 × 2.1.", []),
        ("Figure 3 / table 2 show the layout.", []),
    ],
)
def test_missing_unit_roles(text: str, expected: list[str]) -> None:
    assert _flagged(text, "SPL202") == expected


def test_trie_matches_like_a_sorted_alternation() -> None:
    words = ["bend", "bend radius", "be", "bead", "beam angle", "wall", "wall thickness", "wa", "ø", "x-axis"]
    alternation = "|".join(regex.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(words, key=len, reverse=True))
    tail = r"(?![\p{L}-])[^\S\n]*(?P<n>\d+)"
    old = regex.compile(rf"(?<![\p{{L}}\d-])(?P<w>{alternation}){tail}", regex.IGNORECASE)
    new = regex.compile(rf"(?<![\p{{L}}\d-])(?P<w>{trie_pattern(words)}){tail}", regex.IGNORECASE)
    rng = random.Random(7)
    pieces = [*words, "Bend  Radius", "WALL", " ", "  ", "-", "3", "12", "x", "beads", "\n"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(8))
        assert [m.span("w") for m in old.finditer(text, overlapped=True)] == [
            m.span("w") for m in new.finditer(text, overlapped=True)
        ], text


def test_empty_trie_matches_nothing() -> None:
    assert regex.search(trie_pattern([]), "anything") is None
