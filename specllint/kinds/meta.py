"""``meta``: rules whose findings the tool itself emits (suppressions, inputs, metadata)."""

from __future__ import annotations

from .base import Kind


class MetaKind(Kind):
    """No checking logic: the engine, the metadata reader and the suppression layer
    report these findings; the rule file supplies code, message and documentation."""

    name = "meta"
    #: neither clause nor document scope: the engine never calls a check on these
    scope = "tool"
