"""Reading order-metadata values: dates, money amounts, durations and claim windows.

Every parser takes what YAML/TOML produced (str, int, float, date) and returns plain
values, or raises :class:`MetadataValueError` whose message says what was expected.
Nothing here looks at the real clock.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import regex

from .buildcache import compile_pattern


class MetadataValueError(ValueError):
    """A metadata value that cannot be read; the message is shown to the user."""


#: ISO 4217 codes accepted for amounts (the currencies of B2B trade seen in practice).
CURRENCIES = frozenset(
    "USD EUR CNY GBP JPY AUD CAD HKD CHF INR SGD KRW TWD THB VND MYR IDR PHP AED SAR TRY "
    "MXN BRL ZAR NZD SEK NOK DKK PLN CZK HUF RUB ILS".split()
)
#: Symbols and trade spellings -> ISO code. ``¥`` is read as CNY (write JPY for yen).
CURRENCY_ALIASES = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "US DOLLAR": "USD", "US DOLLARS": "USD", "DOLLARS": "USD",
    "€": "EUR", "EURO": "EUR", "EUROS": "EUR", "RMB": "CNY", "¥": "CNY", "YUAN": "CNY", "JP¥": "JPY",
    "£": "GBP", "HK$": "HKD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "S$": "SGD",
    "₹": "INR", "NT$": "TWD",
}
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_ISO = compile_pattern(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$")
_DMY_NAME = compile_pattern(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})$", regex.I)
_MDY_NAME = compile_pattern(r"^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", regex.I)
_NUMERIC = compile_pattern(r"^(\d{1,2})([./])(\d{1,2})\2(\d{4})$")
_AMOUNT = compile_pattern(
    r"^(?P<pre>[^\d\s.,-]{1,4}|[A-Za-z]{2,3}\$|[A-Za-z.]{3,12}\s)?\s*(?P<neg>-)?\s*"
    r"(?P<num>\d[\d,.' ]*)\s*(?P<mult>[kKmM])?\s*(?P<post>[A-Za-z$€£¥₹.]{1,12}(?:\s[A-Za-z]+)?)?$"
)
_DURATION = compile_pattern(
    r"^(?P<n>\d{1,4})\s*(?:(?P<kind>calendar|working|business)\s+)?(?P<unit>days?|d|weeks?|wks?|w|months?)?"
    r"(?:\s+(?P<rest>.*))?$",
    regex.I,
)
_ANCHORS = {
    "delivery": "delivery", "arrival": "delivery", "receipt": "delivery", "received": "delivery",
    "receiving": "delivery", "shipment": "shipment", "shipping": "shipment", "dispatch": "shipment",
    "loading": "shipment", "order": "order", "contract": "order", "deposit": "deposit", "payment": "deposit",
}


def _date(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise MetadataValueError(f"{raw!r} is not a calendar date (write YYYY-MM-DD)") from None


def parse_date(value: Any) -> dt.date:
    """A date from a date object or text (ISO, ``1 May 2026``, ``May 1, 2026``, ``01.05.2026``)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise MetadataValueError(f"expected a date such as 2026-05-01, got {value!r}")
    raw = value.strip()
    if m := _ISO.match(raw):
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw)
    for rx, day_i, mon_i in ((_DMY_NAME, 1, 2), (_MDY_NAME, 2, 1)):
        if m := rx.match(raw):
            month = _MONTHS.get(m.group(mon_i)[:3].lower())
            if month is None:
                break
            return _date(int(m.group(3)), month, int(m.group(day_i)), raw)
    if m := _NUMERIC.match(raw):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if m.group(2) == ".":  # 01.05.2026 is day-first wherever dots are used
            return _date(year, b, a, raw)
        if a > 12 >= b:
            return _date(year, b, a, raw)
        if b > 12 >= a:
            return _date(year, a, b, raw)
        raise MetadataValueError(f"{raw!r} is ambiguous (day/month or month/day?); write YYYY-MM-DD")
    raise MetadataValueError(f"cannot read {raw!r} as a date (write YYYY-MM-DD)")


def parse_currency(value: Any) -> str:
    """An ISO 4217 code from a code, a symbol or a common spelling."""
    if not isinstance(value, str) or not value.strip():
        raise MetadataValueError(f"expected a currency code such as USD, got {value!r}")
    raw = value.strip()
    code = CURRENCY_ALIASES.get(raw.upper(), CURRENCY_ALIASES.get(raw, raw.upper()))
    if code not in CURRENCIES:
        raise MetadataValueError(f"unknown currency {raw!r} (use an ISO code such as USD, EUR, CNY)")
    return code


def _number(text: str) -> float:
    digits = text.replace("'", "").replace(" ", "")
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):  # 25.000,50
        digits = digits.replace(".", "").replace(",", ".")
    elif regex.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", digits):  # 25,000.50
        digits = digits.replace(",", "")
    elif regex.fullmatch(r"\d+,\d{1,2}", digits):  # 2500,50
        digits = digits.replace(",", ".")
    else:
        raise MetadataValueError(f"cannot read {text!r} as an amount")
    return float(digits)


def parse_money(value: Any) -> tuple[float, str | None]:
    """(amount, currency or None) from ``25000``, ``"USD 25,000"``, ``"$25k"``, ``"25.000 €"``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise MetadataValueError(f"expected an amount such as \"USD 25,000\", got {value!r}")
    if isinstance(value, (int, float)):
        amount, currency = float(value), None
    else:
        m = _AMOUNT.match(value.strip())
        if m is None:
            raise MetadataValueError(f"cannot read {value!r} as an amount (write e.g. \"USD 25,000\")")
        pre, post = (m.group("pre") or "").strip(), (m.group("post") or "").strip()
        if pre and post:
            raise MetadataValueError(f"{value!r} names two currencies")
        amount = _number(m.group("num").strip())
        amount *= {"k": 1e3, "m": 1e6}.get((m.group("mult") or "").lower(), 1.0)
        amount = -amount if m.group("neg") else amount
        currency = parse_currency(pre or post) if (pre or post) else None
    if not math.isfinite(amount):
        raise MetadataValueError(f"{value!r} is not a finite amount")
    if amount < 0:
        raise MetadataValueError(f"amount must not be negative, got {value!r}")
    return amount, currency


def parse_days(value: Any) -> int:
    """A duration in calendar days from ``30``, ``"30 days"``, ``"4 weeks"``, ``"20 working days"``.

    Weeks are 7 days, months 30 days, and working days 5 per calendar week (rounded up).
    """
    days, rest = _duration(value)
    if rest:
        raise MetadataValueError(f"cannot read {value!r} as a duration (write e.g. \"30 days\")")
    return days


def _duration(value: Any) -> tuple[int, str]:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise MetadataValueError(f"expected a duration such as \"30 days\", got {value!r}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or value != int(value):
            raise MetadataValueError(f"expected a whole number of days, got {value!r}")
        if value < 0:
            raise MetadataValueError(f"duration must not be negative, got {value!r}")
        return int(value), ""
    raw = value.strip()
    if raw.startswith("-"):
        raise MetadataValueError(f"duration must not be negative, got {value!r}")
    m = _DURATION.match(raw)
    if m is None:
        raise MetadataValueError(f"cannot read {value!r} as a duration (write e.g. \"30 days\")")
    n = int(m.group("n"))
    unit = (m.group("unit") or "days").lower()
    if unit.startswith("w"):
        n *= 7
    elif unit.startswith("month"):
        n *= 30
    if (m.group("kind") or "").lower() in ("working", "business"):
        n = -(-n * 7 // 5)
    return n, (m.group("rest") or "").strip()


def parse_window(value: Any) -> dict[str, Any]:
    """A claim/protection window: ``{"days": 30, "after": "delivery"}`` or ``{"until": "2026-09-01"}``.

    ``30`` and ``"30 days"`` count from delivery; the anchor may be delivery (arrival,
    receipt), shipment, order (contract) or deposit (payment).
    """
    if isinstance(value, (dt.date, dt.datetime)) or (isinstance(value, str) and _looks_like_date(value)):
        return {"until": parse_date(value).isoformat()}
    days, rest = _duration(value)
    if not rest:
        return {"days": days, "after": "delivery"}
    m = regex.match(r"^(?:after|from|following|of|since)\s+(?:the\s+)?(?:buyer['’]s\s+)?(\w+)", rest, regex.I)
    anchor = _ANCHORS.get(m.group(1).lower()) if m else None
    if anchor is None:
        raise MetadataValueError(
            f"cannot read {value!r} as a window (write e.g. \"30 days after delivery\"; "
            "anchors: delivery, shipment, order, deposit)"
        )
    return {"days": days, "after": anchor}


def _looks_like_date(text: str) -> bool:
    t = text.strip()
    return bool(_ISO.match(t) or _DMY_NAME.match(t) or _MDY_NAME.match(t) or _NUMERIC.match(t))


def format_money(amount: float, currency: str | None) -> str:
    """``USD 25,000`` / ``USD 1,234.50`` / ``25,000`` (no currency)."""
    text = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    return f"{currency} {text}" if currency else text
