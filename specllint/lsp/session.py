"""What the language server knows between requests: open documents, their configs, reports.

Nothing here speaks the protocol; :mod:`specllint.lsp.server` wires it to pygls. Each open
document keeps an :class:`~specllint.incremental.IncrementalLinter`, so an edit re-checks
only the clauses it touched. The config of a document is the one nearest to its file
(:func:`specllint.config_files.load_config`); a broken config or rule pack is reported
through ``on_error`` once and the document is linted with the default config meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

import attrs

from ..config import Config, ConfigError
from ..config_files import CONFIG_FILES, load_config
from ..incremental import IncrementalLinter
from ..model import Report
from ..packs import RulePackError
from ..utf16 import UTF16, TextPositions, apply_change

log = logging.getLogger(__name__)

#: (start, end) LSP positions of a change, or None for a whole-document replacement
ChangeRange = tuple[tuple[int, int], tuple[int, int]] | None


def uri_to_path(uri: str) -> Path | None:
    """The file system path of a ``file:`` URI (None for ``untitled:`` and other schemes)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = url2pathname(unquote(parsed.path))
    if parsed.netloc and parsed.netloc != "localhost":  # UNC path: file://server/share/x
        path = f"//{parsed.netloc}{path}"
    return Path(path)


def is_config_file(path: Path | None) -> bool:
    """Whether saving ``path`` may change the config of some document."""
    return path is not None and path.name in CONFIG_FILES


@attrs.define
class OpenDocument:
    """One document the client has open, with its latest lint result."""

    uri: str
    text: str
    version: int | None
    path: Path | None
    linter: IncrementalLinter | None = None
    report: Report | None = None
    _positions: TextPositions | None = None

    def positions(self, encoding: str) -> TextPositions:
        """Offset <-> LSP position converter for the current text."""
        if self._positions is None or self._positions.text is not self.text or self._positions.encoding != encoding:
            self._positions = TextPositions(self.text, encoding)
        return self._positions


class Session:
    """Open documents, the config of each, and linting them."""

    def __init__(
        self,
        root: Path | None = None,
        encoding: str = UTF16,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self.root = root
        self.encoding = encoding
        self.documents: dict[str, OpenDocument] = {}
        self._on_error = on_error or (lambda message: log.error("%s", message))
        self._configs: dict[Path | None, Config] = {}
        #: configs whose rules could not be loaded (linted with the defaults instead)
        self._broken: set[Config] = set()
        self._shown_errors: set[str] = set()

    # -- documents ----------------------------------------------------------------------
    def open(self, uri: str, text: str, version: int | None = None) -> OpenDocument:
        document = OpenDocument(uri, text, version, uri_to_path(uri))
        self.documents[uri] = document
        return document

    def change(
        self, uri: str, changes: Iterable[tuple[ChangeRange, str]], version: int | None = None
    ) -> OpenDocument:
        """Apply content changes in order (ranges in the session's position encoding)."""
        document = self.documents[uri]
        text = document.text
        for span, new_text in changes:
            start, end = span if span is not None else (None, None)
            text = apply_change(text, new_text, start, end, self.encoding)
        document.text = text
        document.version = version
        return document

    def close(self, uri: str) -> None:
        self.documents.pop(uri, None)

    # -- linting ------------------------------------------------------------------------
    def lint(self, uri: str) -> Report:
        """Lint the current text of ``uri`` with its config and keep the report."""
        document = self.documents[uri]
        config = self.config_for(document.path)
        if config in self._broken:
            config = Config()
        if document.linter is None or document.linter.config != config:
            document.linter = self._linter(config)
        path = str(document.path) if document.path is not None else None
        document.report = document.linter.lint(document.text, path=path)
        return document.report

    def forget_configs(self) -> None:
        """Read config files again on the next lint (after a config file changed)."""
        self._configs.clear()
        self._broken.clear()
        self._shown_errors.clear()

    def config_for(self, path: Path | None) -> Config:
        """The config nearest to ``path`` (the workspace root's for unsaved documents)."""
        folder = path.parent if path is not None else self.root
        if folder in self._configs:
            return self._configs[folder]
        if folder is None:
            config = Config()
        else:
            try:
                config, source = load_config(folder)
                log.info("config for %s: %s", folder, source or "defaults")
            except ConfigError as exc:
                self._error(f"specllint: config error: {exc}; using the default config")
                config = Config()
        self._configs[folder] = config
        return config

    def _linter(self, config: Config) -> IncrementalLinter:
        try:
            return IncrementalLinter(config)
        except (ConfigError, RulePackError) as exc:
            self._broken.add(config)
            kind = "rule pack" if isinstance(exc, RulePackError) else "config"
            self._error(f"specllint: {kind} error: {exc}; using the default config")
            return IncrementalLinter(Config())

    def _error(self, message: str) -> None:
        log.error("%s", message)
        if message not in self._shown_errors:
            self._shown_errors.add(message)
            self._on_error(message)
