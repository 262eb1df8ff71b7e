"""Keep spaCy's vocabulary from growing with every text linted.

spaCy stores every new token spelling (each distinct number, code or typo) in the shared
``Vocab`` and ``StringStore`` for the life of the pipeline, so a long-running process (the
language server, a pre-commit run over an archive, :func:`specllint.iter_findings` over a
50 MB document) would grow without bound. :meth:`spacy.Language.memory_zone` frees what a
block added when the block ends, but zones must not be nested and the vocabulary is shared
by every thread linting with the same pipeline.

:func:`transient_vocab` therefore counts the blocks open on one pipeline: the first to enter
opens spaCy's zone, the last to leave closes it, so nothing is freed while any thread still
holds a Doc made inside it. Nothing a lint returns refers to spaCy objects, so nothing
outlives the block. Entries made while building rules (hashes of trigger words, Matcher
patterns) are kept as hashes, which stay valid after their strings are freed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

_LOCK = threading.Lock()
#: id(vocab) -> [number of blocks open, spaCy's zone context manager]
_OPEN: dict[int, list[Any]] = {}


@contextmanager
def transient_vocab(nlp: Language) -> Iterator[None]:
    """A block whose new vocabulary entries are freed once no block on ``nlp`` is open."""
    key = id(nlp.vocab)
    with _LOCK:
        state = _OPEN.get(key)
        if state is None:
            zone: AbstractContextManager[Any] = nlp.memory_zone()
            zone.__enter__()
            state = _OPEN[key] = [0, zone]
        state[0] += 1
    try:
        yield
    finally:
        with _LOCK:
            state[0] -= 1
            if state[0] == 0:
                del _OPEN[key]
                state[1].__exit__(None, None, None)
