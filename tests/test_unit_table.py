"""The shipped unit table is what the installed Pint says, and it keeps Pint out of the common path."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from specllint import unit_table, units


@pytest.fixture(scope="module")
def ureg():
    return units.registry()


def test_shipped_table_equals_a_rebuild_from_pint(ureg):
    shipped = json.loads((resources.files("specllint") / "data" / unit_table.FILE_NAME).read_text(encoding="utf-8"))
    rebuilt = json.loads(json.dumps(unit_table.build(ureg)))
    assert rebuilt == shipped, "data/unit_table.json is stale: run python -m specllint.unit_table"


def test_table_is_used_with_this_pint():
    assert unit_table.shipped() is not None


def test_table_dimensions_agree_with_pint_for_every_pair(ureg):
    table = unit_table.shipped()
    names = sorted(table.dims)
    pint_dims = {n: ureg.get_dimensionality(n) for n in names}
    for a in names:
        for b in names:
            assert (table.dims[a] == table.dims[b]) == (pint_dims[a] == pint_dims[b]), (a, b)


def test_table_answers_equal_pint_answers():
    table = unit_table.shipped()
    for expr in table.units:
        assert units.resolve(expr) == units.pint_resolve(expr), expr
    names = sorted(table.dims)[::7]
    for a in names:
        for b in sorted(table.dims):
            assert units._factor(a, b) == units.pint_factor(a, b), (a, b)


def test_expressions_outside_the_table_still_resolve():
    info = units.resolve("(gram / meter ** 2) / (day)")
    assert info is not None and info.unit == "gram / day / meter ** 2"
    assert units.convert(20.0, "degree_Celsius", "degree_Fahrenheit") == pytest.approx(68.0)


def test_table_from_another_pint_version_is_ignored(monkeypatch):
    unit_table.shipped.cache_clear()
    monkeypatch.setattr(unit_table, "_installed_pint", lambda: "0.0-not-this-one")
    try:
        assert unit_table.shipped() is None
        assert units.pint_resolve("millimeter").kind == "length"
    finally:
        unit_table.shipped.cache_clear()


def test_common_quantities_do_not_import_pint():
    code = (
        "import sys, specllint\n"
        "text = 'Length 120 mm ± 0.5 mm, weight 2.5 kg, 40 pcs per carton, 1 in (25.4 mm)'\n"
        "qs = specllint.extract_quantities(text)\n"
        "assert qs, qs\n"
        "print('pint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
