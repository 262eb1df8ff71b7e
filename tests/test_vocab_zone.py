"""spaCy's vocabulary does not grow with the texts linted, and results do not change."""

from __future__ import annotations

import random
import threading

import specllint
from specllint.engine import get_linter
from specllint.streaming import CHUNK_CLAUSES
from specllint.vocab_zone import transient_vocab

CLAUSE = "Item {a}: sleeve length {b} mm, weight {c} g, good quality, colour code QX{d}, ship soon.\n\n"


def _text(seed: int, clauses: int) -> str:
    rnd = random.Random(seed)
    return "".join(
        CLAUSE.format(a=rnd.randrange(10**8), b=rnd.randrange(10**8), c=rnd.randrange(10**8), d=rnd.randrange(10**8))
        for _ in range(clauses)
    )


def _strings() -> int:
    return len(get_linter().nlp.vocab.strings)


def test_lint_frees_the_spellings_it_added() -> None:
    specllint.lint(_text(0, 5))  # warm: lazily built rules may add lasting entries once
    before = _strings()
    report = specllint.lint(_text(1, 200))
    assert len(report.findings) >= 200
    assert _strings() == before


def test_results_do_not_depend_on_what_was_linted_before() -> None:
    first, second = _text(2, 40), _text(3, 40)
    a = specllint.lint(first)
    specllint.lint(second)
    assert specllint.lint(first) == a


def test_streaming_frees_spellings_chunk_by_chunk_and_matches_lint() -> None:
    text = _text(4, CHUNK_CLAUSES + 50)
    specllint.lint(_text(0, 5))
    before = _strings()
    inside: list[int] = []
    streamed = []
    for finding in specllint.iter_findings(text):
        streamed.append(finding)
        inside.append(_strings())
    assert _strings() == before
    # between chunks nothing new is held: the vocabulary never grew while findings came out
    assert max(inside) == before
    expected = [f for f in specllint.lint(text).findings if f.clause is not None]
    assert streamed == expected


def test_blocks_nest_and_free_only_when_the_last_one_ends() -> None:
    nlp = get_linter().nlp
    specllint.lint(_text(0, 5))
    before = len(nlp.vocab.strings)
    with transient_vocab(nlp):
        with transient_vocab(nlp):
            nlp("zqxjv-11 zqxjv-12")
        assert len(nlp.vocab.strings) > before  # the outer block still holds them
        nlp("zqxjv-13")
    assert len(nlp.vocab.strings) == before


def test_threads_linting_at_once_get_the_serial_results() -> None:
    texts = [_text(10 + i, 30) for i in range(6)]
    expected = [specllint.lint(t) for t in texts]
    got: list[specllint.Report | None] = [None] * len(texts)

    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for _ in range(3):
                result = specllint.lint(texts[i])
                got[i] = result if got[i] in (None, result) else None
        except BaseException as exc:  # a Doc freed under a running lint fails here
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert got == expected
