"""The shared registry, the alias table and unit conversions."""

from __future__ import annotations

import math

import pytest

from specllint import units
from specllint.unit_aliases import SYMBOLS, WORDS


@pytest.mark.parametrize(
    ("spelling", "unit", "kind"),
    [
        ("mm", "millimeter", "length"),
        ("MM", "millimeter", "length"),
        ("um", "micrometer", "length"),
        ("µm", "micrometer", "length"),
        ("micron", "micrometer", "length"),
        ("inch", "inch", "length"),
        ("″", "inch", "length"),
        ("'", "foot", "length"),
        ("mil", "thou", "length"),
        ("Kgs", "kilogram", "mass"),
        ("KGS", "kilogram", "mass"),
        ("Lbs", "pound", "mass"),
        ("ml", "milliliter", "volume"),
        ("mL", "milliliter", "volume"),
        ("cm3", None, None),  # exponents are composed by the grammar, not listed
        ("cc", "centimeter ** 3", "volume"),
        ("sq m", "meter ** 2", "area"),
        ("sqm", "meter ** 2", "area"),
        ("mtr", "meter", "length"),
        ("ltr", "liter", "volume"),
        ("fl. oz", "fluid_ounce", "volume"),
        ("gsm", "gram / meter ** 2", "areal_density"),
        ("GSM", "gram / meter ** 2", "areal_density"),
        ("denier", "denier", "linear_density"),
        ("dtex", "dtex", "linear_density"),
        ("°C", "degree_Celsius", "temperature"),
        ("℃", "degree_Celsius", "temperature"),
        ("°F", "degree_Fahrenheit", "temperature"),
        ("°", "degree", "angle"),
        ("%", "percent", "ratio"),
        ("Shore A", "shore_A", "hardness"),
        ("HRC", "rockwell_C", "hardness"),
        ("mAh", "milliampere_hour", "charge"),
        ("Wh", "watt_hour", "energy"),
        ("lm", "lumen", "light"),
        ("nits", "candela / meter ** 2", "luminance"),
        ("pcs", "piece", "count"),
        ("PCS", "piece", "count"),
        ("ctn", "carton", "count"),
        ("sets", "set", "count"),
        ("pairs", "pair", "count"),
        ("bags", "packing_bag", "count"),
        ("GU", "gloss_unit", "gloss"),
    ],
)
def test_alias_lookup(spelling: str, unit: str | None, kind: str | None) -> None:
    info = units.lookup(spelling)
    if unit is None:
        assert info is None
        return
    assert info is not None, spelling
    assert (info.unit, info.kind) == (unit, kind)


def test_symbols_keep_their_case() -> None:
    assert units.lookup("m").unit == "meter"
    assert units.lookup("M") is None
    assert units.lookup("G") is None
    assert units.lookup("C") is None


def test_every_alias_resolves_in_the_registry() -> None:
    for table in (SYMBOLS, WORDS):
        for expression in table:
            assert units.resolve(expression) is not None, expression


def test_counts_are_counts_and_do_not_convert_into_each_other() -> None:
    for name in ("piece", "pair", "dozen", "set", "carton", "box", "packing_bag", "roll", "reel", "pallet"):
        assert units.resolve(name).is_count, name
    assert units.convert(2, "dozen", "piece") == 24
    assert units.convert(1, "carton", "piece") is None
    assert units.convert(1, "shore_A", "rockwell_C") is None


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        (1, "inch", "millimeter", 25.4),
        (10, "centimeter", "inch", 3.937007874),
        (500, "gram", "ounce", 17.63698097),
        (1, "fluid_ounce", "milliliter", 29.57352956),
        (100, "degree_Celsius", "degree_Fahrenheit", 212),
        (-40, "degree_Celsius", "degree_Fahrenheit", -40),
        (180, "gram / meter ** 2", "ounce / yard ** 2", 5.309),
        (60, "micrometer", "thou", 2.362204724),
    ],
)
def test_convert(value: float, src: str, dst: str, expected: float) -> None:
    assert math.isclose(units.convert(value, src, dst), expected, rel_tol=1e-3)


def test_convert_delta_treats_temperatures_as_differences() -> None:
    assert math.isclose(units.convert_delta(9, "degree_Fahrenheit", "degree_Celsius"), 5)
    assert math.isclose(units.convert_delta(3, "centimeter", "millimeter"), 30)


def test_incompatible_units_do_not_convert() -> None:
    assert units.convert(1, "meter", "gram") is None
    assert not units.compatible("meter", "gram")
    assert units.compatible("meter", "inch")


def test_oz_next_to_a_volume_is_a_fluid_ounce() -> None:
    oz = units.lookup("oz")
    assert oz.kind == "mass"
    assert units.reading_for(oz, "volume").unit == "fluid_ounce"
    assert units.reading_for(oz, "mass") is oz


def test_quotients_and_powers() -> None:
    g, m = units.lookup("g"), units.lookup("m")
    assert units.quotient(g, m, 2).unit == "gram / meter ** 2"
    assert units.power_of(units.lookup("cm"), 3).unit == "centimeter ** 3"
    assert units.quotient(units.lookup("°C"), units.lookup("min")) is None  # offset units do not divide


def test_one_registry_is_shared() -> None:
    assert units.registry() is units.registry()
