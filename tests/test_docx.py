"""Word (.docx) input: rendering, finding locations, errors, and the CLI."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

import specllint  # noqa: E402
from specllint.cli import main  # noqa: E402
from specllint.docx_input import DocxLocation, load_docx, read_docx  # noqa: E402
from specllint.files import InputError  # noqa: E402

pytestmark = pytest.mark.optional


def _build(path: Path) -> Path:
    """A contract with a title, headings, paragraphs, a soft break and a table."""
    doc = docx.Document()
    doc.add_heading("Purchase specification", 0)          # paragraph 1 (Title)
    doc.add_heading("Material", 1)                          # paragraph 2
    doc.add_paragraph("Material: high quality steel.")      # paragraph 3
    doc.add_paragraph("")                                   # paragraph 4 (empty)
    p = doc.add_paragraph("Finish shall be ")               # paragraph 5, with a soft line break
    p.add_run("durable").bold = True
    p.add_run().add_break()
    p.add_run("in use.")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([["Item", "Spec", "Material"],
                             ["Bolt", "M8 x 40 mm", "high quality steel"],
                             ["Nut", "M8 zinc plated", "n/a"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_heading("Packaging", 2)                         # paragraph 6
    doc.add_paragraph("Export carton of premium quality.")  # paragraph 7
    doc.save(path)
    return path


@pytest.fixture
def contract(tmp_path):
    return _build(tmp_path / "contract.docx")


def test_rendered_text_has_one_line_per_block(contract):
    lines = read_docx(contract).splitlines()
    assert lines == [
        "# Purchase specification",
        "",
        "# Material",
        "",
        "Material: high quality steel.",
        "",
        "Finish shall be durable in use.",
        "",
        "| Item | Spec | Material |",
        "| --- | --- | --- |",
        "| Bolt | M8 x 40 mm | high quality steel |",
        "| Nut | M8 zinc plated | n/a |",
        "",
        "## Packaging",
        "",
        "Export carton of premium quality.",
    ]


def test_findings_are_located_by_paragraph_and_cell(contract):
    source = load_docx(contract)
    report = specllint.lint(source.text, config=specllint.Config(select=["SPL101"]))
    found = [(f.text, source.location(f.line, f.column)) for f in report.findings]
    expected = [
        ("high quality", DocxLocation(paragraph=3, offset=len("Material: "))),
        ("durable", DocxLocation(paragraph=5, offset=len("Finish shall be "))),
        ("high quality", DocxLocation(table=1, row=2, cell=3, offset=0)),
        ("premium quality", DocxLocation(paragraph=7, offset=len("Export carton of "))),
    ]
    assert [x for x in found if x in expected] == expected
    assert str(expected[2][1]) == "table 1, row 2, cell 3, character 1"
    assert str(expected[0][1]) == "paragraph 3, character 11"


def test_headings_and_table_rows_become_sections_and_rows(contract):
    source = load_docx(contract)
    report = specllint.lint(source.text)
    by_text = {source.text[c.start : c.end]: c for c in report.clauses}
    assert by_text["Material: high quality steel."].heading == "Material"
    assert by_text["Finish shall be durable in use."].kind != "field"  # its own clause
    row = by_text["Bolt | M8 x 40 mm | high quality steel"]
    assert row.kind == "table-row" and row.heading == "Material / Item | Spec | Material"
    assert by_text["Export carton of premium quality."].heading == "Packaging"


def test_lines_specllint_adds_have_no_word_location(contract):
    source = load_docx(contract)
    assert source.location(2, 1) is None        # blank line between blocks
    assert source.location(10, 3) is None       # table header separator
    assert source.location(99, 1) is None


def test_heading_style_based_on_a_heading_counts(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    doc = docx.Document()
    style = doc.styles.add_style("Contract Heading", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Heading 2"]
    doc.add_paragraph("Inspection", style="Contract Heading")
    doc.add_paragraph("Goods shall be durable.")
    doc.save(tmp_path / "c.docx")
    assert read_docx(tmp_path / "c.docx").splitlines()[0] == "## Inspection"


def test_not_a_zip_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"This is plain text saved with a .docx ending.")
    with pytest.raises(InputError, match="not a ZIP archive"):
        read_docx(bad)


@pytest.mark.parametrize("members", [{"readme.txt": "x"}, {"[Content_Types].xml": "<Types/>"}])
def test_zip_without_a_word_document_is_an_input_error(tmp_path, members):
    bad = tmp_path / "empty.docx"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    with pytest.raises(InputError, match="not a readable Word document"):
        read_docx(bad)


def test_size_limits(contract, tmp_path):
    with pytest.raises(InputError, match="larger than the size limit"):
        read_docx(contract, max_bytes=100)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", " " * 2_000_000)
    assert bomb.stat().st_size < 10_000
    with pytest.raises(InputError, match="expands to"):
        read_docx(bomb, max_bytes=10_000)


def test_missing_python_docx_names_the_extra(contract, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # makes `import docx` fail
    with pytest.raises(InputError, match=r"specllint\[docx\]"):
        read_docx(contract)


def test_cli_json_lints_docx_and_reports_broken_files(contract, tmp_path, capsys):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"\x00\x01 not a zip")
    code = main(["check", str(bad), str(contract), "-f", "json", "--select", "SPL101"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2  # an input could not be read; the other file is still reported
    files = {Path(f["path"]).name: f for f in out["files"]}
    assert "not a ZIP archive" in files["broken.docx"]["error"]
    findings = files["contract.docx"]["findings"]
    texts = [f["text"] for f in findings]
    assert {"durable", "high quality", "premium quality"} <= set(texts) and texts.count("high quality") == 2
    in_table = [f for f in findings if f["text"] == "high quality"][1]
    assert load_docx(contract).location(in_table["line"], in_table["column"]) == DocxLocation(
        table=1, row=2, cell=3, offset=0
    )
