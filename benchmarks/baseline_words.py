"""A plain word-list baseline: trigger words matched anywhere, with no context at all.

It is what a naive linter does, and it runs beside specllint in benchmarks/accuracy.py so the
report shows what context handling adds (fewer false alarms on hard negatives) and costs.
"""

from __future__ import annotations

import regex

WORDS: dict[str, list[str]] = {
    "vague-term": [
        "high quality", "good quality", "best quality", "top quality", "premium", "durable", "strong", "sturdy",
        "robust", "excellent", "superior", "nice", "beautiful", "smooth", "soft", "bright", "comfortable",
        "heavy-duty", "heavy duty", "fine", "eco-friendly", "skin-friendly", "food-grade", "food grade",
        "high-end", "good", "high", "reliable", "stable", "solid",
    ],
    "approximation": ["approximately", "approx.", "approx", "about", "around", "circa", "ca.", "roughly", "~"],
    "vague-time": [
        "asap", "as soon as possible", "soon", "promptly", "quickly", "timely", "mid-", "end of", "early",
        "when ready", "reasonable time", "earliest convenience",
    ],
    "open-ended": ["etc", "and so on", "and the like", "and similar", "and others", "and more", "…",
                   "including but not limited to"],
    "unspecified-reference": [
        "as per sample", "per sample", "same as", "previous", "usual", "industry standard", "international standard",
        "international standards", "standard export", "as discussed", "as agreed", "relevant", "as per artwork",
        "customer requirements",
    ],
    "escape-clause": [
        "if possible", "as appropriate", "where feasible", "subject to availability", "or equivalent", "or similar",
        "discretion", "reasonable efforts", "may vary", "where practical", "unless otherwise", "if necessary",
        "try to",
    ],
    "subjective-acceptance": [
        "satisfaction", "no obvious", "acceptable", "commercially acceptable", "good appearance",
        "visually acceptable", "noticeable", "looks good", "happy",
    ],
    "off-platform-payment": [
        "western union", "moneygram", "paypal", "personal account", "private account", "directly to our",
        "save fees", "outside the platform", "bank account",
    ],
}


def _compile() -> list[tuple[regex.Pattern, str]]:
    out = []
    for category, words in WORDS.items():
        parts = []
        for word in sorted(words, key=len, reverse=True):
            body = regex.escape(word)
            left = r"(?<!\w)" if word[0].isalnum() else ""
            right = r"(?!\w)" if word[-1].isalnum() else ""
            parts.append(left + body + right)
        out.append((regex.compile("|".join(parts), regex.I), category))
    return out


PATTERNS = _compile()


def baseline_spans(text: str) -> list[tuple[int, int, str]]:
    """Every occurrence of every listed word, as (start, end, category)."""
    spans = []
    for pattern, category in PATTERNS:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end(), category))
    return spans
