"""Order metadata: front matter (YAML ``---`` or TOML ``+++``) over ``[tool.specllint.metadata]``.

:func:`parse` returns the normalised, JSON-safe metadata that ends up in
``Report.metadata`` and hits for every value that cannot be used: ``bad-metadata``
(SPL902) for unreadable front matter or values, ``unknown-metadata-key`` (SPL904) for
keys specllint does not know. Hits sit on the offending key's line. Keys, aliases and
forms are documented in docs/metadata.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import regex
import tomllib

from .config import Config
from .kinds.base import Hit
from .metadata_values import MetadataValueError, parse_currency, parse_date, parse_days, parse_money, parse_window
from .segmentation import FrontMatter

BAD, UNKNOWN = "bad-metadata", "unknown-metadata-key"
#: Assumed when the metadata does not say (documented in docs/metadata.md).
DEFAULT_TRANSIT_DAYS = 30
DEFAULT_INSPECTION_DAYS = 7

#: canonical key -> accepted spellings (compared after lower-casing and ``_``/space -> ``-``)
ALIASES: Mapping[str, tuple[str, ...]] = {
    "order-value": ("order-value", "order-amount", "order-total", "total-value", "contract-value"),
    "currency": ("currency", "order-currency"),
    "coverage": ("coverage", "coverage-amount", "supplier-coverage", "coverage-limit"),
    "order-date": ("order-date", "contract-date", "po-date"),
    "deposit-date": ("deposit-date", "deposit-paid", "deposit-received"),
    "shipment-date": ("shipment-date", "ship-date", "ship-by", "latest-shipment-date"),
    "lead-time": ("lead-time", "production-lead-time", "production-time"),
    "protection-window": ("protection-window", "claim-window", "dispute-window"),
    "transit-time": ("transit-time", "shipping-time"),
    "inspection-time": ("inspection-time",),
    "today": ("today", "as-of"),
    # descriptive keys: kept as text, not checked
    "title": ("title",),
    "description": ("description",),
    "buyer": ("buyer",),
    "supplier": ("supplier", "seller"),
    "order-id": ("order-id", "order-number", "po-number"),
    "product": ("product",),
    "incoterm": ("incoterm", "incoterms"),
    "notes": ("notes", "note"),
}
_CANONICAL = {alias: key for key, aliases in ALIASES.items() for alias in aliases}
_DATE_KEYS = ("order-date", "deposit-date", "shipment-date", "today")
_DAY_KEYS = ("lead-time", "transit-time", "inspection-time")
_TEXT_KEYS = ("title", "description", "buyer", "supplier", "order-id", "product", "incoterm", "notes")


def canonical_key(key: Any) -> str | None:
    """The canonical name of a metadata key, or None when specllint does not know it."""
    return _CANONICAL.get(regex.sub(r"[_\s]+", "-", str(key).strip().lower()))


@cache
def _yaml_loader() -> Any:
    """A safe YAML loader without implicit timestamps: dates stay text and are read by
    specllint. (PyYAML is imported on the first YAML front matter, not at start-up.)"""
    import yaml

    class YamlLoader(yaml.SafeLoader):
        pass

    YamlLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return YamlLoader


class _Locator:
    """Finds where a key (or a line of the front matter) is in the text."""

    def __init__(self, front: FrontMatter | None, text: str | None) -> None:
        self.text = text
        self.inner: tuple[int, int] | None = None
        if front is not None and text is not None:
            first_nl = text.find("\n", front.start)
            start = front.end if first_nl < 0 else min(first_nl + 1, front.end)
            close = regex.compile(r"(?m)^(?:---|\+\+\+)[ \t]*\r?$").search(text, start, front.end)
            self.inner = (start, close.start() if close else front.end)

    def key(self, raw_key: str) -> tuple[int, int]:
        if self.inner is None or self.text is None:
            return 0, 0
        pattern = r"(?m)^[ \t]*[\"']?" + regex.escape(str(raw_key)) + r"[\"']?[ \t]*[:=]"
        m = regex.search(pattern, self.text, pos=self.inner[0], endpos=self.inner[1])
        return self._line(m.start()) if m else self.line(0)

    def line(self, index: int) -> tuple[int, int]:
        """Span of line ``index`` (0-based) of the front matter body, without indentation."""
        if self.inner is None or self.text is None:
            return 0, 0
        starts = [self.inner[0]]
        while len(starts) <= index:
            nl = self.text.find("\n", starts[-1], self.inner[1])
            if nl < 0 or nl + 1 >= self.inner[1]:
                break
            starts.append(nl + 1)
        while len(starts) > 1 and not self.text[starts[-1] : self.text.find("\n", starts[-1])].strip():
            starts.pop()  # an error "at the end" points at the last written line
        return self._line(starts[-1])

    def _line(self, pos: int) -> tuple[int, int]:
        assert self.text is not None
        end = self.text.find("\n", pos)
        end = len(self.text) if end < 0 else end
        line = self.text[pos:end]
        start = pos + len(line) - len(line.lstrip())
        return start, max(start, pos + len(line.rstrip()))


def _reparse(front: FrontMatter, locator: _Locator) -> tuple[dict[str, Any] | None, str | None, int]:
    """Front matter parsed again from the text: (data, error, 0-based error line)."""
    if locator.inner is None or locator.text is None:
        return (None if front.error else front.data), front.error, 0
    inner = locator.text[locator.inner[0] : locator.inner[1]]
    kind = front.format.upper()
    import yaml

    try:
        data = tomllib.loads(inner) if front.format == "toml" else yaml.load(inner, Loader=_yaml_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "syntax error"
        return None, f"invalid YAML front matter: {problem}", mark.line if mark else 0
    except tomllib.TOMLDecodeError as exc:
        m = regex.search(r"\(at line (\d+)", str(exc))
        message = regex.sub(r"\s*\(at [^)]*\)$", "", str(exc))
        return None, f"invalid TOML front matter: {message}", int(m.group(1)) - 1 if m else 0
    except Exception as exc:  # a parser failure is reported, never raised
        return None, f"invalid {kind} front matter: {exc}", 0
    if data is None:
        return {}, None, 0
    if not isinstance(data, dict):
        return None, f"{kind} front matter must be a table of keys and values, not a {type(data).__name__}", 0
    return data, None, 0


_PARSERS: Mapping[str, Callable[[Any], Any]] = {
    **{k: lambda v: parse_date(v).isoformat() for k in _DATE_KEYS},
    **{k: lambda v: {"days": parse_days(v)} for k in _DAY_KEYS},
    "currency": parse_currency,
    "protection-window": parse_window,
}


def _text_value(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return list(value)
    raise MetadataValueError("expected text")


def _normalise(
    items: list[tuple[str, Any, tuple[int, int], str]], hits: list[Hit]
) -> dict[str, Any]:
    """Read every (raw key, value, span, source) pair; later pairs override earlier ones."""
    out: dict[str, Any] = {}
    money: dict[str, tuple[float, str | None, tuple[int, int], str]] = {}
    for raw_key, value, span, source in items:
        key = canonical_key(raw_key)
        if key is None:
            known = sorted(ALIASES)
            close = difflib.get_close_matches(regex.sub(r"[_\s]+", "-", str(raw_key).lower()), known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"
            hits.append(Hit(*span, message=f"{source}unknown metadata key {raw_key!r}{hint}",
                            data={"rule": UNKNOWN}))
            continue
        try:
            if key in ("order-value", "coverage"):
                amount, currency = parse_money(value)
                money[key] = (amount, currency, span, source)
                out.pop(key, None)
                continue
            out[key] = _text_value(value) if key in _TEXT_KEYS else _PARSERS[key](value)
        except MetadataValueError as exc:
            out.pop(key, None)
            hits.append(Hit(*span, message=f"{source}{raw_key}: {exc}", data={"rule": BAD}))
    default_currency = out.get("currency")
    known_currencies = {c for _, c, _, _ in money.values() if c}
    if default_currency is None and len(known_currencies) == 1:
        default_currency = next(iter(known_currencies))  # a bare amount reads in the other's currency
    for key in ("order-value", "coverage"):
        if key in money:
            amount, currency, _, _ = money[key]
            out[key] = {"amount": amount, "currency": currency or default_currency}
    return {k: out[k] for k in ALIASES if k in out}


def parse(front: FrontMatter | None, config: Config, text: str | None = None) -> tuple[dict[str, Any], list[Hit]]:
    """Metadata from config overlaid with front matter, and hits for problems in it.

    ``text`` (the linted text) lets hits point at the offending key's line; without it
    they sit at the start of the front matter.
    """
    hits: list[Hit] = []
    items: list[tuple[str, Any, tuple[int, int], str]] = [
        (str(k), v, (0, 0), "config metadata: ") for k, v in config.metadata_dict().items()
    ]
    if front is not None:
        locator = _Locator(front, text)
        data, error, error_line = _reparse(front, locator)
        if error is not None:
            span = locator.line(error_line) if locator.inner else (front.start, front.end)
            hits.append(Hit(*span, message=error, data={"rule": BAD}))
        for key, value in (data or {}).items():
            items.append((str(key), value, locator.key(str(key)), ""))
    return _normalise(items, hits), hits


def key_span(text: str, span: tuple[int, int] | None, canonical: str) -> tuple[int, int] | None:
    """Where the front matter in ``text[span]`` writes ``canonical`` (any alias): its line."""
    if span is None:
        return None
    spellings = {a for a in ALIASES.get(canonical, (canonical,))}
    spellings |= {s.replace("-", "_") for s in spellings}
    pattern = r"(?mi)^[ \t]*[\"']?(?:" + "|".join(regex.escape(s) for s in sorted(spellings)) + r")[\"']?[ \t]*[:=]"
    m = regex.search(pattern, text, pos=span[0], endpos=span[1])
    if m is None:
        return None
    end = text.find("\n", m.start())
    end = len(text) if end < 0 or end > span[1] else end
    line = text[m.start() : end]
    start = m.start() + len(line) - len(line.lstrip())
    return start, m.start() + len(line.rstrip())
