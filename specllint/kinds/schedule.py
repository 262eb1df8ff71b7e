"""``schedule``: shipment dates and claim windows that cannot work.

Reads the order metadata (docs/metadata.md) and the clauses of the shipment-date section.
Checks, each reported on the metadata key's line or on the date in the clause:

* ``before-order``  the shipment date is before the order date;
* ``lead-time``     order/deposit date + production lead time is after the shipment date,
  or a clause ships N days after the deposit/order with N below the lead time;
* ``past``          the shipment date is before ``today`` (only when ``today`` is given:
  the real clock is never read, so the same input always gives the same findings);
* ``window``        the protection/claim window closes before the goods can arrive
  (shipment + transit time) and be inspected (inspection time);
* ``no-date``       no shipment date in the metadata or the text. Not reported while the
  ``missing-section`` rule (option ``section_rule``) already reports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import regex

from ..buildcache import compile_pattern
from ..metadata import DEFAULT_INSPECTION_DAYS, DEFAULT_TRANSIT_DAYS, key_span
from ..metadata_values import MetadataValueError, parse_date
from ..sections import FRONT_MATTER_LABEL
from .base import DocumentContext, Hit, Kind
from .document import fill, insertion_point

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (
    r"(?:\b\d{4}[-/]\d{1,2}[-/]\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?,?\s+\d{4}\b"
    r"|\b" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b)"
)
_SHIP = r"\b(?:ship\w*|deliver\w*|dispatch\w*|load(?:ed|ing)?|ETD|ex[- ]factory)\b"
_DATED = compile_pattern(_SHIP + r"[^.;\n]{0,50}?(?P<date>" + _DATE + ")", regex.I)
_ANY_DATE = compile_pattern(_DATE, regex.I)
_RELATIVE = compile_pattern(
    r"(?:" + _SHIP + r"|\blead[- ]?time\b|\bproduction\b)[^.;\n]{0,60}?\b(?:within\s+)?"
    r"(?P<n>\d{1,3})\s*(?P<kind>calendar\s+|working\s+|business\s+)?(?P<unit>days?|weeks?)\s*"
    r"(?:after|from|following|of|upon)\s+(?:the\s+)?(?:buyer['’]?s?\s+)?"
    r"(?:receipt of\s+(?:the\s+)?|receiving\s+(?:the\s+)?)?"
    r"(?:\d+\s*%\s*)?(?P<event>deposit|down ?payment|advance|prepayment|contract|order|PO|purchase order|signing)\b",
    regex.I,
)

MESSAGES: Mapping[str, str] = {
    "before-order": "shipment date {shipment} is before the order date {order}",
    "lead-time": ("shipment date {shipment} leaves {available} days after the {start_name} date {start}, "
                  "but the production lead time is {lead} days"),
    "relative-lead-time": "shipment {days} days after the {event} is sooner than the {lead}-day production lead time",
    "past": "shipment date {shipment} is already past (today is {today})",
    "window": ("the protection window closes on {closes}, before the goods can arrive (about {arrival}) "
               "and be inspected ({inspect} days)"),
    "window-short": ("the protection window of {days} days after delivery is shorter than the {inspect} days "
                     "needed to inspect the goods"),
    "no-date": "the contract states no shipment date: late shipment cannot be claimed",
}


@attrs.frozen
class Dated:
    """A date and where it is written."""

    date: dt.date
    span: tuple[int, int]


def _days(value: Any, default: int) -> int:
    return int(value["days"]) if isinstance(value, dict) and "days" in value else default


class ScheduleKind(Kind):
    """``messages`` overrides the message of a check (keys as in ``MESSAGES``);
    ``section_rule`` is the code whose missing-section finding replaces ``no-date``."""

    name = "schedule"
    scope = "document"
    option_types = {"messages": dict, "section_rule": str}
    option_defaults = {"messages": {}, "section_rule": "SPL401"}

    def _hit(self, check: str, span: tuple[int, int], suggestions: Iterable[str], **values: Any) -> Hit:
        template = self.options["messages"].get(check, MESSAGES[check])
        text = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}
        return Hit(*span, message=fill(template, text), suggestions=tuple(suggestions),
                   data={"check": check, "problem": fill(template, text)})

    def _meta_date(self, document: DocumentContext, key: str) -> Dated | None:
        value = document.metadata.get(key)
        if not isinstance(value, str):
            return None
        span = key_span(document.text, document.metadata_span, key) or (0, 0)
        return Dated(dt.date.fromisoformat(value), span)

    def check_document(self, document: DocumentContext) -> Iterable[Hit]:
        md = document.metadata
        order = self._meta_date(document, "order-date")
        deposit = self._meta_date(document, "deposit-date")
        today = self._meta_date(document, "today")
        lead = _days(md.get("lead-time"), 0) if md.get("lead-time") else None
        shipment = self._meta_date(document, "shipment-date")
        clauses = _shipment_clauses(document)
        if shipment is None:
            shipment = _text_shipment_date(document.text, clauses)
        lead_flagged = False
        for days, event, span in _relative_shipments(document.text, clauses):
            start = deposit if event == "deposit" else order
            if lead is not None and days < lead:
                lead_flagged = True
                yield self._hit("relative-lead-time", span,
                                [f"shipment no sooner than {lead} days after receipt of the {event} "
                                 "(the production lead time)"
                                 + (f": on or after {start.date + dt.timedelta(days=lead)}" if start else "")],
                                days=days, event=event, lead=lead)
            if shipment is None and start is not None:
                shipment = Dated(start.date + dt.timedelta(days=days), span)
        if shipment is None:
            yield from self._no_date(document, order, deposit, lead)
            return
        yield from self._dates(shipment, order, deposit, None if lead_flagged else lead, today)
        yield from self._window(document, shipment, order, deposit)

    def _dates(self, ship: Dated, order: Dated | None, deposit: Dated | None, lead: int | None,
               today: Dated | None) -> Iterator[Hit]:
        if order is not None and ship.date < order.date:
            earliest = order.date + dt.timedelta(days=lead or 0)
            fix = (f"shipment on or after {earliest} (order date {order.date} + {lead} days lead time)" if lead
                   else f"ship on or before ⟨YYYY-MM-DD⟩, a date after the order date {order.date}")
            yield self._hit("before-order", ship.span, [fix], shipment=ship.date, order=order.date)
        elif lead is not None and (deposit or order) is not None:
            start, start_name = (deposit, "deposit") if deposit is not None else (order, "order")
            assert start is not None
            earliest = start.date + dt.timedelta(days=lead)
            if ship.date < earliest:
                yield self._hit(
                    "lead-time", ship.span,
                    [f"shipment on or after {earliest} ({start_name} date {start.date} + {lead} days lead time)"],
                    shipment=ship.date, start=start.date, start_name=start_name,
                    available=(ship.date - start.date).days, lead=lead,
                )
        if today is not None and ship.date < today.date:
            fix = (f"a new shipment date on or after {today.date + dt.timedelta(days=lead)} "
                   f"(today + {lead} days lead time)" if lead
                   else f"ship on or before ⟨YYYY-MM-DD⟩, a date after {today.date}")
            yield self._hit("past", ship.span, [fix], shipment=ship.date, today=today.date)

    def _window(self, document: DocumentContext, ship: Dated, order: Dated | None,
                deposit: Dated | None) -> Iterator[Hit]:
        window = document.metadata.get("protection-window")
        if not isinstance(window, dict):
            return
        md = document.metadata
        transit = _days(md.get("transit-time"), DEFAULT_TRANSIT_DAYS)
        inspect = _days(md.get("inspection-time"), DEFAULT_INSPECTION_DAYS)
        span = key_span(document.text, document.metadata_span, "protection-window") or ship.span
        arrival = ship.date + dt.timedelta(days=transit)
        if window.get("after") == "delivery":
            if window["days"] < inspect:
                yield self._hit("window-short", span, [f"protection window of at least {inspect} days after delivery"],
                                days=window["days"], inspect=inspect)
            return
        if "until" in window:
            closes = dt.date.fromisoformat(window["until"])
        else:
            anchor = {"shipment": ship, "order": order, "deposit": deposit}.get(window.get("after", ""))
            if anchor is None:
                return
            closes = anchor.date + dt.timedelta(days=int(window["days"]))
        needed = arrival + dt.timedelta(days=inspect)
        if closes < needed:
            yield self._hit(
                "window", span,
                [f"protection window until {needed} or later (shipment {ship.date} + {transit} days transit "
                 f"+ {inspect} days inspection)", "protection window of ⟨30⟩ days after delivery"],
                closes=closes, arrival=arrival, inspect=inspect,
            )

    def _no_date(self, document: DocumentContext, order: Dated | None, deposit: Dated | None,
                 lead: int | None) -> Iterator[Hit]:
        statuses = document.facts.get("sections") or {}
        status = statuses.get("shipment-date")
        if status is not None and status.present:
            return  # stated relative to an event whose date the metadata does not give
        config = document.config
        if status is not None and status.required and config.is_selected(self.options["section_rule"]):
            return
        at = insertion_point(document, statuses, "shipment-date")
        start = deposit or order
        fixes = ["ship on or before ⟨YYYY-MM-DD⟩"]
        if start is not None and lead:
            name = "deposit" if deposit is not None else "order"
            fixes.append(f"ship on or before ⟨YYYY-MM-DD⟩, no earlier than {start.date + dt.timedelta(days=lead)} "
                         f"({name} date {start.date} + {lead} days lead time)")
        yield self._hit("no-date", (at, at), fixes)


def _shipment_clauses(document: DocumentContext) -> list[tuple[int, int]]:
    status = (document.facts.get("sections") or {}).get("shipment-date")
    if status is None:
        return []
    return [sp for label, sp in zip(status.clauses, status.spans, strict=False) if label != FRONT_MATTER_LABEL]


def _text_shipment_date(text: str, clauses: list[tuple[int, int]]) -> Dated | None:
    """The first shipment date written in the shipment clauses (a date after a shipping word,
    else any date in them)."""
    for pattern in (_DATED, _ANY_DATE):
        for start, end in clauses:
            for m in pattern.finditer(text, start, end):
                group = "date" if "date" in pattern.groupindex else 0
                try:
                    return Dated(parse_date(m.group(group)), (m.start(group), m.end(group)))
                except MetadataValueError:
                    continue
    return None


def _relative_shipments(text: str, clauses: list[tuple[int, int]]) -> Iterator[tuple[int, str, tuple[int, int]]]:
    """(calendar days, "deposit" | "order", span) of "N days after deposit/order" statements."""
    for start, end in clauses:
        for m in _RELATIVE.finditer(text, start, end):
            n = int(m.group("n")) * (7 if m.group("unit").lower().startswith("w") else 1)
            if (m.group("kind") or "").strip().lower() in ("working", "business"):
                n = -(-n * 7 // 5)
            event = m.group("event").lower()
            kind = "order" if event in ("contract", "order", "po", "purchase order", "signing") else "deposit"
            yield n, kind, (m.start("n"), m.end("event"))
