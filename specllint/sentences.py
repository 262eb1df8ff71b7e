"""A rule-based sentence splitter that knows trade-spec abbreviations and numbers."""

from __future__ import annotations

import regex

#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    (
        "approx app appr apprx ca cca abt max min no nos nr qty pcs pc ref refs fig figs e.g i.e vs viz incl excl "
        "co ltd inc corp dept mfg std spec specs dia wt thk pls attn art mr mrs ms dr st jan feb mar apr jun jul "
        "aug sep sept oct nov dec tel ext rev ed vol"
    ).split()
)
_BOUNDARY = regex.compile(r"(?<=[.!?。！？])[\"”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9\p{Lu}])")
_WORD_BEFORE = regex.compile(r"([\w.]+)\.$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as absolute (start, end) offsets."""
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for m in _BOUNDARY.finditer(chunk):
        before = chunk[cursor : m.start()].rstrip("\"”’)]")
        word = _WORD_BEFORE.search(before)
        if word:
            token = word.group(1).lower()
            if token in ABBREVIATIONS or len(token) == 1 or (token.count(".") and len(token) <= 5):
                continue
        spans.append((cursor, m.start() + len(m.group(0).rstrip())))
        cursor = m.end()
    spans.append((cursor, len(chunk)))
    out = []
    for s, e in spans:
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((start + s, start + e))
    return out
