"""Test-session settings shared by every test module."""

from __future__ import annotations

import os
import shutil
import tempfile

# The CLI keeps a start-up cache (specllint.buildcache); tests must not write into the
# user's cache directory, so the whole session, subprocesses included, uses its own.
_CACHE = tempfile.mkdtemp(prefix="specllint-test-cache-")
os.environ["SPECLLINT_CACHE_DIR"] = _CACHE


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)
