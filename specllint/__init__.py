"""specllint: lint the free-text specifications of order contracts for measurability.

Library first::

    import specllint
    report = specllint.lint("Material: high quality steel.")
    for finding in report.findings:
        print(finding.code, finding.text, finding.suggestions)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .config import Config, ConfigError
from .model import Clause, Edit, Finding, Fix, Quantity, Report, SectionStatus, Tolerance, to_dict
from .packs import RulePackError

__version__ = "0.1.0"

__all__ = [
    "Clause",
    "Config",
    "ConfigError",
    "Edit",
    "Finding",
    "Fix",
    "Quantity",
    "Report",
    "RulePackError",
    "SectionStatus",
    "Tolerance",
    "__version__",
    "extract_quantities",
    "iter_findings",
    "lint",
    "lint_many",
    "to_dict",
]


def _as_config(config: Config | Mapping[str, Any] | None) -> Config:
    if config is None or isinstance(config, Config):
        return config or Config()
    from .config_files import config_from_mapping

    return config_from_mapping(config, source="config")


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text`` (see :mod:`specllint.quantities`; imported on first use,
    so ``specllint --version`` and ``specllint rules`` do not compile the unit grammar)."""
    from .quantities import extract_quantities as extract

    return extract(text)


def lint(text: str, config: Config | Mapping[str, Any] | None = None, path: str | None = None) -> Report:
    """Lint one contract text and return a :class:`Report`.

    ``config`` is a :class:`Config`, a mapping with the keys of ``[tool.specllint]``,
    or None for the defaults. ``path`` is used for per-file ignores and reports.
    """
    from .engine import get_linter

    return get_linter(_as_config(config)).lint(text, path=path)


from .runner import lint_many  # noqa: E402  (needs lint and _as_config above)
from .streaming import iter_findings  # noqa: E402
