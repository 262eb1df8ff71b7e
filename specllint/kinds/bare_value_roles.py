"""Number roles for ``number-requires-unit`` (SPL202): which bare numbers of a clause are the value of a
measured property (after its word, a label, an axis letter or a symbol, before a dimension word, next to
a sheet material, in a composition) and where such a value ends."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .. import quantity_keys as keys
from .. import quantity_lexicon as lex
from ..numbers import number_at
from .bare_value_shapes import (
    ADJECTIVE_PROPERTY,
    ALTERNATIVE,
    ASYMMETRIC,
    AXES_ONLY,
    BARE_CHAIN,
    BARE_TOLERANCE,
    BEFORE_ADJECTIVE,
    BEFORE_NOUN_END,
    BEFORE_NOUN_MIN_VOLUME,
    BEFORE_NOUN_UNITS,
    BETWEEN_BEFORE,
    BY_SEP,
    CENTRES,
    CHANGE_TO,
    COMPARATIVE_VALUE,
    CONTAINER_VALUE,
    COUNT_PER_LENGTH,
    DECIMAL_OR_CHAIN,
    EXPLAINED,
    FOLLOWERS,
    IDENTIFIER_WORDS,
    ITEM_END,
    KEY_MARK,
    KEY_VALUE,
    LABEL_BEFORE,
    LETTERED_AFTER,
    LETTERED_CHAIN,
    LONE_AXIS,
    MATERIAL_VALUE,
    NEXT_CELL,
    NEXT_LABEL,
    NOT_SIZE_LABEL,
    NUMBER_BEFORE,
    NUMBER_POSITION,
    ORDINAL_NOUNS,
    PAIR_SEP,
    PARALLEL_AT,
    PARALLEL_AT_AFTER,
    PARALLEL_VALUE,
    PAREN_WORD,
    PITCH,
    PLACED_BEFORE,
    POSITION,
    PREVIOUS_WORD,
    QUALIFIER,
    SHARE,
    SHARE_JOIN,
    SMALL_COUNTS,
    SPATIAL_POSITIONS,
    STACKING,
    SUBJECT,
    SURFACE_OFFSET,
    SYMBOL,
    SYMBOL_PROPERTY,
    TOLERANCE_AFTER_ANGLE,
    UNIT_CHAR_AFTER,
    VALUE_CELL,
    WHOLE_SIZE_MIN,
    distinct_axes,
)


class BareValueRoles:
    """The candidate scans of :class:`~specllint.kinds.quantity_units.MissingUnitKind`, over the property
    vocabulary it builds: ``units`` (property -> usual unit), ``decimal_only``, ``chain_only``,
    ``share_words``, ``pattern`` (a property word and its value) and ``words`` (property words alone)."""

    units: dict[str, str]
    decimal_only: dict[str, str]
    chain_only: frozenset[str]
    share_words: frozenset[str]
    pattern: regex.Pattern
    words: regex.Pattern

    def _candidates(self, text: str) -> Iterable[tuple[str, int, int]]:
        """(property, start, end) of every number after a property word that has no unit; weak candidates
        (a whole number after an object noun, "tube 19"; a lone axis letter, "L 15") only beside another."""
        seen: set[int] = set()
        weak: list[tuple[str, int, int]] = []
        found = list(self._scan(text, seen, weak))
        yield from found
        if found:
            for m in LONE_AXIS.finditer(text):
                span = self._bare_number(text, m.end(), False)
                if span is not None and ITEM_END.match(text, span[1]):
                    weak.append((SYMBOL_PROPERTY[m.group("a")], *span))
            for prop, start, end in weak:
                if start not in seen:
                    seen.add(start)
                    yield prop, start, end

    def _scan(self, text: str, seen: set[int], weak: list[tuple[str, int, int]]) -> Iterable[tuple[str, int, int]]:
        """The candidates of :meth:`_candidates`; weak ones are put in ``weak``."""
        for m in self.pattern.finditer(text, overlapped=True):  # "bag film gauge 0.05": also from "film"
            paren = m.group("paren")
            if paren and lex.UNIT_RE.fullmatch(paren.strip()[1:-1].strip()):
                continue  # "thickness (mm): 2": the unit is in the label
            prop = " ".join(m.group("prop").lower().split())
            if prop not in self.units and prop not in self.chain_only and not AXES_ONLY.fullmatch(prop):
                if not keys.is_measured_noun(prop):
                    continue  # "quality 2", "reference 1234", "colour fastness 4"
            elif prop in self.chain_only and m.group("ext").strip():
                continue  # "size chart 2": the extension, not the size, has the value
            axes = AXES_ONLY.fullmatch(prop) is not None
            signed = text[m.end()] in "−-"  # "operating temperature -10 to 45"
            span = self._bare_number(text, m.end() + signed, axes or prop in self.chain_only)
            if span is not None and signed:
                span = (m.end(), span[1])
            if span is not None and prop == "density" and COUNT_PER_LENGTH.match(text, span[1]):
                continue  # "stitch density 12 per inch": a count per length, its unit complete
            if span is not None and prop in self.decimal_only and not DECIMAL_OR_CHAIN.search(text, span[0], span[1]):
                n = number_at(text, span[0])
                if (n is not None and n.value >= WHOLE_SIZE_MIN and n.end == span[1] and ITEM_END.match(text, span[1])
                        and prop not in IDENTIFIER_WORDS):
                    weak.append((prop, *span))  # "tube 19" beside "extendable 120-210"
                continue  # "cable 2" numbers a cable; "cable 1.8" is its length
            if (span is not None and prop in self.chain_only and SMALL_COUNTS.fullmatch(text, span[0], span[1])
                    and NOT_SIZE_LABEL.search(text, max(0, m.start() - 16), m.start())):
                continue  # "pack size 6 x 4": an arrangement of pieces
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield ("dimensions" if axes else prop), span[0], span[1]
                alt = ALTERNATIVE.match(text, span[1])
                parallel = None if alt else PARALLEL_AT.match(text, span[1])
                other = self._bare_number(text, (alt or parallel).end(), False) if (alt or parallel) else None
                if other is not None and parallel is not None and not PARALLEL_AT_AFTER.match(text, other[1]):
                    other = None  # "4 at heel and 2 at toe", not "4 at heel and 2 pcs"
                if other is not None and other[0] not in seen:
                    seen.add(other[0])  # "cable 1.2 instead of 1.5": the same property
                    yield prop, other[0], other[1]
                second = PARALLEL_VALUE.match(text, span[1])
                if second and second.start("n") not in seen and lex.UNIT_RE.fullmatch(second.group("w")) is None:
                    # "torque 60 (hard) / 25 (soft)": the same property in a second condition
                    seen.add(second.start("n"))
                    yield prop, second.start("n"), second.end("n")
        for m in KEY_VALUE.finditer(text) if KEY_MARK.search(text) else ():
            key = " ".join(m.group("key").split())
            prop = self._key_property(key)
            if prop is None or m.end() in seen:
                continue
            q = regex.match(QUALIFIER, text[m.end():])
            span = self._bare_number(text, m.end() + (q.end() if q else 0), False)
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield prop, span[0], span[1]
        for m in BARE_CHAIN.finditer(text):
            if m.start() in seen:
                continue
            label = LABEL_BEFORE.search(text, 0, m.start())
            key = label.group("key").strip() if label else ""
            subject = SUBJECT.match(text).group().strip()
            if text[: m.start()].rstrip().endswith(";") or (
                    not key and text[: m.start()].rstrip().endswith(",")
                    and any(w.strip(".,:").lower() in self.chain_only for w in subject.split())):
                # a list item of its own ("Towel 500 gsm; 70 x 140; hem 1.5"), or after a comma when the subject is
                # named by its size ("Pouch: 3-side seal, 120 × 180"): the clause's subject labels it
                key = subject
            if not key or NOT_SIZE_LABEL.search(key) or (keys.has_unitless_word(key) and not any(
                    w.strip(".,:").lower() in self.chain_only for w in key.split())):
                continue  # "Carton outer 60*40*30" is a size, "Colour 3 x 2" is not
            span = self._bare_number(text, m.start(), True)
            if span is not None and not SMALL_COUNTS.fullmatch(text, span[0], span[1]):
                seen.add(span[0])
                yield "dimensions", span[0], span[1]
        for m in SYMBOL.finditer(text):
            span = self._bare_number(text, m.end(), False)
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield SYMBOL_PROPERTY[m.group("sym")], span[0], span[1]
        for m in LETTERED_AFTER.finditer(text):
            if m.start() in seen or not distinct_axes(m.group()) or not FOLLOWERS.match(text, m.end()):
                continue
            seen.add(m.start())
            yield "dimensions", m.start(), m.end()
        for m in LETTERED_CHAIN.finditer(text):
            if m.start() in seen or UNIT_CHAR_AFTER.match(text, m.end()) or not FOLLOWERS.match(text, m.end()):
                continue
            seen.add(m.start())
            yield "dimensions", m.start(), m.end()
        for m in BEFORE_ADJECTIVE.finditer(text):
            if m.start() in seen or STACKING.search(text, max(0, m.start() - 30), m.start()):
                continue
            seen.add(m.start())
            adj = " ".join(m.group("adj").lower().split())
            yield ADJECTIVE_PROPERTY.get(adj, adj.removeprefix("in ")), m.start(), m.end("num")
        yield from self._materials(text, seen)
        yield from self._containers(text, seen)
        yield from self._before_nouns(text, seen)
        yield from self._shares(text, seen)
        yield from self._positions(text, seen)
        yield from self._frames(text, seen)

    def _frames(self, text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """Bare values known by their frame, without a property word: a tolerance ("Tolerance on all
        dimensions: ±2"), a height above a surface ("30 from floor") and a repeat interval ("cut every 50")."""
        for m in BARE_TOLERANCE.finditer(text):
            start = m.start("t")
            digit = start + next(i for i, c in enumerate(m.group("t")) if c.isdigit())
            if start in seen or self._bare_number(text, digit, False) is None:
                continue
            seen.add(start)
            yield "tolerance", start, m.end("t")
        for m in SURFACE_OFFSET.finditer(text):
            n = number_at(text, m.start("n"))
            if n is None or n.start in seen or n.end != m.end("n") or (
                    n.value < 10 and n.value == int(n.value) and not PLACED_BEFORE.search(text, 0, n.start)):
                continue  # "shelf 2 from the top" is a position in a row; "label placed 5 from the hem" a distance
            before = PREVIOUS_WORD.search(text, 0, n.start)
            if before and (keys.has_unitless_word(before.group("w")) or before.group("w").lower() in ORDINAL_NOUNS):
                continue  # "row 12 from the floor", "level 10 above ground": a numbered place
            seen.add(n.start)
            yield "height", n.start, n.end
        for m in CENTRES.finditer(text):
            n = number_at(text, m.start("n"))
            if n is not None and n.start not in seen and n.end == m.end("n") and n.value >= 2:
                seen.add(n.start)
                yield "spacing", n.start, n.end
        for m in COMPARATIVE_VALUE.finditer(text):
            n = number_at(text, m.start("n"))
            if n is not None and n.start not in seen and n.end == m.end("n"):
                seen.add(n.start)  # "make the sleeve 2 longer"
                yield "difference", n.start, n.end
        for m in CHANGE_TO.finditer(text):
            w = self.words.match(m.group("rest").rsplit(" ", 1)[-1])
            if w is None or self.units.get(" ".join(w.group("prop").lower().split())) not in BEFORE_NOUN_UNITS:
                continue  # "reduce the wall to 1.8", not "set the speed to 3"
            span = self._bare_number(text, m.end(), False)
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield w.group("prop").lower(), span[0], span[1]
        listed = [m for m in NUMBER_POSITION.finditer(text) if m.start("n") not in seen]
        if len(listed) >= 2 and any(DECIMAL_OR_CHAIN.search(m.group("n")) or float(m.group("n").replace(",", "."))
                                    >= 10 for m in listed):
            for m in listed:  # "Shade: 30 top / 40 bottom"
                seen.add(m.start("n"))
                yield "dimensions", m.start("n"), m.end("n")
        for m in PITCH.finditer(text):
            span = self._bare_number(text, m.end(), False)
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield "spacing", span[0], span[1]

    def _before_nouns(self, text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """A number before a property noun of length or mass that ends its phrase: "180 weight",
        "450 net weight,", "3 thk,", "35 load." (not "3 load cycles" or "1 sleeve")."""
        for m in self.words.finditer(text):
            prop = " ".join(m.group("prop").lower().split())
            if (self.units.get(prop) not in BEFORE_NOUN_UNITS or prop in self.chain_only
                    or not BEFORE_NOUN_END.match(text, m.end())):
                continue
            num = NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if num is None or num.start() in seen or STACKING.search(text, max(0, num.start() - 30), num.start()):
                continue
            n = number_at(text, num.start())
            if n is None or n.is_word or n.end != num.end("n") or n.value < 2:
                continue
            if self.units.get(prop) == "ml" and n.value < BEFORE_NOUN_MIN_VOLUME:
                continue  # "wine rack, 12 capacity": bottles
            if prop in self.decimal_only and not DECIMAL_OR_CHAIN.search(text, n.start, n.end):
                continue
            seen.add(n.start)
            yield prop, n.start, n.end

    @staticmethod
    def _materials(text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """A decimal thickness next to a sheet material's code, with no unit: "PET blister 0.3",
        "1.2 SPCC sheet" (not the resin code "PP 5" or the grade "SUS 304")."""
        for m in MATERIAL_VALUE.finditer(text):
            n = m.start("n") if m.group("n") else m.start("r")
            end = m.end("n") if m.group("n") else m.end("r")
            if n in seen or UNIT_CHAR_AFTER.match(text, end):
                continue
            if m.group("n") and not FOLLOWERS.match(text, end):
                continue
            seen.add(n)
            yield "thickness", n, end

    @staticmethod
    def _containers(text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """A container labelled with a bare number ending its item: "Serum bottle: 30;" is its capacity
        (not "bottle: 2 per carton")."""
        for m in CONTAINER_VALUE.finditer(text):
            n = number_at(text, m.start("n"))
            if n is None or n.start in seen or n.value < 5:
                continue
            seen.add(n.start)
            yield "capacity", n.start, n.end

    def _shares(self, text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """Bare shares of a composition that add up to 100: "cotton 60 / polyester 40", "PP 70, regrind 30"
        (every share named by a constituent of option ``composition_words``; not "red 50 / blue 50")."""
        if not self.share_words:
            return
        matches = [m for m in SHARE.finditer(text) if m.group("w").lower() in self.share_words]
        run: list[regex.Match] = []
        for m in [*matches, None]:
            if m is not None and run and SHARE_JOIN.fullmatch(text, run[-1].end(), m.start()):
                run.append(m)
                continue
            if len(run) >= 2:
                values = [number_at(text, r.start("n")) for r in run]
                if all(v is not None and not UNIT_CHAR_AFTER.match(text, v.end) and not lex.UNIT_RE.match(
                        text, v.end + (text[v.end:v.end + 1] == " ")) for v in values) and abs(
                        sum(v.value for v in values if v is not None) - 100) < 0.51:
                    for r in run:
                        if r.start("n") not in seen:
                            seen.add(r.start("n"))
                            yield "share", r.start("n"), r.end("n")
            run = [m] if m is not None else []

    def _key_property(self, key: str) -> str | None:
        """The property a label names anywhere in it ("Height of seat from floor"), or None when it
        names none, a unit ("Weight (kg)") or a grade, index or count ("Weight class")."""
        if len(key.split()) > 6 or keys.has_unitless_word(key) or (lex.UNIT_RE.search(key.split()[-1]) and \
                lex.UNIT_RE.fullmatch(key.split()[-1])):
            return None
        for w in self.words.finditer(key):
            prop = " ".join(w.group("prop").lower().split())
            if prop not in self.chain_only:
                return prop
        return next((w.lower() for w in regex.findall(r"[\p{L}-]+", key) if keys.is_measured_noun(w)), None)

    def _positions(self, text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """Bare numbers after a position word, when the clause names a measured property."""
        props: list[regex.Match] | None = None
        for m in POSITION.finditer(text):
            signed = text[m.end()] in "−-"  # a signed change: "warp −3"
            span = self._bare_number(text, m.end() + signed, False)
            if span is None or span[0] in seen:
                continue
            span = (m.end(), span[1]) if signed else span
            if props is None:
                # objects named by their size ("cable", "tube") name no property a position could take over
                props = [p for p in self.words.finditer(text) if p.group("prop").lower() not in self.chain_only
                         and " ".join(p.group("prop").lower().split()) not in self.decimal_only]
            if not props:
                yield from self._unnamed_positions(text, seen)
                return
            seen.add(span[0])
            before = [p for p in props if p.start() < m.start()]
            prop = (before[-1] if before else props[0]).group("prop")
            yield " ".join(prop.lower().split()), span[0], span[1]

    def _unnamed_positions(self, text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """Positions measured without a property word: two or more, one of them not a small whole number
        ("top 80, bottom 56" of a cup; not "castors front 2, rear 2")."""
        spans: list[tuple[int, int]] = []
        for m in POSITION.finditer(text):
            if m.group("pos").lower() not in SPATIAL_POSITIONS:
                continue  # "warp 160, weft 140" of a thread count: directions of any property
            signed = text[m.end()] in "−-"
            span = self._bare_number(text, m.end() + signed, False)
            if span is not None and span[0] not in seen:
                spans.append((m.end(), span[1]) if signed else span)
        sizes = [s for s in spans if DECIMAL_OR_CHAIN.search(text, s[0], s[1]) or (
            (n := number_at(text, s[0] + (text[s[0]] in "−-"))) is not None and n.value >= 10)]
        if len(spans) < 2 or not sizes:
            return
        for start, end in spans:
            seen.add(start)
            yield "dimensions", start, end

    def _label_or_note_after(self, text: str, end: int) -> bool:
        """Whether a bare value ends at the next label of a flattened table ("Weight 210 Width 150") or
        before a parenthesised note that is not a unit ("torque 60 (hard)")."""
        m = PAREN_WORD.match(text, end)
        if m:
            return lex.UNIT_RE.fullmatch(m.group("w").strip()) is None
        m = NEXT_LABEL.match(text, end)
        if m is None:
            return False
        word = m.group("w").rstrip(".")
        if lex.UNIT_RE.fullmatch(word) or lex.UNIT_RE.fullmatch(m.group("w")):
            return False
        return self.words.fullmatch(m.group("w")) is not None or self.words.fullmatch(word) is not None or (
            keys.is_measured_noun(word))

    def _bare_number(self, text: str, pos: int, chain_only: bool) -> tuple[int, int] | None:
        first = number_at(text, pos)
        if first is None or first.is_word:
            return None
        end, parts, slashed, angle = first.end, 1, 1, False
        between = BETWEEN_BEFORE.search(text, max(0, first.start - 12), first.start) is not None
        while parts < 4:
            chained = lex.CHAIN_SEP_RE.match(text, end) or BY_SEP.match(text, end)
            sep = lex.RANGE_SEP_RE.match(text, end) or chained or PAIR_SEP.match(text, end)
            if sep is None and between and parts == 1 and end == first.end:
                sep = lex.BETWEEN_AND_RE.match(text, end)  # "adjustable between 70 and 110": one range
            pm = None if sep else lex.PLUS_MINUS_RE.match(text, end)
            nxt = number_at(text, (sep or pm).end()) if (sep or pm) else None
            if nxt is None or nxt.is_word:
                break
            if sep is not None and sep is chained and text[nxt.end : nxt.end + 2].lstrip()[:1] in ("°", "º"):
                # "chamfer 0.5 × 45°": a length and an angle, not a chain of sizes; a tolerance after the angle
                # gives the length its unit ("chamfer 0.5 × 45° ± 0.1 mm")
                if TOLERANCE_AFTER_ANGLE.match(text, nxt.end):
                    return None
                angle = True
                break
            if sep is not None and sep is chained:
                parts += 1
            elif sep is not None and sep.group().strip() == "/":
                slashed += 1
            end = nxt.end
        asym = ASYMMETRIC.match(text, end)
        if asym:
            end = asym.end()  # "weight 450 +10/-0"
        if chain_only and parts < 2 and slashed < 3:  # "Dimensions: 40/30/20", not "size 8/10"
            return None
        if UNIT_CHAR_AFTER.match(text, end) or EXPLAINED.match(text, end):
            return None  # "2 mm", "film gauge 80 (i.e. 20 µm)"
        if not angle and not FOLLOWERS.match(text, end) and not self._label_or_note_after(text, end):
            return None
        cell = NEXT_CELL.match(text, end)
        if cell and lex.UNIT_RE.fullmatch(cell.group("cell").strip("() ")) and not VALUE_CELL.match(text, cell.end()):
            return None  # "Capacity | 2000 | mAh": the unit has its own column
        return first.start, end
