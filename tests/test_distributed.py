"""Linting on dask: a local cluster of two worker processes gives the single-process results."""

from __future__ import annotations

import pytest
from generated import corpus_gen

import specllint
from specllint.model import to_dict

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from specllint import distributed as sd  # noqa: E402

pytestmark = pytest.mark.optional


TEXTS = [*corpus_gen.generate_contracts(10, seed=21), "", "Material: durable plastic.", "\u2028\r\n\x00"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_default_scheduler_equals_single_process():
    import dask

    expected = [to_dict(specllint.lint(t)) for t in TEXTS]
    with dask.config.set(scheduler="threads"):  # no client: dask's own scheduler
        got = sd.lint_bag(TEXTS, npartitions=3, config=None)
    assert [to_dict(r) for r in got] == expected


@pytest.mark.slow
def test_cluster_of_two_workers_equals_single_process(client):
    config = {"ignore": ["SPL4"]}
    paths = [f"doc{i}.md" for i in range(len(TEXTS))]
    expected = [to_dict(specllint.lint(t, config=config, path=p)) for t, p in zip(TEXTS, paths, strict=True)]
    got = sd.lint_bag(TEXTS, config=config, client=client, npartitions=4, paths=paths)
    assert [to_dict(r) for r in got] == expected
    workers = client.run(lambda: True)
    assert len(workers) == 2


@pytest.mark.slow
def test_cluster_lints_files_and_reports_unreadable_ones(client, tmp_path):
    paths = []
    for i, text in enumerate(TEXTS[:4]):
        path = tmp_path / f"c{i}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    paths.append(str(bad))
    results = sd.lint_paths_bag(paths, client=client, npartitions=2)
    assert [r.path for r in results] == paths
    assert results[-1].report is None and "binary" in results[-1].error
    for text, result in zip(TEXTS[:4], results, strict=False):
        assert to_dict(result.report) == to_dict(specllint.lint(text, path=result.path))


def test_report_bag_is_lazy_and_composable():
    bag = sd.report_bag(TEXTS[:3]).map(lambda r: len(r.findings))
    assert bag.compute(scheduler="sync") == [len(specllint.lint(t).findings) for t in TEXTS[:3]]
