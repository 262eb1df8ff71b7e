"""Suppression of findings by comments in the text."""

from __future__ import annotations

from .kinds.base import Hit
from .model import Finding


def apply(text: str, findings: tuple[Finding, ...]) -> tuple[tuple[Finding, ...], list[tuple[str, Hit]]]:
    """Drop suppressed findings; return the rest and meta hits (by meta rule name)."""
    return findings, []
