"""The contract between the engine and a rule kind.

A *kind* is the Python logic behind many data-defined rules: a rule file in ``rules/``
names its kind and supplies options, messages and suggestion templates. A kind sees one
clause at a time (``scope = "clause"``) or the whole document (``scope = "document"``)
and yields :class:`Hit` objects; the engine turns hits into :class:`~specllint.model.Finding`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..config import Config
    from ..model import Quantity
    from ..packs import Rule
    from ..segmentation import Heading, Segment


@attrs.frozen
class Hit:
    """A span a kind flags. Offsets are relative to the clause (clause scope) or the
    document (document scope); ``message`` and ``suggestions`` override the rule's."""

    start: int
    end: int
    message: str | None = None
    suggestions: tuple[str, ...] | None = None
    replacement: str | None = None
    fix_safe: bool = False
    data: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Triggers:
    """What a clause needs before a kind can find anything in it: a token whose lower-case
    form is one of ``words``, or one of ``fragments`` anywhere in the lower-cased clause
    text (e.g. word endings). The engine skips the kind on every other clause."""

    words: frozenset[str] = frozenset()
    fragments: tuple[str, ...] = ()


@attrs.define
class DocumentContext:
    """What document-scope kinds see: the whole text, its clauses and order metadata."""

    text: str
    segments: tuple[Segment, ...]
    headings: tuple[Heading, ...]
    metadata: Mapping[str, Any]
    metadata_span: tuple[int, int] | None
    config: Config
    path: str | None = None
    #: shared results computed once per document (e.g. ``"sections"``), keyed by name
    facts: dict[str, Any] = attrs.field(factory=dict)


@attrs.define
class ClauseContext:
    """One clause as a kind sees it: its text, spaCy Doc and (lazily) its quantities."""

    text: str
    offset: int
    label: str
    heading: str | None
    kind: str
    doc: Doc
    key: str | None = None
    document: DocumentContext | None = None
    _quantity_parser: Callable[[str], tuple[Quantity, ...]] | None = None

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        """Quantities in the clause, offsets relative to the clause text."""
        if self._quantity_parser is None:
            from ..quantities import extract_quantities

            return extract_quantities(self.text)
        return self._quantity_parser(self.text)

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def context_text(self) -> str:
        """The clause with its heading, for kinds that judge by topic."""
        return f"{self.heading}\n{self.text}" if self.heading else self.text


class Kind:
    """Base class for rule kinds. Subclasses set ``name``, ``option_types`` and a check."""

    name: ClassVar[str] = ""
    scope: ClassVar[str] = "clause"  # "clause", "document", or "tool" (reported by the engine)
    #: option name -> accepted Python type(s); rule files may set only these options.
    option_types: ClassVar[Mapping[str, type | tuple[type, ...]]] = {}
    #: option name -> default value used when the rule file omits it.
    option_defaults: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, rule: Rule, env: Any) -> None:
        self.rule = rule
        self.env = env
        self.options: dict[str, Any] = {**self.option_defaults, **dict(rule.options)}

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        """Yield hits for one clause (clause-scope kinds)."""
        return ()

    def triggers(self) -> Triggers | None:
        """The words without which :meth:`check` finds nothing (a promise the engine uses to
        skip clauses), or None (the default) when every clause must be checked."""
        return None

    def check_document(self, document: DocumentContext) -> Iterable[Hit]:
        """Yield hits for the whole document (document-scope kinds)."""
        return ()

    @classmethod
    def validate_options(cls, options: Mapping[str, Any]) -> list[str]:
        """Problems with a rule file's ``[options]`` table (unknown keys, wrong types)."""
        problems = []
        for key, value in options.items():
            if key not in cls.option_types:
                known = ", ".join(sorted(cls.option_types)) or "none"
                problems.append(f"unknown option {key!r} for kind {cls.name!r} (known: {known})")
            elif not isinstance(value, cls.option_types[key]):
                problems.append(f"option {key!r} has the wrong type {type(value).__name__}")
        return problems
