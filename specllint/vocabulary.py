"""Shared vocabularies read from ``rules/vocabulary/*.yaml``.

Rule files (``rules/**/*.toml``) say *what* to flag; the vocabularies say what words mean:
spelling variants, inflection classes, word classes used in phrase patterns, product
topics, and the measurable properties with their evidence words and suggestion templates.
They are data reviewed by procurement people, loaded once per process.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .packs import builtin_pack_dir

FILES = ("morphology", "spelling", "classes", "topics", "properties")


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used; the message names the file."""


def vocabulary_dir() -> Path:
    """The folder holding the shared vocabularies of the built-in rule pack."""
    return builtin_pack_dir() / "vocabulary"


@cache
def load(name: str) -> Mapping[str, Any]:
    """The parsed content of ``rules/vocabulary/<name>.yaml`` (a mapping)."""
    import yaml  # only needed when building rules: the stored linter of the CLI skips it

    path = vocabulary_dir() / f"{name}.yaml"
    try:
        # libyaml's loader when PyYAML has it: the same safe subset, ten times faster.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: expected a mapping at the top level")
    return data


def words(name: str, key: str) -> tuple[str, ...]:
    """A list of lower-cased words stored under ``key`` in vocabulary ``name``."""
    value = load(name).get(key, ())
    if not isinstance(value, list):
        raise VocabularyError(f"{name}.yaml: {key!r} must be a list")
    return tuple(str(v).lower() for v in value)


def classes() -> Mapping[str, tuple[str, ...]]:
    """Word classes usable as ``<name>`` in phrase patterns (``classes.yaml``)."""
    return {str(k): tuple(str(v) for v in vs) for k, vs in load("classes").items()}


@cache
def function_words() -> frozenset[str]:
    """Words that never carry content (articles, prepositions, auxiliaries…)."""
    return frozenset(words("classes", "function-word"))
