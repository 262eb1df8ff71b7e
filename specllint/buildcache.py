"""A disk cache of what start-up builds: the linter's kinds, the section data, the unit
grammar, and the regular expressions modules compile at import (:func:`compile_pattern`).

Building the linter (phrase sets expanded into every word form, about 1,800 regular
expressions compiled in pure Python) costs more than importing spaCy. The command line
therefore keeps the built objects in ``$XDG_CACHE_HOME/specllint`` (``~/.cache/specllint``;
``SPECLLINT_CACHE_DIR`` overrides it) and loads them with :mod:`pickle`: a ``regex``
pattern unpickles from its compiled code, without being parsed again.

Rules of the cache:

* off unless :func:`enable` is called (the CLI does, unless ``--no-cache`` or
  ``SPECLLINT_NO_CACHE`` is set), so the library never touches the disk by itself;
* every entry is keyed by the content of every file of the package and of the built-in
  rule pack, the Python, spaCy, regex, Pint and attrs versions, and the entry's own key
  (the config), so any change to code, rules or data makes a new entry;
* the spaCy pipeline, its vocabulary and string store are never stored: they are
  referenced by name and the entry is loaded into the pipeline of this process, and the
  strings the build added to the string store are added again;
* any problem (unreadable, corrupt, foreign or unwritable cache, an object that cannot be
  pickled) falls back to building, silently; files are written atomically.
"""

from __future__ import annotations

import atexit
import copyreg
import gc
import hashlib
import io
import os
import pickle
import sys
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: Bumped when the layout of cache files changes.
FORMAT = 1
_MAGIC = b"specllint-build-cache"
_ENV_DIR = "SPECLLINT_CACHE_DIR"
_ENV_OFF = "SPECLLINT_NO_CACHE"

_enabled = False
_directory: Path | None = None


def enable(directory: str | os.PathLike[str] | None = None) -> bool:
    """Use the disk cache from now on (in ``directory``, or the default place).

    Returns False, leaving the cache off, when ``SPECLLINT_NO_CACHE`` is set."""
    global _enabled, _directory
    if os.environ.get(_ENV_OFF, "").strip() not in ("", "0"):
        return False
    _directory = Path(directory) if directory is not None else default_directory()
    _enabled = True
    return True


@contextmanager
def enabled_while(directory: str | os.PathLike[str] | None = None) -> Iterator[bool]:
    """:func:`enable` for the duration of a ``with`` block, then restore the previous state."""
    global _enabled, _directory
    saved = _enabled, _directory
    try:
        yield enable(directory) if not _enabled else True
    finally:
        _enabled, _directory = saved


def disable() -> None:
    """Stop using the disk cache (objects already loaded stay in use)."""
    global _enabled
    _enabled = False


def enabled() -> bool:
    """True when :func:`memo` reads and writes the disk cache."""
    return _enabled


def default_directory() -> Path:
    """``$SPECLLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/specllint``, else ``~/.cache/specllint``."""
    explicit = os.environ.get(_ENV_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "specllint"


def _versions() -> str:
    from importlib import metadata

    parts = [sys.version, str(FORMAT)]
    for dist in ("spacy", "regex", "pint", "attrs"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=-")
    return "\n".join(parts)


def _tree_digest(root: Path, digest: Any) -> None:
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file() or path.suffix in (".pyc", ".pyo"):
            continue
        digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


@cache
def code_key() -> str:
    """Digest of the package's files, the built-in rule pack and the library versions."""
    from .packs import builtin_pack_dir

    digest = hashlib.sha256(_versions().encode())
    package = Path(__file__).resolve().parent
    _tree_digest(package, digest)
    pack = builtin_pack_dir().resolve()
    if package not in pack.parents:
        _tree_digest(pack, digest)
    return digest.hexdigest()


def _path_for(name: str, key: Hashable) -> Path | None:
    if _directory is None:
        return None
    code = code_key()
    entry = hashlib.sha256(f"{code}\0{name}\0{key!r}".encode("utf-8", "surrogatepass")).hexdigest()
    return _directory / f"{name}-{code[:16]}-{entry[:16]}.pickle"


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, shared: dict[str, Any]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._ids = {id(obj): name for name, obj in shared.items()}
        self._shared = shared  # keeps the objects alive while their ids are in use

        self._interned: dict[Any, Any] = {}
        table = dict(copyreg.dispatch_table)
        try:
            from spacy.matcher import Matcher
        except ImportError:  # pragma: no cover - spaCy is a dependency
            pass
        else:
            table[Matcher] = _reduce_matcher
        self.dispatch_table = table  # this pickler only; nothing global changes

    def persistent_id(self, obj: Any) -> str | None:
        return self._ids.get(id(obj))

    def reducer_override(self, obj: Any) -> Any:
        """Store equal frozen sets and tuples of plain values once (phrase sets hold many
        copies of a few word sets); they load as one shared, immutable object."""
        if type(obj) in (frozenset, tuple) and _internable(obj):
            canonical = self._interned.setdefault(obj, obj)
            if canonical is not obj:
                return _same, (canonical,)
        return NotImplemented


def _same(obj: T) -> T:
    return obj


def _reduce_matcher(matcher: Any) -> Any:
    """spaCy's own pickle data of a ``Matcher``, rebuilt without validating the patterns
    again (they were validated when the linter was built; validation is a third of the
    time of re-adding them)."""
    reduced = matcher.__reduce__()
    func, args = reduced[0], reduced[1]
    if getattr(func, "__name__", "") == "unpickle_matcher" and len(args) == 5:
        return _rebuild_matcher, args
    return reduced


def _rebuild_matcher(vocab: Any, patterns: Any, callbacks: Any, validate: Any, fuzzy_compare: Any) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=False, fuzzy_compare=fuzzy_compare)
    for key, pattern in patterns.items():
        matcher.add(key, pattern, on_match=callbacks.get(key))
    matcher.validate = validate
    return matcher


def _plain(obj: Any) -> bool:
    """A frozen set or tuple of only ints or only strings (equal ones are interchangeable:
    ``1 == 1.0 == True`` cannot mix types)."""
    kinds = {type(x) for x in obj}
    return kinds == {int} or kinds == {str}


def _internable(obj: Any) -> bool:
    if not obj:
        return False
    if type(obj) is tuple and all(type(x) is frozenset for x in obj):
        return all(_plain(x) for x in obj)
    return _plain(obj)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: dict[str, Any]) -> None:
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, pid: Any) -> Any:
        try:
            return self._shared[pid]
        except (KeyError, TypeError):
            raise pickle.UnpicklingError(f"unknown shared object {pid!r}") from None


def _trusted(path: Path) -> bool:
    """Only files this user owns and nobody else may write are unpickled."""
    try:
        st = path.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        return False
    return not st.st_mode & 0o022


def _read(path: Path, key: Hashable, shared: dict[str, Any]) -> tuple[bool, Any, list[str]]:
    if not _trusted(path):
        return False, None, []
    collecting = gc.isenabled()
    try:
        data = path.read_bytes()
        if not data.startswith(_MAGIC):
            return False, None, []
        # Unpickling creates hundreds of thousands of containers, none of them garbage;
        # the collector would walk them again and again (it doubles the load time).
        gc.disable()
        stored_key, value, strings = _Unpickler(io.BytesIO(data[len(_MAGIC) :]), shared).load()
    except Exception:  # any corrupt, truncated or stale file is simply rebuilt
        return False, None, []
    finally:
        if collecting:
            gc.enable()
    if stored_key != repr(key) or not isinstance(strings, list):
        return False, None, []
    return True, value, strings


def _write(path: Path, key: Hashable, value: Any, strings: list[str], shared: dict[str, Any]) -> None:
    buf = io.BytesIO()
    buf.write(_MAGIC)
    try:
        _Pickler(buf, shared).dump((repr(key), value, strings))
    except Exception:  # an object that cannot be pickled: nothing is cached
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            os.chmod(tmp, 0o600)
            fh.write(buf.getvalue())
        os.replace(tmp, path)
    except OSError:
        with suppress(OSError):
            tmp.unlink()
        return
    _prune(path)


def _prune(kept: Path) -> None:
    """Remove the entries of other code versions, best effort (entries for other
    configs of this version stay)."""
    name, code, _ = kept.name.rsplit("-", 2)
    with suppress(OSError):
        for old in kept.parent.glob(f"{name}-*-*.pickle"):
            old_name, old_code, _ = old.name.rsplit("-", 2)
            if old_name == name and old_code != code:
                old.unlink()


def memo(name: str, build: Callable[[], T], key: Hashable = None, nlp: Any = None,
         shared: dict[str, Any] | None = None) -> T:
    """``build()``, or its result stored by an earlier process with the same code and key.

    ``nlp`` is the spaCy pipeline the value refers to (stored by reference; strings the
    build adds to its string store are recorded and added again on load). ``shared``
    names other objects that are stored by reference (e.g. the config)."""
    if not _enabled:
        return build()
    refs = dict(shared or {})
    strings = None
    if nlp is not None:
        strings = nlp.vocab.strings
        refs.update({"nlp": nlp, "vocab": nlp.vocab, "strings": strings})
    try:
        path = _path_for(name, key)
    except Exception:  # the package files cannot be read: work without a cache
        path = None
    if path is None:
        return build()
    # No lock: unpickling may import a module that loads its own entry, and two threads
    # building the same entry at once only cost time (files are replaced atomically).
    found, value, added = _read(path, key, refs)
    if found:
        if strings is not None:
            for s in added:
                strings.add(s)
        return value
    before = len(strings) if strings is not None else 0
    value = build()
    added = list(strings)[before:] if strings is not None else []
    _write(path, key, value, added, refs)
    return value


#: Module-level patterns compiled in this process (or loaded), by (pattern, flags).
_PATTERNS: dict[tuple[str, int], Any] = {}
#: The stored pattern table looked up (cache on), and whether patterns were added since.
_pattern_file: Path | None = None
_patterns_added = False
#: The cache directory the table was last looked up in (once per directory, even on failure).
_patterns_looked_up: Path | None = None


def compile_pattern(pattern: str, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)`` for a pattern a module compiles at import time.

    With the cache on, one table of such patterns, stored by an earlier process, is
    loaded on first use (their compiled code, not parsed again); patterns it lacks are
    compiled and the table is stored again when the process exits."""
    key = (pattern, flags)
    found = _PATTERNS.get(key)
    if found is None:
        if _enabled and _patterns_looked_up != _directory:
            _load_patterns()
            found = _PATTERNS.get(key)
        if found is None:
            import regex

            found = _PATTERNS[key] = regex.compile(pattern, flags)
            _pattern_added()
    return found


def _load_patterns() -> None:
    global _pattern_file, _patterns_looked_up
    _patterns_looked_up = _directory
    try:
        path = _path_for("patterns", None)
    except Exception:  # the package files cannot be read: no table
        return
    if path is None:
        return
    _pattern_file = path
    found, table, _ = _read(path, None, {})
    if found and isinstance(table, dict):
        for key, value in table.items():
            _PATTERNS.setdefault(key, value)


def _pattern_added() -> None:
    """Note a pattern the stored table lacks (only while the cache is on)."""
    global _patterns_added
    if _enabled and _pattern_file is not None and _pattern_file.parent == _directory and not _patterns_added:
        _patterns_added = True
        atexit.register(_save_patterns)


def _save_patterns() -> None:
    """Store the pattern table (at exit; only into a cache directory that still exists)."""
    global _patterns_added
    if _pattern_file is not None and _patterns_added and _pattern_file.parent.is_dir():
        _write(_pattern_file, None, dict(_PATTERNS), [], {})
    _patterns_added = False


def _pack_digest(packs: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for pack in packs:
        digest.update(pack.encode("utf-8", "surrogatepass") + b"\0")
        root = Path(pack)
        if root.is_dir():
            _tree_digest(root, digest)
    return digest.hexdigest()


def _has_plugins() -> bool:
    from importlib import metadata

    return bool(metadata.entry_points(group="specllint.rules"))


def linter(config: Any, build: Callable[[Any], T]) -> T:
    """``build(config)`` through the cache. Not cached: a trained spaCy pipeline
    (``model``), which may change under the same name, and third-party kinds from entry
    points, whose code is not part of the key."""
    if not _enabled or config.model or (config.plugins and _has_plugins()):
        return build(config)
    from .pipeline import get_nlp

    try:
        key = (repr(config), _pack_digest(tuple(config.packs)))
    except OSError:
        return build(config)
    return memo("linter", lambda: build(config), key=key, nlp=get_nlp(config.model), shared={"config": config})
