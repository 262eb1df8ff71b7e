"""Quantity extraction (placeholder until the grammar lands)."""

from __future__ import annotations

from .model import Quantity


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``."""
    return ()
