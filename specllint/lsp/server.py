"""The pygls wiring of the language server (``specllint server``).

Features: diagnostics pushed on open, save and (after a short pause in typing) change; hover
with the rule's documentation; quick-fix code actions; incremental text sync. All linting goes through
:class:`specllint.lsp.session.Session`; this module only translates the protocol.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..utf16 import UTF16
from . import features
from .session import Session, is_config_file, uri_to_path

log = logging.getLogger(__name__)

CONFIG_GLOBS = ("**/specllint.toml", "**/.specllint.toml", "**/pyproject.toml")
#: seconds to wait after a change before linting, so a burst of keystrokes is linted once
DEBOUNCE_SECONDS = 0.15


class SpecllintServer(LanguageServer):
    """A pygls server holding one :class:`Session`."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("specllint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.session = Session(on_error=self.show_error)
        self.shutdown_requested = False
        self.debounce = debounce
        self._pending: dict[str, asyncio.TimerHandle] = {}

    def show_error(self, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    def publish(self, uri: str) -> None:
        """Lint ``uri`` and push its diagnostics."""
        document = self.session.documents.get(uri)
        if document is None:
            return
        try:
            report = self.session.lint(uri)
        except Exception as exc:  # a bug in a rule must not take the server down
            log.exception("linting %s failed", uri)
            self.show_error(f"specllint: linting {uri} failed: {type(exc).__name__}: {exc}")
            return
        positions = document.positions(self.session.encoding)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=features.diagnostics(report, positions), version=document.version,
        ))

    def publish_all(self) -> None:
        for uri in list(self.session.documents):
            self.publish(uri)

    def publish_later(self, uri: str) -> None:
        """Lint ``uri`` once no change has come for ``debounce`` seconds."""
        self.cancel_pending(uri)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.publish(uri)
            return
        self._pending[uri] = loop.call_later(self.debounce, self.publish_pending, uri)

    def publish_pending(self, uri: str) -> None:
        """Lint ``uri`` now if a change is waiting (before answering a request about it)."""
        if self._pending.pop(uri, None) is not None:
            self.publish(uri)

    def cancel_pending(self, uri: str) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()


def _root(params: types.InitializeParams) -> Path | None:
    if params.workspace_folders:
        return uri_to_path(params.workspace_folders[0].uri)
    if params.root_uri:
        return uri_to_path(params.root_uri)
    return Path(params.root_path) if params.root_path else None


def _change_span(change: types.TextDocumentContentChangeEvent) -> tuple[tuple[int, int], tuple[int, int]] | None:
    if isinstance(change, types.TextDocumentContentChangePartial):
        r = change.range
        return (r.start.line, r.start.character), (r.end.line, r.end.character)
    return None


def build_server() -> SpecllintServer:
    """A server with every feature registered (not yet started)."""
    server = SpecllintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: SpecllintServer, params: types.InitializeParams) -> None:
        encoding = ls.workspace.position_encoding
        ls.session.encoding = getattr(encoding, "value", encoding) or UTF16
        ls.session.root = _root(params)
        log.info("workspace root %s, position encoding %s", ls.session.root, ls.session.encoding)

    @server.feature(types.INITIALIZED)
    def initialized(ls: SpecllintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in CONFIG_GLOBS]
            )
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="specllint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=options,
            )]))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: SpecllintServer, params: None) -> None:
        ls.shutdown_requested = True
        for uri in list(ls._pending):
            ls.cancel_pending(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SpecllintServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        ls.session.open(doc.uri, doc.text, doc.version)
        ls.publish(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SpecllintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri not in ls.session.documents:
            return
        changes = [(_change_span(c), c.text) for c in params.content_changes]
        ls.session.change(uri, changes, params.text_document.version)
        ls.publish_later(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: SpecllintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.session.forget_configs()
        if is_config_file(uri_to_path(params.text_document.uri)):
            ls.publish_all()
        else:
            ls.cancel_pending(params.text_document.uri)
            ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SpecllintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel_pending(uri)
        ls.session.close(uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: SpecllintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config_file(uri_to_path(c.uri)) for c in params.changes):
            ls.session.forget_configs()
            ls.publish_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: SpecllintServer, params: types.HoverParams) -> types.Hover | None:
        ls.publish_pending(params.text_document.uri)
        document = ls.session.documents.get(params.text_document.uri)
        if document is None or document.report is None or document.linter is None:
            return None
        positions = document.positions(ls.session.encoding)
        return features.hover(document.report, positions, params.position, document.linter.linter.rules_by_code)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: SpecllintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        ls.publish_pending(uri)
        document = ls.session.documents.get(uri)
        if document is None or not features.wants_quickfix(params.context.only):
            return None
        positions = document.positions(ls.session.encoding)
        diags = [d for d in params.context.diagnostics if d.source == features.SOURCE]
        if not diags and document.report is not None:
            # Clients that send no diagnostics get the actions of the findings in the range.
            start, end = features.offsets(positions, params.range)
            diags = [
                features.diagnostic(f, positions)
                for f in document.report.findings
                if f.start <= end and start <= f.end
            ]
        return features.code_actions(uri, positions, diags) or None

    return server


def serve(log_file: Path | None = None) -> int:
    """Run the server on standard input/output until the client exits.

    Returns the exit code the protocol asks for: 0 after ``shutdown`` then ``exit``,
    1 when the client exits (or disappears) without asking for a shutdown first.
    """
    if log_file is not None:
        logging.basicConfig(
            filename=str(log_file), level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        logging.getLogger("pygls").setLevel(logging.WARNING)  # it logs every message at INFO
    server = build_server()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Anything printed by accident must not corrupt the protocol stream.
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
    return 0 if server.shutdown_requested else 1
