"""Unit facts generated from Pint, so that the common path never imports Pint.

Importing Pint and building its registry takes about 0.3 s, more than linting a small
contract. Every unit the alias table names (its canonical Pint name, dimension class,
count and offset flags, dimensionality), their squares and cubes, and the conversion
factor between every two of them with the same dimensionality are therefore written to
``data/unit_table.json`` by this module, from the live registry::

    python -m specllint.unit_table          # rewrite data/unit_table.json

Pint stays the source of truth: ``tests/test_units.py`` rebuilds the table from the
installed Pint and asserts it equals the shipped file, the table is ignored when the
installed Pint version differs from the one it was built with, and anything not in the
table (quotients such as ``g/m²/24 h``, temperature values) is asked of Pint itself.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import attrs

#: Powers of a base unit the grammar composes (m², cm³ ...).
POWERS = (2, 3)
FILE_NAME = "unit_table.json"


@attrs.frozen
class UnitTable:
    """Resolved expressions, dimensionalities and conversion factors."""

    pint_version: str
    #: expression -> (canonical name, dimension class, is_count, offset)
    units: dict[str, tuple[str, str, bool, bool]]
    #: canonical name -> Pint dimensionality as text ("[length]^1 [mass]^1 [time]^-2")
    dims: dict[str, str]
    #: (source, target) -> factor, for every two names with the same dimensionality
    factors: dict[tuple[str, str], float]


def build(ureg: Any) -> dict[str, Any]:
    """The table as JSON-ready data, computed from ``ureg`` (specllint's registry) with
    the same functions :mod:`specllint.units` uses when it asks Pint."""
    import pint

    from . import units
    from .unit_aliases import SYMBOLS, WORDS

    rows: dict[str, list[Any]] = {}

    def add(expr: str) -> Any:
        info = units.pint_resolve(expr)
        if info is not None:
            rows[expr] = [info.unit, info.kind, info.is_count, info.offset]
        return info

    singles = [add(e) for e in sorted({*SYMBOLS, *WORDS, "fluid_ounce", "ounce"})]
    names = {i.unit for i in singles if i is not None}
    for name in sorted(names):
        add(name)
        add(units.delta_name(name))
        base = units.pint_resolve(name)
        if base is not None and not base.offset and not base.is_count:
            for p in POWERS:
                power = add(f"({name}) ** {p}")
                if power is not None:
                    add(power.unit)
    canon = sorted({row[0] for row in rows.values()} | {units.delta_name(row[0]) for row in rows.values()})
    dims = {n: _dims_text(ureg, n) for n in canon if _known(ureg, n)}
    factors: dict[str, dict[str, float]] = {}
    for src in dims:
        for dst in dims:
            if dims[src] == dims[dst]:
                f = units.pint_factor(src, dst)
                if f is not None:
                    factors.setdefault(src, {})[dst] = f
    return {"pint": pint.__version__, "units": rows, "dims": dims, "factors": factors}


def _dims_text(ureg: Any, name: str) -> str:
    """A dimensionality as text in a fixed order (Pint's own text keeps insertion order)."""
    dims = ureg.get_dimensionality(name)
    return " ".join(f"{dim}^{exp}" for dim, exp in sorted(dims.items())) or "1"


def _known(ureg: Any, name: str) -> bool:
    try:
        ureg.parse_units(name)
    except Exception:  # Pint raises several error types for unknown names
        return False
    return True


def from_data(data: dict[str, Any]) -> UnitTable:
    """A :class:`UnitTable` from the JSON data :func:`build` produces."""
    return UnitTable(
        pint_version=data["pint"],
        units={k: (v[0], v[1], bool(v[2]), bool(v[3])) for k, v in data["units"].items()},
        dims=dict(data["dims"]),
        factors={(s, d): float(f) for s, row in data["factors"].items() for d, f in row.items()},
    )


def _installed_pint() -> str | None:
    from importlib import metadata

    try:
        return metadata.version("pint")
    except metadata.PackageNotFoundError:
        return None


@cache
def shipped() -> UnitTable | None:
    """The table in the package, or None when it is missing, unreadable or was built
    with another Pint version than the installed one."""
    try:
        text = (resources.files("specllint") / "data" / FILE_NAME).read_text(encoding="utf-8")
        table = from_data(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    return table if table.pint_version == _installed_pint() else None


def write(path: str | None = None) -> str:
    """Rebuild the table from the installed Pint and write it (default: the package's file)."""
    from . import units

    target = path or str(resources.files("specllint") / "data" / FILE_NAME)
    data = build(units.registry())
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        fh.write("\n")
    return target


if __name__ == "__main__":
    print(f"wrote {write()}")
