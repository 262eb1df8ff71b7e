"""A rule-based sentence splitter that knows trade-spec abbreviations and numbers."""

from __future__ import annotations

from .buildcache import compile_pattern

#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    (
        "approx app appr apprx ca cca abt max min no nos nr qty pcs pc ref refs fig figs e.g i.e vs viz incl excl "
        "co ltd inc corp dept mfg std spec specs dia wt thk pls attn art mr mrs ms dr st jan feb mar apr jun jul "
        "aug sep sept oct nov dec tel ext rev ed vol"
    ).split()
)
_BOUNDARY = compile_pattern(r"(?<=[.!?。！？])[\"”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9\p{Lu}])")
_WORD_BEFORE = compile_pattern(r"([\w.]+)\.$")


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


#: No clause is longer than this: a longer sentence (a run-on line, a pasted blob) is cut
#: at its last ``;``, ``,`` or space before the limit, so the cost and memory of one
#: clause stay bounded whatever the input.
MAX_CLAUSE = 2000


def capped(text: str, start: int, end: int, limit: int = MAX_CLAUSE) -> list[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters (one span when short),
    each trimmed of surrounding white space."""
    spans = []
    while end - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in (";", ",", " ", "\n", "\t"):
            cut = window.rfind(sep, limit // 2)
            if cut > 0:
                cut += 1
                break
        cut = start + (cut if cut > 0 else limit)
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            spans.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
    return spans
