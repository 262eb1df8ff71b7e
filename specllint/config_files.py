"""Reading configuration from ``[tool.specllint]``, ``specllint.toml`` or ``.specllint.toml``.

The nearest file to the linted path wins (searching upwards); ``--config`` overrides the
search. Keys are kebab-case as in the files; an unknown key or a bad value is a
:class:`~specllint.config.ConfigError` that names the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomllib

from .config import Config, ConfigError

CONFIG_FILES = ("specllint.toml", ".specllint.toml", "pyproject.toml")

#: file key -> (Config field, accepted types)
KEYS: Mapping[str, tuple[str, type | tuple[type, ...]]] = {
    "select": ("select", list),
    "extend-select": ("extend_select", list),
    "ignore": ("ignore", list),
    "per-file-ignores": ("per_file_ignores", dict),
    "severity": ("severity", dict),
    "fail-on": ("fail_on", str),
    "sections-profile": ("sections_profile", str),
    "required-sections": ("required_sections", list),
    "accept": ("accept", list),
    "reject": ("reject", list),
    "packs": ("packs", list),
    "plugins": ("plugins", bool),
    "model": ("model", str),
    "max-bytes": ("max_bytes", int),
    "metadata": ("metadata", dict),
}
VOCABULARY_KEYS = ("accept", "reject")


def config_from_mapping(data: Mapping[str, Any], source: str = "config", base: Path | None = None) -> Config:
    """Build a :class:`Config` from file-style keys, validating every key and value."""
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key == "vocabulary":
            if not isinstance(value, Mapping):
                raise ConfigError(f"{source}: 'vocabulary' must be a table with accept/reject lists")
            for vkey, vvalue in value.items():
                if vkey not in VOCABULARY_KEYS or not isinstance(vvalue, list):
                    raise ConfigError(f"{source}: unknown or bad key 'vocabulary.{vkey}'")
                kwargs[vkey] = vvalue
            continue
        norm = key.replace("_", "-")
        if norm not in KEYS:
            raise ConfigError(f"{source}: unknown key {key!r} (known: {', '.join(sorted(KEYS))}, vocabulary)")
        field, types = KEYS[norm]
        if (isinstance(value, bool) and types is int) or not isinstance(value, types):
            raise ConfigError(f"{source}: key {key!r} must be a {types.__name__}, got {type(value).__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{source}: key {key!r} must be a list of strings")
        if field == "packs" and base is not None:
            value = [str((base / v).resolve()) for v in value]
        kwargs[field] = value
    try:
        return Config(**kwargs)
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}") from None


def read_config_file(path: Path) -> Config:
    """Read one config file; pyproject.toml contributes only ``[tool.specllint]``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("specllint", {})
    elif "tool" in data and "specllint" in data.get("tool", {}):
        data = data["tool"]["specllint"]
    return config_from_mapping(data, source=str(path), base=path.parent)


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject.toml must have the table)."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    table = tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {})
                except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                    continue
                if "specllint" not in table:
                    continue
            return candidate
    return None


def load_config(path: Path | None = None, explicit: Path | None = None) -> tuple[Config, Path | None]:
    """The config for linting ``path``: ``explicit`` if given, else the nearest file."""
    if explicit is not None:
        return read_config_file(explicit), explicit
    found = find_config_file(path or Path.cwd())
    if found is None:
        return Config(), None
    return read_config_file(found), found
