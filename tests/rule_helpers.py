"""Shared helpers of the rule tests."""

from __future__ import annotations

import specllint


def flagged_texts(text: str, code: str) -> list[str]:
    """The text of every finding of rule ``code`` alone in ``text`` (no sections, no plugins)."""
    config = specllint.Config(select=[code], sections_profile="none", plugins=False)
    return [text[f.start : f.end] for f in specllint.lint(text, config=config).findings if f.code == code]
