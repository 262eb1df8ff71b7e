"""Loading rule packs: TOML rule files validated against a closed schema.

A pack is a directory of ``*.toml`` files, one rule each. The built-in pack is the
project's ``rules/`` directory (shipped in the wheel as ``specllint/_rules``); third
parties add packs or kinds through the ``specllint.rules`` entry point group. Loading a
pack never executes code from it: rule files are data, and patterns in them are compiled
with the ``regex`` module only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import regex
import tomllib

from .model import CATEGORIES, SEVERITIES

RULE_KEYS: Mapping[str, type | tuple[type, ...]] = {
    "code": str,
    "name": str,
    "category": str,
    "severity": str,
    "kind": str,
    "message": str,
    "summary": str,
    "rationale": str,
    "use_instead": str,
    "suggestions": list,
    "references": list,
    "options": dict,
    "examples": dict,
    "enabled": bool,
    "yields_to": list,
}
REQUIRED_KEYS = ("code", "name", "category", "severity", "kind", "message", "summary", "rationale")
CODE_RE = regex.compile(r"^[A-Z]{2,5}[0-9]{3,4}$")
NAME_RE = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
EXAMPLE_MARK_OPEN, EXAMPLE_MARK_CLOSE = "«", "»"


class RulePackError(Exception):
    """A rule file that cannot be used; the message names the file and line."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


@attrs.frozen
class Example:
    """A rule example. In a failing example «…» marks each span the rule must flag."""

    text: str
    spans: tuple[tuple[int, int], ...]
    source: str

    @classmethod
    def parse(cls, source: str) -> Example:
        text, spans, pos = [], [], 0
        start = None
        for ch in source:
            if ch == EXAMPLE_MARK_OPEN and start is None:
                start = pos
            elif ch == EXAMPLE_MARK_CLOSE and start is not None:
                spans.append((start, pos))
                start = None
            else:
                text.append(ch)
                pos += 1
        return cls("".join(text), tuple(spans), source)


@attrs.frozen
class Rule:
    """One rule as declared by its file."""

    code: str
    name: str
    category: str
    severity: str
    kind: str
    message: str
    summary: str
    rationale: str
    use_instead: str = ""
    suggestions: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    options: Mapping[str, Any] = attrs.field(factory=dict)
    fail_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    enabled: bool = True
    source: str = ""
    #: categories whose finding, when it wholly contains one of this rule's, makes it redundant
    yields_to: tuple[str, ...] = ()


def _toml_error_line(message: str) -> int | None:
    """The line named in a ``tomllib`` error message (Python < 3.14 has no ``lineno``)."""
    found = regex.search(r"\(at line (\d+)", message)
    return int(found.group(1)) if found else None


def _line_of(raw: str, needle: str) -> int | None:
    """First line of the file mentioning ``needle`` (for error messages)."""
    for number, line in enumerate(raw.splitlines(), 1):
        if needle in line:
            return number
    return None


def _check_patterns(path: Path, raw: str, options: Mapping[str, Any]) -> None:
    """Compile every option whose name says it holds regular expressions."""
    for key, value in options.items():
        if not (key.endswith("pattern") or key.endswith("patterns")):
            continue
        for pattern in value if isinstance(value, list) else [value]:
            if not isinstance(pattern, str):
                raise RulePackError(path, _line_of(raw, key), f"option {key!r} must hold strings")
            try:
                regex.compile(pattern)
            except regex.error as exc:
                line = _line_of(raw, pattern[:30]) or _line_of(raw, key)
                raise RulePackError(path, line, f"bad regular expression in {key!r}: {exc}") from None


def load_rule_file(path: Path, kinds: Mapping[str, type]) -> Rule:
    """Read and validate one rule file; raise :class:`RulePackError` on any problem."""
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except UnicodeDecodeError:
        raise RulePackError(path, None, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _toml_error_line(str(exc))
        raise RulePackError(path, line, f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise RulePackError(path, None, f"cannot read: {exc.strerror or exc}") from None
    for key, value in data.items():
        if key not in RULE_KEYS:
            raise RulePackError(path, _line_of(raw, key), f"unknown key {key!r}")
        if not isinstance(value, RULE_KEYS[key]):
            raise RulePackError(path, _line_of(raw, key), f"key {key!r} must be a {RULE_KEYS[key].__name__}")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise RulePackError(path, None, f"missing required key {key!r}")
    if not CODE_RE.match(data["code"]):
        raise RulePackError(path, _line_of(raw, "code"), f"bad code {data['code']!r} (expected e.g. SPL101)")
    if not NAME_RE.match(data["name"]):
        raise RulePackError(path, _line_of(raw, "name"), f"name {data['name']!r} is not kebab-case")
    if data["category"] not in CATEGORIES:
        raise RulePackError(path, _line_of(raw, "category"), f"unknown category {data['category']!r}")
    if data["severity"] not in SEVERITIES:
        raise RulePackError(path, _line_of(raw, "severity"), f"unknown severity {data['severity']!r}")
    kind = kinds.get(data["kind"])
    if kind is None:
        raise RulePackError(path, _line_of(raw, "kind"), f"unknown kind {data['kind']!r}")
    options = data.get("options", {})
    problems = kind.validate_options(options)
    if problems:
        key = problems[0].split("'")[1] if "'" in problems[0] else "options"
        raise RulePackError(path, _line_of(raw, key), problems[0])
    _check_patterns(path, raw, options)
    examples = data.get("examples", {})
    for key, value in examples.items():
        if key not in ("fail", "pass") or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RulePackError(path, _line_of(raw, key), "examples must be lists of strings named fail and pass")
    for category in data.get("yields_to", []):
        if category not in CATEGORIES or category == data["category"]:
            raise RulePackError(path, _line_of(raw, "yields_to"), f"yields_to: {category!r} is not another category")
    for key in ("suggestions", "references"):
        if not all(isinstance(v, str) for v in data.get(key, [])):
            raise RulePackError(path, _line_of(raw, key), f"{key!r} must be a list of strings")
    return Rule(
        code=data["code"],
        name=data["name"],
        category=data["category"],
        severity=data["severity"],
        kind=data["kind"],
        message=data["message"],
        summary=data["summary"].strip(),
        rationale=data["rationale"].strip(),
        use_instead=data.get("use_instead", "").strip(),
        suggestions=tuple(data.get("suggestions", ())),
        references=tuple(data.get("references", ())),
        options=options,
        fail_examples=tuple(Example.parse(s) for s in examples.get("fail", ())),
        pass_examples=tuple(Example.parse(s) for s in examples.get("pass", ())),
        enabled=data.get("enabled", True),
        source=str(path),
        yields_to=tuple(data.get("yields_to", ())),
    )


def builtin_pack_dir() -> Path:
    """The built-in rule pack: inside the installed package, or ``rules/`` of a checkout."""
    installed = Path(__file__).parent / "_rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "rules"


def load_pack(directory: Path, kinds: Mapping[str, type]) -> list[Rule]:
    """Load every ``*.toml`` rule file below ``directory`` (sorted, so order is stable)."""
    if not directory.is_dir():
        raise RulePackError(directory, None, "rule pack directory not found")
    return [load_rule_file(p, kinds) for p in sorted(directory.rglob("*.toml"))]


def entry_point_extensions() -> tuple[list[type], list[Path]]:
    """Kinds and pack directories advertised by installed distributions."""
    from .kinds.base import Kind

    found_kinds: list[type] = []
    found_packs: list[Path] = []
    for ep in metadata.entry_points(group="specllint.rules"):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not take the linter down
            raise RulePackError(f"entry point {ep.name}", None, f"cannot load: {exc}") from None
        if isinstance(obj, type) and issubclass(obj, Kind):
            found_kinds.append(obj)
        else:
            target = obj() if callable(obj) else obj
            if hasattr(target, "__file__"):
                target = Path(target.__file__).parent
            found_packs.append(Path(target))
    return found_kinds, found_packs


def load_rules(kinds: dict[str, type], extra_packs: Iterable[Path] = (), plugins: bool = True) -> list[Rule]:
    """The built-in pack, plugin packs and ``extra_packs``; codes must be unique."""
    packs = [builtin_pack_dir()]
    if plugins:
        plugin_kinds, plugin_packs = entry_point_extensions()
        for kind in plugin_kinds:
            kinds.setdefault(kind.name, kind)
        packs += plugin_packs
    packs += [Path(p) for p in extra_packs]
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for pack in packs:
        for rule in load_pack(pack, kinds):
            if rule.code in seen:
                raise RulePackError(rule.source, None, f"code {rule.code} already used by {seen[rule.code]}")
            seen[rule.code] = rule.source
            rules.append(rule)
    return rules
