"""Reading configuration from ``[tool.specllint]``, ``specllint.toml`` or ``.specllint.toml``.

The nearest file to the linted path wins (searching upwards); ``--config`` overrides the
search. Keys are kebab-case as in the files; an unknown key or a bad value is a
:class:`~specllint.config.ConfigError` that names the key. Every key is described in
docs/configuration.md.

Paths in a config file (``packs``, ``per-file-ignores`` globs containing ``/``) are
relative to the folder of that file; in a mapping passed to :func:`specllint.lint` they
are relative to the current directory.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

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
    "vocabulary": ("", dict),
    "packs": ("packs", list),
    "plugins": ("plugins", bool),
    "model": ("model", str),
    "max-bytes": ("max_bytes", int),
    "metadata": ("metadata", dict),
}
VOCABULARY_KEYS = ("accept", "reject")
CODE_KEYS = ("select", "extend-select", "ignore")
#: a rule code or a prefix of one: ``SPL``, ``SPL1``, ``SPL101``
SELECTOR_RE = regex.compile(r"^[A-Z]{1,5}[0-9]{0,4}$")
_SCALARS = (str, int, float, bool, dt.date, dt.time)


def _type_name(types: type | tuple[type, ...]) -> str:
    names = {list: "list", dict: "table", str: "string", int: "integer", bool: "boolean"}
    if isinstance(types, tuple):
        return " or ".join(names.get(t, t.__name__) for t in types)
    return names.get(types, types.__name__)


def _string_list(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"key {key!r} must be a list of strings")
    return value


def selectors(value: Any, key: str) -> list[str]:
    """Validated rule codes or prefixes (upper-cased); a bad one names ``key``."""
    out = []
    for item in _string_list(value, key):
        code = item.strip().upper()
        if not SELECTOR_RE.match(code):
            raise ConfigError(f"key {key!r}: {item!r} is not a rule code or prefix (such as SPL, SPL1, SPL101)")
        out.append(code)
    return out


def _glob_key(pattern: str, base: Path | None) -> str:
    """Globs with a folder part are anchored at the config file's folder."""
    pattern = pattern.replace("\\", "/")
    if "/" not in pattern.rstrip("/") or base is None:
        return pattern
    if os.path.isabs(pattern):
        return pattern
    return posixpath.normpath(f"{base.resolve().as_posix()}/{pattern}")


def _value(key: str, value: Any, base: Path | None) -> Any:
    """Check one key's value and convert it to what :class:`Config` takes."""
    types = KEYS[key][1]
    if (isinstance(value, bool) and types is int) or not isinstance(value, types):
        raise ConfigError(f"key {key!r} must be a {_type_name(types)}, got {type(value).__name__}")
    if key in CODE_KEYS:
        return selectors(value, key)
    if key == "per-file-ignores":
        return {_glob_key(glob, base): selectors(codes, f"per-file-ignores.{glob}") for glob, codes in value.items()}
    if key == "severity":
        out = {}
        for code, sev in value.items():
            (norm,) = selectors([code], "severity")
            if not isinstance(sev, str):
                raise ConfigError(f"key 'severity.{code}' must be a string (error, warning or info)")
            out[norm] = sev
        return out
    if key in ("required-sections", "packs"):
        items = _string_list(value, key)
        return [str((base / v).resolve()) for v in items] if key == "packs" and base is not None else items
    if key == "metadata":
        for mkey, mvalue in value.items():
            items = mvalue if isinstance(mvalue, list) else [mvalue]
            if not all(isinstance(v, _SCALARS) for v in items):
                raise ConfigError(f"key 'metadata.{mkey}' must be a string, number, date or list of them")
        return value
    if key == "model" and not value.strip():
        raise ConfigError("key 'model' must name a spaCy pipeline (omit it for the default)")
    return value


def config_from_mapping(data: Mapping[str, Any], source: str = "config", base: Path | None = None) -> Config:
    """Build a :class:`Config` from file-style keys, validating every key and value."""
    kwargs: dict[str, Any] = {}
    try:
        for key, value in data.items():
            norm = key.replace("_", "-")
            if norm not in KEYS:
                raise ConfigError(f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
            if norm == "vocabulary":
                if not isinstance(value, Mapping):
                    raise ConfigError("key 'vocabulary' must be a table with accept/reject lists")
                for vkey, vvalue in value.items():
                    if vkey not in VOCABULARY_KEYS:
                        raise ConfigError(f"unknown key 'vocabulary.{vkey}' (known: accept, reject)")
                    kwargs[vkey] = _string_list(vvalue, f"vocabulary.{vkey}")
                continue
            kwargs[KEYS[norm][0]] = _value(norm, value, base)
        return Config(**kwargs)
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}") from None
    except (TypeError, ValueError) as exc:
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


def check_selectors(config: Config, codes: Collection[str]) -> None:
    """Raise :class:`ConfigError` for a code or prefix in ``config`` that names no rule in ``codes``."""
    entries = [("select", config.select), ("extend-select", config.extend_select), ("ignore", config.ignore),
               ("severity", [code for code, _ in config.severity])]
    entries += [(f"per-file-ignores.{glob}", values) for glob, values in config.per_file_ignores]
    for key, values in entries:
        for value in values:
            if not any(code.startswith(value) for code in codes):
                raise ConfigError(f"key {key!r}: {value!r} matches no rule code (see `specllint rules`)")


# -- per-file ignores -------------------------------------------------------------------
@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> regex.Pattern[str]:
    """``*`` and ``?`` stay inside one folder, ``**/`` spans folders, ``[…]`` is a set."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and (close := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
            continue
        else:
            out.append(regex.escape(ch))
        i += 1
    return regex.compile("".join(out) + r"\Z")


def glob_matches(pattern: str, path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` matches a per-file-ignores glob.

    A glob without ``/`` matches the file name in any folder; any other glob matches the
    whole path, a relative glob being taken from the current directory.
    """
    full = Path(path).resolve().as_posix()
    if "/" not in pattern.rstrip("/"):
        return bool(_glob_regex(pattern).match(full.rsplit("/", 1)[-1]))
    if not os.path.isabs(pattern):
        pattern = posixpath.normpath(f"{Path.cwd().resolve().as_posix()}/{pattern}")
    return bool(_glob_regex(pattern).match(full))


def per_file_ignores(config: Config, path: str | None) -> tuple[str, ...]:
    """Code prefixes ignored for ``path`` by ``per-file-ignores`` (empty without a path)."""
    if path is None or not config.per_file_ignores:
        return ()
    out: list[str] = []
    for pattern, codes in config.per_file_ignores:
        if glob_matches(pattern, path):
            out.extend(codes)
    return tuple(out)


# -- showing the effective config -------------------------------------------------------
def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _toml_key(key: str) -> str:
    return key if regex.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _table(name: str, items: Iterable[tuple[str, Any]]) -> list[str]:
    return ["", f"[{name}]", *(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in items)]


def show_config(config: Config, source: Path | None) -> str:
    """The effective config as TOML (valid ``specllint.toml`` content) with its origin."""
    origin = f"# from {source}" if source else "# no config file found: built-in defaults"
    lines = ["# effective specllint configuration", origin]
    for key in ("select", "extend-select", "ignore"):
        lines.append(f"{key} = {_toml_value(getattr(config, KEYS[key][0]))}")
    lines.append(f"fail-on = {_toml_value(config.fail_on)}")
    lines.append(f"sections-profile = {_toml_value(config.sections_profile)}")
    if config.required_sections is None:
        lines.append("# required-sections: not set (the sections-profile decides)")
    else:
        lines.append(f"required-sections = {_toml_value(config.required_sections)}")
    lines.append(f"packs = {_toml_value(config.packs)}")
    lines.append(f"plugins = {_toml_value(config.plugins)}")
    if config.model is None:
        lines.append('# model: not set (spacy.blank("en") with specllint\'s components)')
    else:
        lines.append(f"model = {_toml_value(config.model)}")
    lines.append(f"max-bytes = {config.max_bytes}")
    lines += _table("severity", config.severity)
    lines += _table("per-file-ignores", config.per_file_ignores)
    lines += _table("vocabulary", (("accept", config.accept), ("reject", config.reject)))
    lines += _table("metadata", config.metadata)
    return "\n".join(lines) + "\n"
