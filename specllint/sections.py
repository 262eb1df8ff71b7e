"""Document sections: which of the 14 contract sections are stated concretely."""

from __future__ import annotations

from .kinds.base import DocumentContext
from .model import SECTION_IDS, SectionStatus


def evaluate(document: DocumentContext) -> dict[str, SectionStatus]:
    """Status of every section id."""
    return {sid: SectionStatus(present=False) for sid in SECTION_IDS}
