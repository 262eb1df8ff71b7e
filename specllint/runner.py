"""Linting many inputs: files for the CLI and ``lint_many`` for library users.

Work is spread over processes (``jobs``) with results returned in input order. Each
worker builds its own linter once and reuses it for every text it receives.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .config import Config, ConfigError
from .files import STDIN, FileResult, InputError, collect, read_input
from .model import Report


def _lint_text(text: str, config: Config, path: str | None) -> Report:
    from .engine import get_linter

    return get_linter(config).lint(text, path=path)


def lint_many(
    texts: Iterable[str], config: Config | None = None, jobs: int = 1, chunksize: int = 4
) -> Iterator[Report]:
    """Lint every text, in order; ``jobs`` > 1 uses that many processes (0 = every core)."""
    config = config or Config()
    workers = _workers(jobs)
    if workers == 1:
        for text in texts:
            yield _lint_text(text, config, None)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        items = list(texts)
        yield from pool.map(_lint_text, items, [config] * len(items), [None] * len(items), chunksize=chunksize)


def _workers(jobs: int) -> int:
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


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


def _lint_file_job(args: tuple[str, Config, str | None]) -> FileResult:
    return lint_file(*args)


def lint_paths(
    paths: Sequence[str],
    config: Config,
    explicit_config: bool = False,
    cli_args: Any = None,
    jobs: int = 1,
    stdin_name: str | None = None,
) -> list[FileResult]:
    """Lint files, directories and ``-``; results in input order, errors kept per file."""
    inputs = collect(paths)
    jobs_list: list[tuple[str, Config, str | None]] = []
    results: dict[int, FileResult] = {}
    for i, path in enumerate(inputs):
        try:
            cfg = _config_for(path, config, explicit_config, cli_args)
        except ConfigError:
            raise
        display = (stdin_name or "<stdin>") if path == STDIN else None
        jobs_list.append((path, cfg, display))
        del i
    workers = _workers(jobs)
    if workers == 1 or len(jobs_list) < 2 or any(p == STDIN for p, _, _ in jobs_list):
        return [_lint_file_job(j) for j in jobs_list]
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs_list))) as pool:
        out = list(pool.map(_lint_file_job, jobs_list, chunksize=1))
    del results
    return out
