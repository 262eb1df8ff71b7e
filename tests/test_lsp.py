"""The language server, driven over stdio exactly as an editor drives it."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

pytest.importorskip("pygls")
pytest.importorskip("lsprotocol")

from lsp_client import LspClient

from specllint.model import Edit, Finding, Fix, Report

pytestmark = pytest.mark.optional

REPO = Path(__file__).resolve().parent.parent
EMOJI = "\U0001f600"  # one character in Python, two UTF-16 code units
LINE0 = f"Material: {EMOJI} high quality steel."
LINE1 = f"Finish {EMOJI}{EMOJI}: durable coating."
TEXT = f"{LINE0}\n{LINE1}\n"


def _start(tmp_path: Path, capabilities: dict | None = None) -> LspClient:
    client = LspClient([sys.executable, "-m", "specllint.cli", "server"], cwd=REPO, timeout=60)
    try:
        result = client.initialize(tmp_path, capabilities)
        encodings = ((capabilities or {}).get("general") or {}).get("positionEncodings") or ["utf-16"]
        assert result["capabilities"]["positionEncoding"] == encodings[0]
        assert result["capabilities"]["textDocumentSync"]["change"] == 2  # incremental
    except BaseException:
        client.close()
        raise
    return client


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _by_text(diagnostics: list[dict]) -> dict[str, dict]:
    return {d["data"]["text"]: d for d in diagnostics}


@pytest.fixture
def server(tmp_path):
    # Only the vague-term rule, so the assertions do not depend on the rest of the rule set.
    (tmp_path / "specllint.toml").write_text('select = ["SPL101"]\n', encoding="utf-8")
    client = _start(tmp_path)
    yield client
    client.close()


def test_editor_session_end_to_end(server, tmp_path):
    uri = (tmp_path / "contract.md").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": TEXT}})
    diags = _by_text(server.diagnostics(uri, version=1))
    high = diags["high quality"]
    start = _utf16(LINE0[: LINE0.index("high")])
    assert start == LINE0.index("high") + 1  # the emoji counts two code units
    assert high["range"] == {"start": {"line": 0, "character": start},
                             "end": {"line": 0, "character": start + len("high quality")}}
    assert high["source"] == "specllint" and high["code"] == "SPL101"
    assert high["severity"] == 2  # warning
    assert "codeDescription" not in high
    assert high["data"]["suggestions"], "the data carries the suggestions for code actions"
    durable = diags["durable"]
    assert durable["range"]["start"] == {"line": 1, "character": _utf16(LINE1[: LINE1.index("durable")])}

    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": start + 3}})
    assert hover["contents"]["kind"] == "markdown"
    value = hover["contents"]["value"]
    assert "SPL101" in value and high["message"] in value
    assert "What it does" in value and "Why is this bad" in value  # the rule's documentation
    assert high["data"]["suggestions"][0] in value
    assert hover["range"] == high["range"]
    nothing = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": 0, "character": 1}})
    assert nothing is None

    # Incremental sync: two changes applied in order, positions in UTF-16 code units and
    # relative to the text after the previous change: 1) insert "sheet " before the emoji;
    # 2) delete the emoji (two code units), now six characters further right.
    emoji_col = _utf16(LINE0[: LINE0.index(EMOJI)])
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [
            {"range": {"start": {"line": 0, "character": emoji_col}, "end": {"line": 0, "character": emoji_col}},
             "text": "sheet "},
            {"range": {"start": {"line": 0, "character": emoji_col + 6},
                       "end": {"line": 0, "character": emoji_col + 8}},
             "text": ""},
        ],
    })
    new_line0 = LINE0.replace(EMOJI, "sheet ")
    diags = _by_text(server.diagnostics(uri, version=2))
    moved = diags["high quality"]
    col = new_line0.index("high")  # no astral character left on the line
    assert moved["range"]["start"] == {"line": 0, "character": col}
    assert moved["range"]["end"] == {"line": 0, "character": col + len("high quality")}
    assert diags["durable"]["range"] == durable["range"]  # line 1 untouched

    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": moved["range"],
        "context": {"diagnostics": [moved], "only": ["quickfix"]},
    })
    assert actions, "a quick fix per suggestion"
    suggestions = moved["data"]["suggestions"]
    replace = [a for a in actions if a["diagnostics"][0]["code"] == "SPL101"]
    assert len(replace) == len(suggestions)
    for action, suggestion in zip(replace, suggestions, strict=True):
        assert action["kind"] == "quickfix"
        [edit] = action["edit"]["changes"][uri]
        assert edit == {"range": moved["range"], "newText": suggestion}

    # Clients that send no diagnostics get the actions of the findings in the range;
    # a request for other kinds of action gets none.
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": moved["range"], "context": {"diagnostics": []},
    })
    assert [a["edit"]["changes"][uri][0]["range"] for a in actions] == [moved["range"]] * len(suggestions)
    refused = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": moved["range"], "context": {"diagnostics": [], "only": ["source"]},
    })
    assert refused is None

    # A diagnostic whose text is no longer in the document gets no action.
    stale = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": high["range"],
        "context": {"diagnostics": [high]},
    })
    assert not stale

    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri) == []
    assert server.request("shutdown") is None
    server.notify("exit")
    assert server.wait_exit() == 0


def test_nearest_config_is_honoured_errors_are_shown_and_utf8_is_negotiated(tmp_path):
    server = _start(tmp_path, {"general": {"positionEncodings": ["utf-8", "utf-16"]},
                               "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    try:
        _check_configs(server, tmp_path)
    finally:
        server.close()


def _check_configs(server: LspClient, tmp_path: Path) -> None:
    registration = server.wait_for(lambda m: m.get("method") == "client/registerCapability")
    [watch] = registration["params"]["registrations"]
    assert watch["method"] == "workspace/didChangeWatchedFiles"
    assert {w["globPattern"] for w in watch["registerOptions"]["watchers"]} == {
        "**/specllint.toml", "**/.specllint.toml", "**/pyproject.toml"}

    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "specllint.toml").write_text('ignore = ["SPL101"]\n', encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "specllint.toml").write_text('no-such-key = 1\n', encoding="utf-8")

    quiet_uri = (quiet / "a.md").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": quiet_uri, "languageId": "markdown",
                                                            "version": 1, "text": TEXT}})
    assert not [d for d in server.diagnostics(quiet_uri) if d["code"] == "SPL101"]

    broken_uri = (broken / "b.md").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": broken_uri, "languageId": "markdown",
                                                            "version": 1, "text": TEXT}})
    message = server.notification("window/showMessage")
    assert message["type"] == 1 and "no-such-key" in message["message"]
    # The document is still linted, with the default config; columns count UTF-8 bytes here.
    high = _by_text(server.diagnostics(broken_uri))["high quality"]
    assert high["range"]["start"]["character"] == len(LINE0[: LINE0.index("high")].encode("utf-8"))

    # Fixing the config and saving it re-lints open documents with the new config.
    (broken / "specllint.toml").write_text('ignore = ["SPL101"]\n', encoding="utf-8")
    server.notify("textDocument/didSave", {"textDocument": {"uri": (broken / "specllint.toml").as_uri()}})
    assert "high quality" not in _by_text(server.diagnostics(broken_uri))
    assert "high quality" not in _by_text(server.diagnostics(quiet_uri))  # every open document

    # A config changed outside the editor, reported through the registered watcher.
    (quiet / "specllint.toml").write_text('select = ["SPL101"]\n', encoding="utf-8")
    server.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": (quiet / "specllint.toml").as_uri(), "type": 2}]})
    assert "high quality" in _by_text(server.diagnostics(quiet_uri))


def test_exit_without_shutdown_exits_with_1(tmp_path):
    client = _start(tmp_path)
    try:
        client.notify("exit")
        assert client.wait_exit() == 1
    finally:
        client.close()


# -- the protocol objects, without a server ----------------------------------------------
def _finding(text: str, start: int, end: int, fix: Fix | None = None) -> Finding:
    return Finding(code="SPL101", name="vague-term", category="vague-term", severity="warning",
                   message="vague", start=start, end=end, line=1, column=start + 1, end_line=1,
                   end_column=end + 1, text=text[start:end], suggestions=("AQL 2.5",), fix=fix)


def test_safe_fix_is_a_preferred_action_before_the_suggestions():
    from specllint.lsp import features
    from specllint.utf16 import TextPositions

    text = f"{EMOJI} Ship ASAP."
    start = text.index("ASAP")
    fix = Fix("Replace with 'by 2026-03-01'", (Edit(start, start + 4, "by 2026-03-01"),), safe=True)
    positions = TextPositions(text)
    diag = features.diagnostic(_finding(text, start, start + 4, fix), positions)
    assert diag.range.start.character == start + 1  # UTF-16
    actions = features.code_actions("file:///c.md", positions, [diag])
    assert [a.is_preferred for a in actions] == [True, None]
    [edit] = actions[0].edit.changes["file:///c.md"]
    assert (edit.range, edit.new_text) == (diag.range, "by 2026-03-01")
    assert actions[1].edit.changes["file:///c.md"][0].new_text == "AQL 2.5"
    unsafe = features.diagnostic(_finding(text, start, start + 4, attrs.evolve(fix, safe=False)), positions)
    assert not features.code_actions("file:///c.md", positions, [unsafe])[0].is_preferred


def test_quickfix_filter():
    from specllint.lsp.features import wants_quickfix

    assert wants_quickfix(None) and wants_quickfix([]) and wants_quickfix(["quickfix"]) and wants_quickfix([""])
    assert not wants_quickfix(["refactor", "source.fixAll"])


def test_hover_lists_the_narrowest_finding_first():
    from lsprotocol import types

    from specllint.lsp import features
    from specllint.utf16 import TextPositions

    text = "Material: high quality steel."
    inner = _finding(text, 10, 22)
    outer = attrs.evolve(_finding(text, 0, len(text)), code="SPL401", name="missing-section")
    report = Report(findings=(outer, inner), clauses=())
    hover = features.hover(report, TextPositions(text), types.Position(0, 12), {})
    assert hover.range == features.lsp_range(TextPositions(text), 10, 22)
    assert hover.contents.value.index("SPL101") < hover.contents.value.index("SPL401")
    assert features.hover(report, TextPositions(text), types.Position(0, 40), {}) is not None  # clamped to the end
