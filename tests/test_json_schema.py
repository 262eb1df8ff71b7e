"""The JSON output validates against the schema shipped in docs/."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from specllint.cli import main

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "docs" / "output.schema.json").read_text("utf-8"))

CONTRACTS = {
    "vague.md": "---\norder-value: 1000\n---\n# Spec\n1. Material: high quality steel.\n2. Ship ASAP.\n",
    "table.md": "| Item | Spec |\n|---|---|\n| Finish | durable |\n",
    "empty.txt": "",
}


def test_schema_itself_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("select", [None, "SPL101"])
def test_output_validates(tmp_path, capsys, select):
    paths = []
    for name, text in CONTRACTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02")
    paths.append(str(tmp_path / "binary.md"))
    args = ["check", *paths, "-f", "json"] + (["--select", select] if select else [])
    code = main(args)
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert code == 2  # the binary file is an input error
    assert data["summary"]["files"] == 4 and data["summary"]["files_with_errors"] == 1
    assert data["summary"]["findings"] == sum(len(f["findings"]) for f in data["files"])


def test_schema_rejects_a_finding_without_positions():
    bad = {
        "schema_version": "1.0",
        "tool": {"name": "specllint", "version": "0"},
        "files": [{"path": "x", "error": None, "score": 1, "score_details": {}, "clauses": [], "sections": {},
                   "metadata": {}, "findings": [{"code": "SPL101"}]}],
        "summary": {"files": 1, "files_with_errors": 0, "findings": 1,
                    "by_severity": {"error": 0, "warning": 1, "info": 0}, "by_code": {"SPL101": 1}},
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA, cls=jsonschema.Draft202012Validator)
