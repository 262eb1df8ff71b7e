"""Where a clause makes itself measurable: values, limits, standards and references.

Language rules ask the same questions of a clause: is there a limit or a tolerance near
this word, a named standard or test method, an identifier or a date after this
reference? :class:`ClauseFacts` answers them from one scan of the clause text, and is
shared by every rule through the document's ``facts`` (computed once per clause).

All patterns here are built in and compiled once; patterns from rule files go through
:mod:`specllint.userpatterns` instead.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

import regex
from spacy.attrs import IDX, LOWER

from .buildcache import compile_pattern

if TYPE_CHECKING:
    from .kinds.base import ClauseContext

NUM = r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s?/\s?\d+)?"
UNIT = r"(?:%|‰|°\s?[CF]?|[A-Za-zµμΩ][A-Za-zµμ²³/·]{0,9}(?:\([A-Za-z]\))?)"
HEDGE = r"(?:about|approx(?:imately)?\.?|appr\.|apx\.?|around|circa|ca\.|c\.|roughly|nearly|almost|abt\.?|some|~|≈|∼)"
CMP = (
    r"(?:[≥≤≧≦⩾⩽<>]=?|=<|>=|<=|=|±|\+/-|\+/−|\+-|max(?:imum)?\.?|min(?:imum)?\.?|at\s+(?:least|most)|"
    r"(?:not|no)\s+(?:more|less|greater|lower|higher|fewer|worse|better)\s+than|"
    r"(?:less|more|greater|lower|higher|fewer|better|worse)\s+than|up\s+to|not\s+exceeding|exceed(?:s|ing)?|"
    r"below|above|under|over|within|between)"
)
_CONSTRAINT = compile_pattern(
    rf"{CMP}\s*(?:(?:grade|class|level|DP|SA|GU|H)\s?)?{NUM}"
    rf"|{NUM}\s*{UNIT}?\s*(?:±|\+/-|\+/−)\s*{NUM}"
    rf"|[+]\s?{NUM}\s*/\s*[-−–]\s?{NUM}"
    rf"|{NUM}\s*{UNIT}\s*(?:min|max)\b\.?"
    # a comparator after the value: "52 HRC or greater", "≥"-free "60 min or longer"
    rf"|{NUM}\s*{UNIT}?\s*or\s+(?:more|less|greater|higher|lower|above|below|better|over|under|fewer|longer|shorter|"
    r"thicker|thinner|heavier|lighter|larger|smaller|wider|narrower|harder|softer|stronger|finer|coarser|brighter)\b"
    rf"|{NUM}\s*(?:[-–~]|to)\s*{NUM}\s*{UNIT}"
    # a range with a unit on both ends: "from 100 % to 1 %", "5 kg – 10 kg"
    rf"|{NUM}\s*{UNIT}\s*(?:[-–]|to|down\s+to|up\s+to)\s*{NUM}\s*{UNIT}"
    r"|\b(?:grade|class|level|category|type|rating)\s+(?:[0-9]|[A-E]\b|[IVX]{1,4}\b)",
    regex.I,
)
_BODIES = (
    r"ISO(?:/IEC)?|IEC(?:/EN)?|EN(?:\s?ISO)?|BS(?:\s?EN)?|DIN(?:\s?EN)?|NF|ASTM|AATCC|ANSI|ASME|SAE|UL|CSA|JIS|KS|"
    r"GB(?:/T)?|QB/T|FZ/T|SN/T|HG/T|AS/NZS|IPC(?:-[A-Z]+)?|J-STD|JEDEC|IEEE|ISTA|TAPPI|FEFCO|FINAT|IES|IESNA|LM|TM|"
    r"CIE|NEMA|FDA|CFR|LFGB|BIFMA|EU|EC|EEC|MIL-STD|SPI|VDI|RAL|Pantone|NCS|AQL|IP|IPX|IK|NSF|USP|ECE|CISPR|ETSI|"
    r"ICH|OECD|DOT|UN|IMDG|ISPM|EPA|ANSI/BIFMA|ASTM\s?F|CPSIA|TCVN|SASO|KC"
)
_STANDARD = compile_pattern(
    rf"\b(?:{_BODIES})(?:[\s/-]*[A-Z]{{0,3}}[\s-]?)§?\s?\d[\w.:/-]*"
    r"|\b\d{1,3}\s*CFR\s*(?:Part\s*)?\d[\w.]*"
    r"|\b(?:Regulation|Directive)\s*\((?:EC|EU|EEC)\)\s*(?:No\.?\s*)?\d[\d/]*"
    r"|\b(?:REACH|RoHS|CPSIA|LFGB|OEKO-TEX(?:®)?(?:\s+Standard\s+100)?|GOTS|GRS|FSC|PEFC|Prop(?:osition)?\s?65|"
    r"CARB(?:\s+Phase\s+\d)?|TSCA|HRIPT|Martindale|Izod|Charpy|CIEDE2000|CIELAB|D65|TL84|ΔE|delta\s?E|Delta\s?E)\b"
    r"|\b(?:per|to|according\s+to|acc\.\s*to|in\s+accordance\s+with|compliant\s+with|complying\s+with|"
    r"conforming\s+to|certified\s+to|meets?|passes?|passing|tested\s+(?:per|to|by))\s+(?:the\s+)?"
    r"(?:[A-Z][\w/&.-]*[\s-]+){1,2}(?:[A-Z]{0,3}-?\d[\w.:/-]*|(?-i:[IVX]{1,5})\b)",  # "per BfR Recommendation XV"
)
_REFERENCE = compile_pattern(
    r"\b[A-Z]{1,6}[-‐‑/_]?\d[\w.\-/]*"
    r"|(?:#|\bno\.?\s?|\bnr\.?\s?|\bref\.?\s?)\s?[A-Z]*\d[\w.\-/]*"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|\((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\)"  # an edition's "(January 2013)"
    r"|\b(?i:rev(?:ision)?\.?|version|ver\.|edition|ed\.|issue|iss\.|release)\s?[A-Z0-9][\w.]*"
    r"|\b(?:19|20)\d{2}\s+(?i:edition|issue|release|version|revision)\b"  # "the 2020 edition"
    r"|(?<![\p{L}\d])[vV]\d+(?:\.\d+)*\b"  # a version: "brand book v4"
    r"|\b\d{2,4}/\d{1,4}/(?:EC|EU|EEC|CE|UE|EG)\b"  # an EU act: "Directive 2009/48/EC"
    r"|\b(?i:annex|appendix|exhibit|schedule|attachment|enclosure|clause|section)\s+[A-Z0-9][\w.]*"
    r"|\b(?i:PO|P/O|SO|PI|order|invoice|contract|sample|drawing|file|ref(?:erence)?|account|lot|batch|build|item|article|model|style"
    r"|SKU|EAN|UPC|GTIN|P/N|PN|part|NB)"
    r"\s*(?i:no\.?|nr\.?|#)?\s*\d[\w.\-/]*"
    r"|\b[\w-]+\.(?:pdf|ai|eps|psd|dwg|dxf|step|stp|igs|iges|jpg|jpeg|png|tiff?|xlsx?|docx?|zip)\b"
    r"|\b(?:SGS|Intertek|Bureau\s+Veritas|BV|TÜV|TUV|Eurofins|UL|CTI|QIMA|Hohenstein|V-Trust|ALS|Applus|DEKRA|"
    r"Dekra|Nemko|Kiwa|CCIC|CQC|Asia\s+Inspection)\b",
)
_SAMPLE_REF = compile_pattern(
    r"\b(?i:samples?|swatch(?:es)?|strike-offs?|lab\s*dips?|proofs?|panels?|chips?|masters?|references?)"
    r"\s+(?i:no\.?\s*|nr\.?\s*|#\s*|ref\.?\s*)?[A-Z]{0,6}[-‐‑/_]?\d[\w.\-/]*"
    r"|\b(?i:dated|signed(?:\s+on)?|approved\s+on)\s+\d{4}-\d{1,2}-\d{1,2}\b"
    # a document named with its code and revision ("per the photometric file LDT-4410 rev A")
    r"|\b(?i:per|to|as\s+in|as\s+per|according\s+to|in)\s+(?i:the\s+)?(?:[\w-]+\s+){0,2}[A-Z]{1,6}[-‐‑/_]?\d[\w.\-/]*"
    r"\s+(?i:rev(?:ision)?\.?|issue|edition|version|ver\.)\s*[A-Z0-9]\b",
)
#: a date after these words is a deadline, not the date that identifies a document
_DEADLINE_BEFORE = compile_pattern(
    r"\b(?:on\s+or\s+before|(?:no|not)\s+later\s+than|before|by|until|till|latest(?:\s+(?:by|on))?|from|after|ship(?:ped)?\s+on|deliver(?:ed)?\s+on)\s*$",
    regex.I,
)
_DATE = compile_pattern(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
#: a test the product passes, with its figure: "passing a 1.2 m drop", "survives 500 cycles",
#: "no leakage after 24 h"
_TEST_PASSED = compile_pattern(
    r"\b(?:pass(?:es|ed|ing)?|surviv(?:e|es|ed|ing)|withst(?:and|ands|ood|anding)|endur(?:e|es|ed|ing)|"
    r"tested\s+(?:to|with|for|at|over|through|under))\s+(?:(?:a|an|the|at\s+least|min\.?|minimum)\s+)?\d"
    r"|\b(?:no|without)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:after|during|under)\s+(?:(?:a|an|at\s+least)\s+)?\d"
    # a named test passed: "passing the EN 12472 / EN 1811 nickel release test"
    r"|\b(?:pass(?:es|ed|ing)?|surviv(?:e|es|ed|ing)|withst(?:and|ands|ood|anding))\s+(?:the\s+)?"
    r"(?-i:[A-Z]{2,}(?:[\s/-]?[A-Z]{2,})*)\s?\d",
    regex.I,
)
#: a test record that backs a claim: "report DT-2026-044", "certificate no. 21.HUS.12345", "tested by Dermatest"
_TEST_RECORD = compile_pattern(
    r"\b(?i:(?:test\s+)?reports?|certificates?|cert\.|CoC|CoA|declaration)\s*(?i:no\.?|nr\.?|#)?\s*[A-Z]{0,6}[-/.]?\d[\w.\-/]*"
    r"|\b(?i:tested|certified|verified|confirmed|approved)\s+(?i:by|at)\s+(?:[A-Z][\w&.-]*)(?:\s+[A-Z][\w&.-]*)*"
)
#: claims that a passed test or a test record makes checkable: "shatter-resistant", "leak-proof", "hypoallergenic"
_TESTABLE_CLAIM = compile_pattern(
    r"(?:resistant|proof|protected|tight|safe|durable|robust|rugged|tough|unbreakable|sturdy|strong|free|"
    r"hypoallergenic|toxic|comedogenic|irritating|tested|proven|approved)$",
    regex.I,
)
#: a part that rates or certifies what the part before it claims: "class 33 per …", "tested to …"
_RATING_START = compile_pattern(
    r"\s*(?:class|grade|category|rating|rated|level|type|index|tested|certified|approved|passes|passing|per|to|according)\b",
    regex.I,
)
_NUMBER = compile_pattern(rf"(?P<hedge>{HEDGE}\s*)?(?P<num>[±]?{NUM})(?:\s*(?P<unit>{UNIT}))?", regex.I)
_ABBREV = r"(?<!\b(?:approx|appr|max|min|ca|c|no|nr|e\.g|i\.e|incl|excl|ref|abt|pcs|qty|dia|wt|vs|etc|fig|art|rev|ver))"
_PART_BREAK = compile_pattern(r";|,(?!\d)|:\s")
_SEGMENT_BREAK = compile_pattern(rf";|{_ABBREV}[.!?](?:\s|$)", regex.I)
_LABEL = compile_pattern(
    r"^\s*(?P<label>[^:：=;,.()]{1,60}?)\s*(?::|：|=|\bmeans\b|\bis\s+defined\s+as\b|\bclaims?\b(?=\s+\w+\s+by\b))",
    regex.I,
)
#: quoted wording: a name, title or text to print ("Hangtag text "Super Soft"")
_QUOTED = compile_pattern(r"(?:^|(?<=[\s(:,;]))[\"“„«‘]([^\W\d_][^\"“”„«»‘’]{0,80}?)[\"”“»’]")
_TEXT_CUE = compile_pattern(
    r"\b(?:text|texts|claim|claims|title|titles|name|names|named|called|wording|slogan|tagline|label|labelled|labeled|"
    r"print|printed|reading|reads|headline|caption|marked|marking|statement|copy|brand|trademark|line|range|quality)"
    r"\W+(?:\w+\W+){0,2}$",
    regex.I,
)
_WORD = compile_pattern(r"[^\W\d_]+")
_SHORT_LIST_LABEL = compile_pattern(r"^\s*(?P<label>[^:：=;.()]{1,30}?)\s*:(?!\d)")
_BIND = compile_pattern(
    r"\s*\(?\s*(?:(?:to|up|of|at|than|for|with|min\.?|max\.?|minimum|maximum|at\s+least|least|hold|holds|withstands?|"
    r"supports?|carr(?:y|ies)|bears?|resists?|survives?|pass(?:es)?|rated|enough|is|are|be|of\s+at)\s+){0,3}"
    rf"(?:{CMP}\s*)?(?:{HEDGE}\s*)?[±]?{NUM}",
    regex.I,
)


def _spans(pattern: regex.Pattern, text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


def _splits(pattern: regex.Pattern, text: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    for m in pattern.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return tuple(out)


def _any_in(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


class ClauseFacts:
    """Measurable evidence in one clause, located by character offsets."""

    def __init__(self, text: str, lowers: tuple[str, ...] = (), token_starts: tuple[int, ...] = ()) -> None:
        self.text = text
        self.lowers = lowers
        self.token_starts = token_starts
        #: values other modules compute once per clause (e.g. the topic)
        self.memo: dict[str, object] = {}

    # -- structure ------------------------------------------------------------------------
    @cached_property
    def parts(self) -> tuple[tuple[int, int], ...]:
        """Comma, colon and semicolon parts (decimal commas do not split)."""
        return _splits(_PART_BREAK, self.text)

    @cached_property
    def segments(self) -> tuple[tuple[int, int], ...]:
        """Semicolon- and sentence-delimited parts."""
        return _splits(_SEGMENT_BREAK, self.text)

    @cached_property
    def label_end(self) -> int | None:
        """End of a leading label or defined term ("Strength:", "Premium grade means", and a
        short label of coordinated words: "Warm, cosy light:")."""
        m = _LABEL.match(self.text)
        if m and len(m.group("label").split()) <= 6:
            return m.end()
        m = _SHORT_LIST_LABEL.match(self.text)
        if m and len(m.group("label").split()) <= 3:
            return m.end()
        return None

    def part_of(self, pos: int) -> tuple[int, int]:
        return self._locate(self.parts, pos)

    def segment_of(self, pos: int) -> tuple[int, int]:
        return self._locate(self.segments, pos)

    @staticmethod
    def _locate(spans: tuple[tuple[int, int], ...], pos: int) -> tuple[int, int]:
        i = max(0, bisect_right([s for s, _ in spans], pos) - 1)
        return spans[i]

    # -- evidence -------------------------------------------------------------------------
    @cached_property
    def constraints(self) -> tuple[tuple[int, int], ...]:
        return _spans(_CONSTRAINT, self.text)

    @cached_property
    def standards(self) -> tuple[tuple[int, int], ...]:
        """Named standards and test methods, and identified samples ("approved sample S-104",
        "dated 2026-02-11"): each fixes what the words around it mean."""
        return _spans(_STANDARD, self.text) + _spans(_SAMPLE_REF, self.text)

    @cached_property
    def references(self) -> tuple[tuple[int, int], ...]:
        """Identifiers, dates, documents, labs and standards; a date that is a deadline ("ship on
        or before 2026-06-30") identifies nothing and is left out."""
        found = tuple(
            (m.start(), m.end())
            for m in _REFERENCE.finditer(self.text)
            if not (_DATE.fullmatch(m.group()) and _DEADLINE_BEFORE.search(self.text, 0, m.start()))
        )
        return found + self.standards

    @cached_property
    def exact_numbers(self) -> tuple[tuple[int, int], ...]:
        """Numbers that are not hedged by "about", "approx." or "~"."""
        return tuple(m.span("num") for m in _NUMBER.finditer(self.text) if not m.group("hedge"))

    def measured(self, start: int, end: int) -> bool:
        """A limit, tolerance, rating or named standard lies in ``text[start:end]``."""
        return _any_in(self.constraints, start, end) or _any_in(self.standards, start, end)

    def referenced(self, start: int, end: int) -> bool:
        """An identifier, date, document, lab or standard lies in ``text[start:end]``."""
        return _any_in(self.references, start, end)

    @cached_property
    def passed_tests(self) -> tuple[tuple[int, int], ...]:
        return _spans(_TEST_PASSED, self.text)

    def claim_tested(self, start: int, end: int) -> bool:
        """``text[start:end]`` is a resistance, durability or safety claim and its sentence states a
        test the product passes with a figure ("Shatter-resistant lens, passing a 1.2 m drop") or
        names the record that proves it ("dermatologically tested by Dermatest, report DT-44")."""
        if not _TESTABLE_CLAIM.search(self.text, start, end):
            return False
        seg_start, seg_end = self.segment_of(start)
        return _any_in(self.passed_tests, seg_start, seg_end) or _any_in(self.test_records, seg_start, seg_end)

    @cached_property
    def test_records(self) -> tuple[tuple[int, int], ...]:
        return _spans(_TEST_RECORD, self.text)

    def heading_measured(self, start: int) -> bool:
        """``start`` lies in a short opening part ("Hard-wearing flooring") that a comma joins
        to a part opening with a class, rating or test that is measured ("…, class 33 per EN ISO
        10874"); a limit on another property ("…, length 18 cm ± 0.5 cm") is not enough."""
        parts = self.parts
        if len(parts) < 2 or not parts[0][0] <= start < parts[0][1]:
            return False
        first_end = parts[0][1]
        if self.text[first_end : first_end + 1] != "," or len(self.text[: first_end].split()) > 3:
            return False
        next_start, next_end = parts[1]
        return _RATING_START.match(self.text, next_start, next_end) is not None and self.measured(next_start, next_end)

    def quoted_text(self, start: int, end: int) -> bool:
        """``text[start:end]`` lies in quoted wording that is a name or a text to print: all
        words capitalised ("the "Stays Fresh Longer" claim") or announced by a word such as
        text, claim, title or name ("Hangtag text "super soft""). Scare quotes around a
        judgement ("must look "premium"") are not enough."""
        for m in _QUOTED.finditer(self.text):
            if m.start(1) <= start and end <= m.end(1):
                words = _WORD.findall(m.group(1))
                if len(words) >= 2 and all(w[0].isupper() for w in words):
                    return True
                return _TEXT_CUE.search(self.text, 0, m.start()) is not None
        return False

    def has_number(self, start: int, end: int) -> bool:
        return _any_in(self.exact_numbers, start, end)

    def bound_after(self, pos: int) -> bool:
        """A value follows directly ("resistant to 230 °C", "thicker than 2 mm")."""
        part_end = self.part_of(pos)[1]
        return _BIND.match(self.text, pos, part_end) is not None

    def defined(self, start: int) -> bool:
        """The word at ``start`` is in a leading label whose body states a value or standard."""
        end = self.label_end
        if end is None or start >= end:
            return False
        return self.measured(end, len(self.text)) or self.has_number(end, len(self.text))

    def property_measured(self, evidence: frozenset[str]) -> bool:
        """A word about the property (``evidence``) shares a part with a value or standard."""
        for lower, start in zip(self.lowers, self.token_starts, strict=True):
            if lower in evidence:
                ps, pe = self.part_of(start)
                if self.measured(ps, pe) or self.has_number(ps, pe):
                    return True
        return False


def facts_for(clause: ClauseContext) -> ClauseFacts:
    """The :class:`ClauseFacts` of a clause, computed once and kept on its spaCy Doc (shared
    by every rule checking the clause, and depending on nothing outside it, which lets
    :mod:`specllint.incremental` reuse results of unchanged clauses)."""
    doc = clause.doc
    facts = doc.user_data.get("specllint-language-evidence")
    if facts is None:
        rows = doc.to_array([LOWER, IDX]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        facts = ClauseFacts(clause.text, tuple(strings[h] for h, _ in rows), tuple(i for _, i in rows))
        doc.user_data["specllint-language-evidence"] = facts
    return facts
