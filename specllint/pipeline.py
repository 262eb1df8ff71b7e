"""The spaCy pipeline specllint runs clauses through.

By default ``spacy.blank("en")``: tokenizer only, fast, nothing to download. A trained
pipeline (e.g. ``en_core_web_sm``) may be named in config (``model``); kinds that can use
POS tags or lemmas do so when they are there and work without them.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from .config import ConfigError

_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _build(model: str | None) -> Language:
    if not model:
        return spacy.blank("en")
    try:
        return spacy.load(model, exclude=["ner", "parser", "senter"])
    except OSError as exc:
        raise ConfigError(f"model: cannot load spaCy pipeline {model!r}: {str(exc).splitlines()[0]}") from None


def fresh_blank() -> Language:
    """A new blank English pipeline with a vocabulary of its own.

    spaCy's memory zones free the lexemes a block added but leave a deleted slot in the
    vocabulary's index for each, and the index keeps growing with every distinct spelling
    ever seen; a long stream therefore tokenizes with a fresh pipeline now and then and
    drops the old one with its index."""
    return spacy.blank("en")


def get_nlp(model: str | None = None) -> Language:
    """The shared pipeline for ``model`` (None = blank English), built once."""
    with _LOCK:
        return _build(model)
