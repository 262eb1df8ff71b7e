"""A minimal Language Server Protocol client for tests: JSON-RPC over a subprocess's stdio.

Messages are framed with ``Content-Length`` headers. A reader thread puts every message on
a queue, so every wait is bounded by a timeout and a hung server fails the test instead of
hanging it. Requests from the server (e.g. ``client/registerCapability``) are answered with
a null result.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Message = dict[str, Any]


class LspError(AssertionError):
    """The server answered a request with an error, closed the stream, or timed out."""


class LspClient:
    """Starts ``command`` and talks LSP to it."""

    def __init__(self, command: Sequence[str], cwd: str | Path | None = None, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.proc = subprocess.Popen(
            list(command), cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._inbox: queue.Queue[Message | None] = queue.Queue()
        self._backlog: list[Message] = []
        self._stderr: list[bytes] = []
        self._next_id = 0
        self._threads = [
            threading.Thread(target=self._read_messages, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    # -- transport ----------------------------------------------------------------------
    def _read_messages(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        try:
            while True:
                length = None
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    continue
                body = stream.read(length)
                if len(body) < length:
                    return
                self._inbox.put(json.loads(body.decode("utf-8")))
        finally:
            self._inbox.put(None)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._stderr.append(line)

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    # -- messages -----------------------------------------------------------------------
    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any = None, timeout: float | None = None) -> Any:
        self._next_id += 1
        msg_id = self._next_id
        self.send({"id": msg_id, "method": method, "params": params})
        reply = self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m, timeout, f"reply to {method}")
        if "error" in reply:
            raise LspError(f"{method} failed: {reply['error']}")
        return reply.get("result")

    def wait_for(
        self, predicate: Callable[[Message], bool], timeout: float | None = None, what: str = "message"
    ) -> Message:
        """The first message (already received or arriving within ``timeout``) matching ``predicate``."""
        for i, message in enumerate(self._backlog):
            if predicate(message):
                return self._backlog.pop(i)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LspError(f"timed out waiting for {what}; server stderr:\n{self.stderr}")
            try:
                message = self._inbox.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise LspError(f"server closed the stream while waiting for {what}; stderr:\n{self.stderr}")
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": None})
            if predicate(message):
                return message
            self._backlog.append(message)

    def notification(self, method: str, predicate: Callable[[Any], bool] = lambda p: True,
                     timeout: float | None = None) -> Any:
        """The params of the next ``method`` notification whose params match ``predicate``."""
        message = self.wait_for(
            lambda m: m.get("method") == method and "id" not in m and predicate(m.get("params")), timeout, method
        )
        return message.get("params")

    def diagnostics(self, uri: str, version: int | None = None, timeout: float | None = None) -> list[Message]:
        """The next diagnostics published for ``uri`` (for ``version`` when given)."""
        params = self.notification(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
            timeout,
        )
        return params["diagnostics"]

    # -- lifecycle ----------------------------------------------------------------------
    def initialize(self, root: Path, capabilities: Message | None = None) -> Message:
        result = self.request("initialize", {
            "processId": None,
            "rootUri": root.as_uri(),
            "capabilities": capabilities or {},
        })
        self.notify("initialized", {})
        return result

    def wait_exit(self, timeout: float | None = None) -> int:
        try:
            return self.proc.wait(timeout or self.timeout)
        except subprocess.TimeoutExpired:
            raise LspError("server did not exit") from None

    def close(self) -> None:
        """Stop the server if it is still running (idempotent)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        for thread in self._threads:
            thread.join(10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
