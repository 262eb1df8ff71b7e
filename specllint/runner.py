"""Linting many inputs: files for the CLI and :func:`lint_many` for library users.

Work is spread over processes (``jobs``); results always come back in input order, so
``-j 4`` prints exactly what ``-j 1`` prints. The linter for the base config is built in
the parent before the pool starts: with the ``fork`` start method every worker inherits
it instead of loading the rules and the spaCy pipeline again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from .config import Config
from .files import STDIN, FileResult, InputError, collect, read_input
from .model import Finding, Report


def _lint_text(text: str, config: Config, path: str | None) -> Report:
    from .engine import get_linter

    return get_linter(config).lint(text, path=path)


def _lint_chunk(items: list[tuple[str, str | None]], config: Config) -> list[Report]:
    return [_lint_text(text, config, path) for text, path in items]


def workers_for(jobs: int, tasks: int | None = None) -> int:
    """Processes to use: ``jobs`` (0 = every core), never more than there are tasks."""
    n = (os.cpu_count() or 1) if jobs <= 0 else jobs
    if tasks is not None:
        n = min(n, max(1, tasks))
    return max(1, n)


def _chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def iter_lint_many(
    texts: Iterable[str],
    config: Config | Mapping[str, Any] | None = None,
    jobs: int = 1,
    paths: Iterable[str | None] | None = None,
) -> Iterator[Report]:
    """Like :func:`lint_many` but yields each report as soon as it (and all before it) is done."""
    from . import _as_config
    from .engine import get_linter

    cfg = _as_config(config)
    get_linter(cfg)  # build once here; forked workers inherit it
    text_list = list(texts)
    path_list = list(paths) if paths is not None else [None] * len(text_list)
    if len(path_list) != len(text_list):
        raise ValueError(f"lint_many: {len(text_list)} texts but {len(path_list)} paths")
    items = list(zip(text_list, path_list, strict=True))
    workers = workers_for(jobs, len(items))
    if workers == 1:
        for text, path in items:
            yield _lint_text(text, cfg, path)
        return
    # Several texts per task amortise the cost of sending work to a process; small
    # enough chunks keep every worker busy until the end.
    size = max(1, min(32, len(items) // (workers * 4)))
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for reports in pool.map(partial(_lint_chunk, config=cfg), _chunks(items, size)):
            yield from reports


def lint_many(
    texts: Iterable[str],
    config: Config | Mapping[str, Any] | None = None,
    jobs: int = 1,
    paths: Iterable[str | None] | None = None,
) -> list[Report]:
    """Lint every text and return the reports in input order.

    ``jobs`` > 1 uses that many processes (0 = one per core); the reports are identical
    to those of ``jobs=1``. ``paths`` (optional, one per text) names each text in its
    report and selects per-file ignores.
    """
    return list(iter_lint_many(texts, config, jobs, paths))


def _config_for(path: str, base: Config, explicit: bool, cli_args: Any) -> Config:
    if explicit or path == STDIN:
        return base
    from .cli import _apply_cli
    from .config_files import load_config

    config, _ = load_config(Path(path))
    return _apply_cli(config, cli_args) if cli_args is not None else config


def lint_file(path: str, config: Config, display: str | None = None) -> FileResult:
    """Read and lint one input; problems reading it become ``FileResult.error``."""
    name = display or path
    try:
        text = read_input(path, config.max_bytes)
    except InputError as exc:
        return FileResult(name, error=str(exc))
    report = _lint_text(text, config, None if path == STDIN else path)
    return FileResult(name, report=report, text=text)


def _lint_file_job(job: tuple[str, Config, str | None]) -> FileResult:
    return lint_file(*job)


def _inputs(
    paths: Sequence[str], config: Config, explicit_config: bool, cli_args: Any, stdin_name: str | None
) -> Iterator[tuple[str, Config, str | None]]:
    """(path, its config, display name for standard input or None) of every input, in order."""
    for path in collect(paths):
        cfg = _config_for(path, config, explicit_config, cli_args)
        yield path, cfg, (stdin_name or "<stdin>") if path == STDIN else None


def lint_paths(
    paths: Sequence[str],
    config: Config,
    explicit_config: bool = False,
    cli_args: Any = None,
    jobs: int = 1,
    stdin_name: str | None = None,
) -> list[FileResult]:
    """Lint files, directories and ``-``; results in input order, errors kept per file.

    A :class:`~specllint.config.ConfigError` in a file's config propagates (exit 2).
    """
    from .engine import get_linter

    jobs_list = list(_inputs(paths, config, explicit_config, cli_args, stdin_name))
    workers = workers_for(jobs, len(jobs_list))
    if workers == 1 or any(p == STDIN for p, _, _ in jobs_list):
        return [_lint_file_job(j) for j in jobs_list]
    for cfg in {c for _, c, _ in jobs_list}:
        get_linter(cfg)  # build in the parent; forked workers inherit the linters
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_lint_file_job, jobs_list, chunksize=1))


def iter_path_findings(
    paths: Sequence[str],
    config: Config,
    explicit_config: bool = False,
    cli_args: Any = None,
    stdin_name: str | None = None,
) -> Iterator[tuple[str, Config, Finding | None, str | None]]:
    """Clause findings of files, directories and ``-``, as :func:`specllint.iter_findings` finds them.

    Yields ``(name, config, finding, None)`` for each finding as
    :func:`specllint.iter_findings` finds it, and ``(name, config, None, message)`` for an
    input that cannot be read; the other inputs are still linted. Only one input's text is
    held at a time; no report is built (no sections, scores or document-level checks).
    """
    from .streaming import iter_findings

    for path, cfg, display in _inputs(paths, config, explicit_config, cli_args, stdin_name):
        name = display or path
        try:
            text = read_input(path, cfg.max_bytes)
        except InputError as exc:
            yield name, cfg, None, str(exc)
            continue
        for finding in iter_findings(text, cfg, None if path == STDIN else path):
            yield name, cfg, finding, None
