"""The specllint language server (``specllint server``; needs the ``lsp`` extra: pygls).

Importing this package imports pygls, so nothing else in specllint imports it; the CLI
does so only inside the ``server`` command. See docs/language-server.md.
"""

from __future__ import annotations

from .server import build_server, serve

__all__ = ["build_server", "serve"]
