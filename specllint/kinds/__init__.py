"""Rule kinds: the Python logic behind data-defined rules.

Every module in this package that defines :class:`~specllint.kinds.base.Kind` subclasses
with a ``name`` is imported by :func:`builtin_kinds`; nothing else needs registering.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .base import ClauseContext, DocumentContext, Hit, Kind

__all__ = ["ClauseContext", "DocumentContext", "Hit", "Kind", "builtin_kinds"]


def _subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_subclasses(sub))
    return out


@cache
def _load_modules() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")


def builtin_kinds() -> dict[str, type[Kind]]:
    """Name -> class for every kind shipped with specllint."""
    _load_modules()
    return {k.name: k for k in _subclasses(Kind) if k.name and k.__module__.startswith(__name__)}
