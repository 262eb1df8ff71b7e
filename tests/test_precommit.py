"""The pre-commit hook, run for real: ``pre-commit try-repo <this checkout> specllint``.

pre-commit builds a fresh virtual environment for every ``try-repo`` call and pip-installs
this checkout into it (from PyPI, so this test needs the network that CI has; pip's own
cache makes later runs faster). The checkout is first copied, with its uncommitted and
untracked files, into a snapshot repository under the pytest cache: ``try-repo`` on a dirty
tree would only see changes to tracked files, so a new hook file would be missed.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VAGUE = "# Spec\n\n1. Material: high quality steel.\n2. Finish: durable coating.\n"
CLEAN = "# Spec\n\n1. Material: stainless steel 1.4301 per EN 10088-2.\n2. Colour: Pantone 186 C.\n"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "specllint tests", "GIT_AUTHOR_EMAIL": "tests@specllint.invalid",
    "GIT_COMMITTER_NAME": "specllint tests", "GIT_COMMITTER_EMAIL": "tests@specllint.invalid",
    "GIT_AUTHOR_DATE": "2000-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2000-01-01T00:00:00Z",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}
SKIP_PARTS = {".git", ".venv", "venv", ".ci-venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis",
              "build", "dist"}

pytestmark = [pytest.mark.slow, pytest.mark.optional]


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **GIT_ENV}
    proc = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"git {' '.join(args)} failed: {proc.stderr}"
    return proc.stdout


def checkout_files() -> list[Path]:
    """Tracked and untracked (not ignored) files of this checkout."""
    try:
        listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
        names = [Path(n) for n in listed.split("\0") if n]
    except AssertionError:  # not a git checkout (an unpacked sdist)
        names = [p.relative_to(ROOT) for p in ROOT.rglob("*") if p.is_file()]
    return sorted(n for n in names if not SKIP_PARTS & set(n.parts) and (ROOT / n).is_file())


def snapshot(target: Path) -> Path:
    """A git repository holding this checkout's current files in one deterministic commit."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in checkout_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


@pytest.fixture(scope="module")
def hook_env(request, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (it is in the dev extra)")
    cache = getattr(request.config, "cache", None)  # None with -p no:cacheprovider
    base = cache.mkdir("pre-commit") if cache is not None else tmp_path_factory.mktemp("pre-commit")
    repo = snapshot(base / "checkout")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(base / "home"), "PRE_COMMIT_COLOR": "never"}
    return repo, env


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "specllint.toml").write_text('select = ["SPL1"]\n', encoding="utf-8")
    (tmp_path / "vague.md").write_text(VAGUE, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    git("init", "-q", cwd=tmp_path)
    git("add", "-A", cwd=tmp_path)
    git("commit", "-q", "-m", "contracts", cwd=tmp_path)
    return tmp_path


def try_repo(hook_env: tuple[Path, dict[str, str]], project: Path, *files: str) -> subprocess.CompletedProcess:
    repo, env = hook_env
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "specllint", "--files", *files]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=1500)


def test_hook_fails_on_a_vague_contract(hook_env, project):
    proc = try_repo(hook_env, project, "vague.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Failed" in output
    assert "vague.md:3:14: SPL101" in output and "durable" in output


def test_hook_passes_on_a_clean_contract(hook_env, project):
    proc = try_repo(hook_env, project, "clean.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "Passed" in output


def test_hook_definition_matches_the_documented_file_types():
    import re

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "specllint" and hook["entry"] == "specllint check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.md", "docs/b.markdown", "c.txt"))
    assert not any(files.search(n) for n in ("a.py", "b.docx", "md.json"))
