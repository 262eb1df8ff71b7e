"""Linting archives on a dask cluster (optional extra: ``pip install 'specllint[dask]'``).

The texts (or file paths) become a :mod:`dask.bag`; every partition is linted by one
worker with a linter that the worker builds once and keeps. Reports come back in input
order and equal those of :func:`specllint.lint` on one machine. dask is imported only
when one of these functions is called.

    from dask.distributed import Client
    import specllint.distributed as sd

    client = Client("tcp://scheduler:8786")
    reports = sd.lint_bag(texts, client=client)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .config import Config
from .files import FileResult
from .model import Report

if TYPE_CHECKING:
    import dask.bag

#: Items per partition when ``npartitions`` is not given.
PARTITION_SIZE = 16


def _dask_bag() -> Any:
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError(f"specllint.distributed needs dask: pip install 'specllint[dask]' ({exc})") from None
    return db


def _config(config: Config | Mapping[str, Any] | None) -> Config:
    from . import _as_config

    return _as_config(config)


def _lint_partition(items: Iterable[tuple[str, str | None]], config: Config) -> list[Report]:
    from .engine import get_linter

    linter = get_linter(config)
    return [linter.lint(text, path=path) for text, path in items]


def _lint_file_partition(paths: Iterable[str], config: Config) -> list[FileResult]:
    from .runner import lint_file

    return [lint_file(path, config) for path in paths]


def _npartitions(count: int, npartitions: int | None) -> int:
    if npartitions is not None:
        return max(1, min(npartitions, max(count, 1)))
    return max(1, -(-count // PARTITION_SIZE))


def report_bag(
    texts: Iterable[str],
    config: Config | Mapping[str, Any] | None = None,
    npartitions: int | None = None,
    paths: Sequence[str | None] | None = None,
) -> dask.bag.Bag:
    """A lazy bag of :class:`~specllint.model.Report`, one per text, for dask pipelines
    (e.g. ``report_bag(texts).map(specllint.to_dict)``)."""
    db = _dask_bag()
    items = list(zip(texts, paths, strict=True)) if paths is not None else [(t, None) for t in texts]
    bag = db.from_sequence(items, npartitions=_npartitions(len(items), npartitions))
    return bag.map_partitions(_lint_partition, _config(config))


def lint_bag(
    texts: Iterable[str],
    config: Config | Mapping[str, Any] | None = None,
    client: Any = None,
    npartitions: int | None = None,
    paths: Sequence[str | None] | None = None,
) -> list[Report]:
    """Lint every text on dask and return the reports in input order.

    ``client`` is a ``dask.distributed.Client`` (None = dask's current default scheduler);
    ``npartitions`` how many tasks to split the texts into (default: one per
    ``PARTITION_SIZE`` texts); ``paths`` optional names, one per text.
    """
    bag = report_bag(texts, config, npartitions, paths)
    return list(bag.compute(scheduler=client) if client is not None else bag.compute())


def lint_paths_bag(
    paths: Iterable[str],
    config: Config | Mapping[str, Any] | None = None,
    client: Any = None,
    npartitions: int | None = None,
) -> list[FileResult]:
    """Read and lint files on the workers (which must see the same paths, e.g. a shared
    file system); one :class:`~specllint.files.FileResult` per path, in input order,
    unreadable files reported in ``error`` as the CLI does."""
    db = _dask_bag()
    items = list(paths)
    bag = db.from_sequence(items, npartitions=_npartitions(len(items), npartitions))
    bag = bag.map_partitions(_lint_file_partition, _config(config))
    return list(bag.compute(scheduler=client) if client is not None else bag.compute())
