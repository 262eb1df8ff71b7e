"""The CLI's start-up cache: same results as a fresh build, and harmless when broken."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from specllint import buildcache, to_dict
from specllint.cli import main
from specllint.config import Config
from specllint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "purchase-contract.md"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("SPECLLINT_NO_CACHE", raising=False)
    directory = tmp_path / "cache"
    with buildcache.enabled_while(directory):
        yield directory


class Counter:
    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.pickle")) if directory.is_dir() else []


def test_off_by_default_builds_every_time(tmp_path):
    assert not buildcache.enabled()
    build = Counter({"a": 1})
    assert buildcache.memo("t-off", build) == {"a": 1}
    assert buildcache.memo("t-off", build) == {"a": 1}
    assert build.calls == 2


def test_second_use_loads_instead_of_building(cache_dir):
    build = Counter({"words": frozenset({"a", "b"}), "n": (1, 2)})
    first = buildcache.memo("t-load", build, key="k")
    second = buildcache.memo("t-load", build, key="k")
    assert build.calls == 1 and second == first and second is not first
    other = buildcache.memo("t-load", build, key="other key")
    assert build.calls == 2 and other == first
    assert len(_files(cache_dir)) == 2


@pytest.mark.parametrize("content", [b"", b"garbage", buildcache._MAGIC + b"\x80\x05truncated", b"\x80\x04N."])
def test_corrupt_entry_is_rebuilt(cache_dir, content):
    build = Counter([1, 2, 3])
    buildcache.memo("t-corrupt", build)
    (path,) = _files(cache_dir)
    path.write_bytes(content)
    assert buildcache.memo("t-corrupt", build) == [1, 2, 3]
    assert build.calls == 2
    assert buildcache.memo("t-corrupt", build) == [1, 2, 3]  # rewritten, so loaded again
    assert build.calls == 2


def test_entry_with_another_key_inside_is_not_used(cache_dir):
    build = Counter("right")
    buildcache.memo("t-key", build, key="k")
    (path,) = _files(cache_dir)
    path.write_bytes(buildcache._MAGIC + pickle.dumps(("'other'", "wrong", [])))
    assert buildcache.memo("t-key", build, key="k") == "right"


def test_unwritable_directory_falls_back_silently(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with buildcache.enabled_while(blocker / "cache"):
        build = Counter("value")
        assert buildcache.memo("t-unwritable", build) == "value"
        assert buildcache.memo("t-unwritable", build) == "value"
    assert build.calls == 2


def test_unpicklable_value_is_not_cached(cache_dir):
    build = Counter(lambda: None)
    buildcache.memo("t-unpicklable", build)
    buildcache.memo("t-unpicklable", build)
    assert build.calls == 2 and _files(cache_dir) == []


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_entry_writable_by_others_is_not_trusted(cache_dir):
    build = Counter("value")
    buildcache.memo("t-trust", build)
    (path,) = _files(cache_dir)
    path.chmod(0o666)
    buildcache.memo("t-trust", build)
    assert build.calls == 2


def test_no_cache_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("SPECLLINT_NO_CACHE", "1")
    with buildcache.enabled_while(tmp_path) as on:
        assert on is False and not buildcache.enabled()


def test_state_is_restored_after_the_block(tmp_path):
    with buildcache.enabled_while(tmp_path):
        assert buildcache.enabled()
    assert not buildcache.enabled()


def test_cached_linter_lints_like_a_fresh_one(cache_dir):
    config = Config(accept=("soft-touch",))
    built = buildcache.linter(config, Linter)
    loaded = buildcache.linter(config, Linter)
    assert loaded is not built
    assert any(p.name.startswith("linter-") for p in _files(cache_dir))
    text = EXAMPLE.read_text(encoding="utf-8")
    fresh = Linter(config)
    assert to_dict(loaded.lint(text, path="x.md")) == to_dict(fresh.lint(text, path="x.md"))
    assert [r.rule.code for r in loaded.runners] == [r.rule.code for r in fresh.runners]


def test_other_code_versions_are_pruned(cache_dir, monkeypatch):
    buildcache.memo("t-prune", Counter(1))
    (old,) = _files(cache_dir)
    monkeypatch.setattr(buildcache, "code_key", lambda: "f" * 64)
    buildcache.memo("t-prune", Counter(2))
    assert not old.exists() and len(_files(cache_dir)) == 1


def test_cli_output_is_the_same_with_and_without_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SPECLLINT_CACHE_DIR", str(tmp_path / "cli-cache"))
    outputs = []
    for extra in (["--no-cache"], [], []):
        main(["check", str(EXAMPLE), "-f", "json", "--exit-zero", *extra])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert not buildcache.enabled()


@pytest.mark.slow
def test_fresh_processes_print_the_same_with_a_cold_and_a_warm_cache(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "SPECLLINT_CACHE_DIR": str(tmp_path / "proc-cache"), "PYTHONPATH": str(ROOT)}
    env.pop("SPECLLINT_NO_CACHE", None)
    cmd = [sys.executable, "-m", "specllint.cli", "check", str(EXAMPLE), "-f", "json", "--exit-zero"]
    runs = [subprocess.run([*cmd, *extra], capture_output=True, text=True, env=env, check=True).stdout
            for extra in (["--no-cache"], [], [])]
    assert runs[0] == runs[1] == runs[2]
    assert any(p.name.startswith("linter-") for p in (tmp_path / "proc-cache").iterdir())


def test_pattern_table_is_stored_and_loaded_compiled(cache_dir, monkeypatch):
    monkeypatch.setattr(buildcache, "_PATTERNS", {})
    monkeypatch.setattr(buildcache, "_pattern_file", None)
    monkeypatch.setattr(buildcache, "_patterns_looked_up", None)
    monkeypatch.setattr(buildcache, "_patterns_added", False)
    monkeypatch.setattr(buildcache.atexit, "register", lambda fn: fn)
    cache_dir.mkdir()  # at exit the table is written only into an existing cache directory
    first = buildcache.compile_pattern(r"(?P<n>\d+)\s*kg", 2)
    assert first.search("about 12 kg").group("n") == "12"
    buildcache._save_patterns()
    assert [p.name.split("-")[0] for p in _files(cache_dir)] == ["patterns"]

    import regex

    monkeypatch.setattr(buildcache, "_PATTERNS", {})
    monkeypatch.setattr(buildcache, "_pattern_file", None)
    monkeypatch.setattr(buildcache, "_patterns_looked_up", None)
    monkeypatch.setattr(regex, "compile", lambda *a: pytest.fail("compiled again instead of loaded"))
    loaded = buildcache.compile_pattern(r"(?P<n>\d+)\s*kg", 2)
    assert loaded is not first and (loaded.pattern, loaded.flags) == (first.pattern, first.flags)
    assert loaded.search("ABOUT 7 KG").group("n") == "7"


def test_pattern_table_is_not_used_when_the_cache_is_off(tmp_path, monkeypatch):
    monkeypatch.setattr(buildcache, "_PATTERNS", {})
    monkeypatch.setattr(buildcache, "_pattern_file", None)
    monkeypatch.setattr(buildcache, "_patterns_looked_up", None)
    monkeypatch.setattr(buildcache, "_patterns_added", False)
    assert not buildcache.enabled()
    assert buildcache.compile_pattern("a+b").fullmatch("aab")
    assert buildcache._pattern_file is None and not buildcache._patterns_added


def test_phrase_matchers_are_pickled_as_patterns_and_built_on_use():
    import spacy

    from specllint.phraseset import PhraseSet

    nlp = spacy.blank("en")
    phrases = PhraseSet(nlp, ["a|an * finish", "soft{1,2} touch"])
    text = "A glossy finish and a soft soft touch."
    copy = pickle.loads(pickle.dumps(phrases))
    lazy = [g.matcher for g in copy._groups if g.matcher is not None]
    assert lazy and all(m._matcher is None for m in lazy)
    assert copy.matches(nlp(text)) == phrases.matches(nlp(text))
    assert len(copy.matches(nlp(text))) == 2
