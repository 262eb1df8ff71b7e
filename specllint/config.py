"""Linter configuration: which rules run, how severe they are, and document options.

:class:`Config` is frozen and hashable so a built linter can be cached per config.
Reading config files (``pyproject.toml``, ``specllint.toml``) lives in :mod:`specllint.config_files`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .model import SEVERITIES


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message names the key."""


def _frozen_tuple(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    return tuple(str(v).strip() for v in value)


def _frozen_pairs(value: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> tuple[tuple[str, Any], ...]:
    if value is None:
        return ()
    items = value.items() if isinstance(value, Mapping) else value
    out = []
    for k, v in items:
        out.append((str(k), tuple(v) if isinstance(v, list) else v))
    return tuple(sorted(out))


@attrs.frozen
class Config:
    """Effective settings for one lint run. All fields have working defaults."""

    select: tuple[str, ...] = attrs.field(default=("SPL",), converter=_frozen_tuple)
    extend_select: tuple[str, ...] = attrs.field(default=(), converter=_frozen_tuple)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_frozen_tuple)
    per_file_ignores: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_frozen_pairs)
    severity: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_frozen_pairs)
    fail_on: str = "warning"
    sections_profile: str = "full"
    required_sections: tuple[str, ...] | None = attrs.field(
        default=None, converter=lambda v: None if v is None else _frozen_tuple(v)
    )
    accept: tuple[str, ...] = attrs.field(default=(), converter=_frozen_tuple)
    reject: tuple[str, ...] = attrs.field(default=(), converter=_frozen_tuple)
    packs: tuple[str, ...] = attrs.field(default=(), converter=_frozen_tuple)
    plugins: bool = True
    model: str | None = None
    max_bytes: int = 20_000_000
    metadata: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_frozen_pairs)

    def __attrs_post_init__(self) -> None:
        if self.fail_on not in SEVERITIES:
            raise ConfigError(f"fail-on: expected one of {', '.join(SEVERITIES)}, got {self.fail_on!r}")
        for code, sev in self.severity:
            if sev not in SEVERITIES:
                raise ConfigError(f"severity.{code}: expected one of {', '.join(SEVERITIES)}, got {sev!r}")
        if self.max_bytes <= 0:
            raise ConfigError("max-bytes: must be a positive number of bytes")
        from .section_spec import section_config_problem

        problem = section_config_problem(self.sections_profile, self.required_sections)
        if problem:
            raise ConfigError(problem)

    def is_selected(self, code: str) -> bool:
        """True when ``code`` is selected (by code or prefix) and not ignored.

        The longest matching prefix wins, as in ruff: ``select=["SPL"]`` with
        ``ignore=["SPL1"]`` and ``extend_select=["SPL101"]`` keeps SPL101 only of SPL1xx.
        """
        best_sel = max((len(p) for p in (*self.select, *self.extend_select) if code.startswith(p)), default=-1)
        best_ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_sel >= 0 and best_sel > best_ign

    def severity_for(self, code: str, default: str) -> str:
        """The severity override for ``code`` (longest matching prefix), or ``default``."""
        best = max(((len(p), s) for p, s in self.severity if code.startswith(p)), default=None)
        return best[1] if best else default

    def metadata_dict(self) -> dict[str, Any]:
        return dict(self.metadata)

    def evolve(self, **changes: Any) -> Config:
        return attrs.evolve(self, **changes)


DEFAULT_CONFIG = Config()
