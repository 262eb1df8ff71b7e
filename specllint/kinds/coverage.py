"""``coverage-limit``: the order value is above the supplier's coverage amount.

Compares ``order-value`` with ``coverage`` from the order metadata (docs/metadata.md).
Amounts are compared only in one currency: with two different currencies nothing is
reported, because any exchange rate would be a guess. A bare amount takes the currency of
the ``currency`` key or of the other amount.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..metadata import key_span
from ..metadata_values import format_money
from .base import DocumentContext, Hit, Kind


class CoverageKind(Kind):
    """Message and suggestion templates may use ``{order}``, ``{coverage}``, ``{gap}``
    (formatted amounts) and ``{currency}``."""

    name = "coverage-limit"
    scope = "document"

    def check_document(self, document: DocumentContext) -> Iterable[Hit]:
        order = document.metadata.get("order-value")
        cover = document.metadata.get("coverage")
        if not isinstance(order, dict) or not isinstance(cover, dict):
            return
        currency = order.get("currency")
        if currency != cover.get("currency") and currency is not None and cover.get("currency") is not None:
            return
        currency = currency or cover.get("currency")
        amount, limit = float(order["amount"]), float(cover["amount"])
        if amount <= limit:
            return
        span = (
            key_span(document.text, document.metadata_span, "order-value")
            or key_span(document.text, document.metadata_span, "coverage")
            or (0, 0)
        )
        yield Hit(
            *span,
            data={
                "order": format_money(amount, currency),
                "coverage": format_money(limit, currency),
                "gap": format_money(amount - limit, currency),
                "currency": currency or "",
            },
        )
