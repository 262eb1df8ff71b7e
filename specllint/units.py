"""Units: one shared Pint registry, and how the units people write map onto it.

The registry is Pint's default one plus ``data/trade_units.txt`` (counts, gsm, hardness
scales, gloss units). It is built once, lazily, and only ever asked about unit *names*
from the alias table in :mod:`specllint.unit_aliases` - never about contract text.
Most answers come from a table generated from that registry (:mod:`specllint.unit_table`,
checked against the installed Pint by a test), so Pint is imported only for what the table
does not hold: rarer quotients and the conversion of temperature values.

Everything here is cached: a spelling resolves to a :class:`UnitInfo` once, a pair of
units gets its conversion factor once. Results hold plain strings and floats only.
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

from .unit_aliases import SYMBOLS, WORDS
from .unit_table import shipped

_LOCK = threading.Lock()
_REGISTRY: Any = None

#: Dimension classes recognised by rules, keyed by their Pint dimensionality.
_DIMENSION_CLASSES: tuple[tuple[str, str], ...] = (
    ("length", "[length]"),
    ("area", "[length] ** 2"),
    ("volume", "[length] ** 3"),
    ("mass", "[mass]"),
    ("areal_density", "[mass] / [length] ** 2"),
    ("linear_density", "[mass] / [length]"),
    ("density", "[mass] / [length] ** 3"),
    ("temperature", "[temperature]"),
    ("time", "[time]"),
    ("frequency", "1 / [time]"),
    ("speed", "[length] / [time]"),
    ("force", "[force]"),
    ("pressure", "[pressure]"),
    ("energy", "[energy]"),
    ("power", "[power]"),
    ("current", "[current]"),
    ("voltage", "[electric_potential]"),
    ("charge", "[charge]"),
    ("resistance", "[resistance]"),
    ("capacitance", "[capacitance]"),
    ("light", "[luminosity]"),
    ("luminance", "[luminosity] / [length] ** 2"),
    ("mass_rate", "[mass] / [time]"),
    ("force_per_length", "[force] / [length]"),
    ("areal_mass_rate", "[mass] / [length] ** 2 / [time]"),
)
#: Dimensionless units, classed by name.
_NAMED_CLASSES = {
    "percent": "ratio",
    "ppm": "ratio",
    "ppb": "ratio",
    "permille": "ratio",
    "degree": "angle",
    "radian": "angle",
    "decibel": "level",
    "thou": "length",
}
#: Base dimensions of the trade definitions that are counts or scales.
_COUNT_DIMENSIONS = ("[count]", "_count]")
_SCALE_DIMENSIONS = {"_hardness]": "hardness", "[gloss]": "gloss"}


def registry() -> Any:
    """The shared Pint ``UnitRegistry`` with the trade units loaded (built on first use)."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                import pint

                ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=False, cache_folder=None)
                with resources.as_file(resources.files("specllint") / "data" / "trade_units.txt") as path:
                    ureg.load_definitions(str(path))
                _REGISTRY = ureg
    return _REGISTRY


@attrs.frozen
class UnitInfo:
    """A resolved unit: canonical Pint name, dimension class, and whether it counts items."""

    unit: str
    kind: str
    is_count: bool = False
    offset: bool = False


def _key(spelling: str) -> str:
    return "".join(ch for ch in spelling if not ch.isspace() and ch != ".")


def _build_tables() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for expr, spellings in SYMBOLS.items():
        for s in spellings:
            exact[_key(s)] = expr
    for expr, spellings in WORDS.items():
        for s in spellings:
            folded[_key(s).casefold()] = expr
    return exact, folded


_EXACT, _FOLDED = _build_tables()


def spellings() -> list[str]:
    """Every written form in the alias table (for building the unit matcher)."""
    out = [s for group in SYMBOLS.values() for s in group]
    out += [s for group in WORDS.values() for s in group]
    return out


def expression_for(spelling: str) -> str | None:
    """The Pint expression a written unit stands for ("Kgs" -> "kilogram"), or None."""
    key = _key(spelling)
    return _EXACT.get(key) or _FOLDED.get(key.casefold())


@lru_cache(maxsize=1024)
def resolve(expression: str) -> UnitInfo | None:
    """Resolve a Pint unit expression (from the alias table, or a quotient of two) once."""
    table = shipped()
    row = table.units.get(expression) if table is not None else None
    if row is not None:
        return UnitInfo(*row)
    return pint_resolve(expression)


def pint_resolve(expression: str) -> UnitInfo | None:
    """:func:`resolve` asking Pint (not cached, no table)."""
    ureg = registry()
    try:
        unit = ureg.parse_units(expression)
    except Exception:  # Pint raises several error types for unknown names
        return None
    name = str(unit)
    return UnitInfo(name, _classify(ureg, unit, name), _is_count(ureg, unit), _is_offset(ureg, unit))


def lookup(spelling: str) -> UnitInfo | None:
    """Resolve a written unit spelling through the alias table."""
    expr = expression_for(spelling)
    return None if expr is None else resolve(expr)


def quotient(numerator: UnitInfo, denominator: UnitInfo, power: int = 1) -> UnitInfo | None:
    """The unit ``numerator / denominator ** power`` (for g/m², N/25 mm, km/h …)."""
    if numerator.offset or denominator.offset:
        return None
    suffix = f" ** {power}" if power != 1 else ""
    return resolve(f"({numerator.unit}) / ({denominator.unit}){suffix}")


def power_of(base: UnitInfo, power: int) -> UnitInfo | None:
    """``base ** power`` (for m², cm³ written with a trailing exponent)."""
    if base.offset or base.is_count:
        return None
    return resolve(f"({base.unit}) ** {power}")


def _dimensionality(ureg: Any, unit: Any) -> Any:
    return ureg.get_dimensionality(unit)


@lru_cache(maxsize=1)
def _class_table() -> tuple[tuple[Any, str], ...]:
    ureg = registry()
    return tuple((ureg.get_dimensionality(dim), name) for name, dim in _DIMENSION_CLASSES)


def _classify(ureg: Any, unit: Any, name: str) -> str:
    if name in _NAMED_CLASSES:
        return _NAMED_CLASSES[name]
    dims = _dimensionality(ureg, unit)
    text = str(dims)
    if any(marker in text for marker in _COUNT_DIMENSIONS):
        return "count"
    for marker, kind in _SCALE_DIMENSIONS.items():
        if marker in text:
            return kind
    if not dims:
        return "ratio" if "/" in name else "dimensionless"
    for ref, kind in _class_table():
        if dims == ref:
            return kind
    return "other"


def _is_count(ureg: Any, unit: Any) -> bool:
    text = str(_dimensionality(ureg, unit))
    return any(marker in text for marker in _COUNT_DIMENSIONS)


def _is_offset(ureg: Any, unit: Any) -> bool:
    try:
        return not ureg.Quantity(1.0, unit)._is_multiplicative
    except Exception:
        return False


@lru_cache(maxsize=4096)
def _factor(src: str, dst: str) -> float | None:
    table = shipped()
    if table is not None:
        a, b = table.dims.get(src), table.dims.get(dst)
        if a is not None and b is not None:
            if a != b:
                return None  # Pint raises DimensionalityError
            factor = table.factors.get((src, dst))
            if factor is not None:
                return factor
    return pint_factor(src, dst)


def pint_factor(src: str, dst: str) -> float | None:
    """The factor from ``src`` to ``dst`` asking Pint (not cached, no table)."""
    ureg = registry()
    try:
        return float(ureg.Quantity(1.0, src).to(dst).magnitude)
    except Exception:  # incompatible or unknown units
        return None


def delta_name(unit: str) -> str:
    """The name of a temperature difference ("degree_Celsius" -> "delta_degree_Celsius")."""
    return f"delta_{unit}" if unit in ("degree_Celsius", "degree_Fahrenheit", "degree_Reaumur") else unit


def convert(value: float, src: str, dst: str) -> float | None:
    """``value`` in ``src`` expressed in ``dst`` (None when the units are incompatible)."""
    if src == dst:
        return value
    if not math.isfinite(value):
        return None
    if _is_offset_name(src) or _is_offset_name(dst):
        ureg = registry()
        try:
            return float(ureg.Quantity(value, src).to(dst).magnitude)
        except Exception:
            return None
    factor = _factor(src, dst)
    return None if factor is None else value * factor


def convert_delta(value: float, src: str, dst: str) -> float | None:
    """A difference (tolerance) of ``value`` in ``src`` expressed in ``dst``."""
    if src == dst:
        return value
    factor = _factor(delta_name(src), delta_name(dst))
    return None if factor is None else value * factor


@lru_cache(maxsize=256)
def _is_offset_name(unit: str) -> bool:
    info = resolve(unit)
    return bool(info and info.offset)


def compatible(a: str, b: str) -> bool:
    """True when ``a`` converts into ``b``."""
    return a == b or _factor(delta_name(a), delta_name(b)) is not None


def reading_for(unit: UnitInfo, kind: str) -> UnitInfo:
    """Re-read an ambiguous unit for a context of dimension ``kind``: "oz" next to a
    volume is a fluid ounce."""
    if unit.unit == "ounce" and kind == "volume":
        return resolve("fluid_ounce") or unit
    if unit.unit == "fluid_ounce" and kind == "mass":
        return resolve("ounce") or unit
    return unit
