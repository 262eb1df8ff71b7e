"""Reading clauses for section evidence: each clause becomes one or more *views*.

A view is the text a section signal is matched against, with its context split in two:
the *near* context (its ``Key:`` label, table header cell or first words) and the *far*
context (its Markdown heading and the titles of the numbered clauses it sits under). A
table row with a header becomes one view per cell (``Unit price (USD): 2.10``), so a
mixed table reads like a list of fields. Views also carry the words and features the
gates check (:mod:`specllint.section_gates`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

import attrs

from .buildcache import compile_pattern
from .section_gates import text_features, word_prefix_keys
from .section_spec import section_data
from .segmentation import Segment

#: A title of a numbered clause longer than this is cut (it is context, not evidence).
TITLE_CHARS = 80
LEAD_WORDS = 4
#: A clause ending in a question (or dot-leader label) this short hands it to the next clause.
QUESTION_CHARS = 80
_LABEL = compile_pattern(r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)?(?P<subs>(?:\([^()/]{1,6}\))*)(?:/\d+)?$")
_SUB = compile_pattern(r"\([^()]*\)")
_WORD = compile_pattern(r"\S+")
_TOKEN = compile_pattern(r"[^\W\d_]+|[^\w\s]")


@attrs.define(eq=False)
class View:
    """One stretch of text judged for section evidence, and where it came from.

    The word keys and gate features of the text and contexts are computed on first need
    and dropped again by :meth:`release` once the view has been scanned, so only the
    view being scanned holds them.
    """

    segment: int
    text: str
    key: str | None
    near: str
    far: str
    heading: str | None
    ancestors: tuple[tuple[str, int], ...]
    #: the question (or dot-leader label) the previous clause ended with, which this
    #: clause answers ("Q: Lead time?" / "A: 35 days after deposit")
    asked: str | None = None
    #: fragments voided by the shared weakeners (computed once, on first need)
    shared_weak: list[tuple[int, int]] | None = attrs.field(init=False, default=None)
    _keys: frozenset[str] | None = attrs.field(init=False, default=None)
    _features: frozenset[str] | None = attrs.field(init=False, default=None)
    _near_keys: frozenset[str] | None = attrs.field(init=False, default=None)
    _key_keys: frozenset[str] | None = attrs.field(init=False, default=None)

    @property
    def keys(self) -> frozenset[str]:
        """:func:`~specllint.section_gates.word_keys` of the text (those gates can ask for)."""
        if self._keys is None:
            self._keys = _keys(self.text)
        return self._keys

    @property
    def features(self) -> frozenset[str]:
        """The gate features of the text."""
        if self._features is None:
            self._features = text_features(self.text)
        return self._features

    def release(self) -> None:
        """Drop the scan-time caches (they are recomputed if asked for again)."""
        self.shared_weak = self._keys = self._features = self._near_keys = self._key_keys = None

    @property
    def near_keys(self) -> frozenset[str]:
        if self._near_keys is None:
            self._near_keys = _keys(self.near)
        return self._near_keys

    @property
    def key_keys(self) -> frozenset[str]:
        if self._key_keys is None:
            self._key_keys = _keys(self.key or "")
        return self._key_keys

    @property
    def far_keys(self) -> frozenset[str]:
        return _cached_keys(self.far)


_NO_KEYS: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[int, ...]]:
    """Every word a gate or topic pre-check of the section data can ask for, and their
    lengths: keys outside it never change a check, so views keep only these."""
    data = section_data()
    vocab: set[str] = set()
    for spec in data.sections:
        for signal in spec.signals:
            for gate in (signal.gate, *signal.part_gates):
                for group in gate:
                    vocab |= group.words
        for words in (spec.topic_words, spec.text_topic_words, spec.exclude_words):
            if words:
                vocab |= words
    for group in data.shared_gate:
        vocab |= group.words
    return frozenset(vocab), tuple(sorted({len(w) for w in vocab}))


@lru_cache(maxsize=65536)
def _word_key(word: str) -> frozenset[str]:
    vocab, lengths = _vocabulary()
    return word_prefix_keys(word, vocab, lengths)


def _keys(text: str) -> frozenset[str]:
    """:func:`~specllint.section_gates.word_keys` of the lower-cased words of ``text``,
    restricted to the words the section data's gates and pre-checks use (same answers
    to every check, a fraction of the work and memory)."""
    if not text:
        return _NO_KEYS
    found: set[str] = set()
    for word in set(_TOKEN.findall(text.lower())):
        hit = _word_key(word)
        if hit:
            found |= hit
    return frozenset(found) if found else _NO_KEYS


@lru_cache(maxsize=4096)
def _cached_keys(text: str) -> frozenset[str]:
    return _keys(text)


def label_prefixes(label: str) -> list[str]:
    """Parent labels of a clause label, itself included: ``3.2(a)/2`` -> 3, 3.2, 3.2(a)."""
    m = _LABEL.match(label)
    if m is None or label.startswith("L"):
        return []
    out: list[str] = []
    if m.group("num"):
        parts = m.group("num").split(".")
        out += [".".join(parts[: i + 1]) for i in range(len(parts))]
    base = m.group("num") or ""
    for sub in _SUB.findall(m.group("subs") or ""):
        base += sub
        out.append(base)
    return out


def _split_table_heading(seg: Segment) -> tuple[str | None, list[str]]:
    """A table row's Markdown heading and its header cells (from ``heading / a | b``)."""
    if seg.heading is None:
        return None, []
    head, sep, last = seg.heading.rpartition(" / ")
    if " | " in last or (not sep and seg.kind == "table-row" and "|" in last):
        return (head or None), [c.strip() for c in last.split(" | ")]
    return seg.heading, []


def _lead(text: str) -> str:
    words = _WORD.findall(text[:120])
    return " ".join(words[:LEAD_WORDS])



def iter_views(text: str, segments: Sequence[Segment]) -> Iterator[View]:
    """Views of every segment, in document order, one at a time (a view holds a copy of
    its text and contexts, so only the views being read are kept)."""
    titles: dict[str, tuple[str, int]] = {}
    current_heading: str | None = None
    question: str | None = None
    for index, seg in enumerate(segments):
        body = text[seg.start : seg.end]
        asked, question = question, _carried(body)
        heading, header = (_split_table_heading(seg) if seg.kind == "table-row" else (seg.heading, []))
        if heading != current_heading:
            titles.clear()
            current_heading = heading
        prefixes = label_prefixes(seg.label)
        own = prefixes[-1] if prefixes else None
        if own is not None and "/" not in seg.label:
            title = seg.key or body[:TITLE_CHARS]
            titles[own] = (title, index)
            for stale in [p for p in titles if p != own and p.startswith(own) and len(p) > len(own)]:
                del titles[stale]
        ancestors = tuple(titles[p] for p in prefixes if p in titles)
        far = " / ".join([heading or "", *(t for t, _ in ancestors)])
        if seg.kind == "table-row":
            yield from _table_views(index, body, header, far, heading, ancestors)
            continue
        near = " / ".join(x for x in (seg.key, _lead(body), asked) if x)
        yield View(index, body, seg.key, near, far, heading, ancestors, asked)
        if "\n" in body:
            yield from _line_views(index, body, far, heading, ancestors)


#: a line that starts with a label: "Quantity: 500 pcs", "■ 数量 Quantity：5,000個"
_LINE_KEY = compile_pattern(r"^[\s■□●◆◇▪•*·-]*(?P<key>[^\n:：\t]{1,40}?)\s*[:：]\s*\S")


def _line_views(
    index: int, body: str, far: str, heading: str | None, ancestors: tuple
) -> Iterator[View]:
    """Extra views of a clause that is really several fields or a pasted table: one per
    ``Key: value`` line when two or more lines have a label, and one per cell when the
    lines are tab-separated with a header row."""
    lines = [line for line in body.split("\n") if line.strip()]
    if len(lines) < 2:
        return
    tabbed = [line.split("\t") for line in lines]
    width = len(tabbed[0])
    if width >= 3 and sum(len(cells) == width for cells in tabbed[1:]) >= 1:
        header = [c.strip() for c in tabbed[0]]
        for cells in tabbed[1:]:
            if len(cells) == width:
                yield from _table_views(index, "|".join(cells), header, far, heading, ancestors)
        return
    keyed = [(m.group("key").strip(), line) for line in lines if (m := _LINE_KEY.match(line))]
    if len(keyed) < 2:
        return
    for key, line in keyed:
        yield View(index, line.strip(), key, f"{key} / {_lead(line)}", far, heading, ancestors)


_LEADER = compile_pattern(r"^\W*[^\W\d][^.\n]{0,40}?\s*\.{3,}\s*$")


def _carried(body: str) -> str | None:
    """What a clause ends with that belongs to the next one: a short question ("Q: Lead
    time?", "Anna: ship date?"), answered by the next clause, or a label with dot leaders
    ("Quantity ........") whose value starts the next clause."""
    last = body.rstrip().rpartition("\n")[2].strip()
    if len(last) > QUESTION_CHARS:
        return None
    if last.endswith("?") or _LEADER.match(last):
        return last
    return None


def _table_views(
    index: int, body: str, header: list[str], far: str, heading: str | None, ancestors: tuple
) -> Iterator[View]:
    cells = [c.strip() for c in body.split("|")]
    if len(cells) == 2:
        # A two-column row reads as a field: the first cell is the key.
        yield View(index, f"{cells[0]}: {cells[1]}", cells[0], cells[0], far, heading, ancestors)
    if header and len(header) == len(cells):
        # The first cell names the row ("Overall height | 365 mm | ± 2 mm"): it is part of
        # the near context of the row's other cells.
        for i, (name, cell) in enumerate(zip(header, cells, strict=True)):
            if cell:
                near = f"{name} / {cells[0]}" if i and cells[0] else name
                yield View(index, f"{name}: {cell}", name, near, far, heading, ancestors)
        return
    if len(cells) == 2:
        return
    yield View(index, "; ".join(cells), None, cells[0] if cells else "", far, heading, ancestors)
