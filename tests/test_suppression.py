"""Suppression comments: every directive form, reasons, unused-suppression reports."""

from __future__ import annotations

import pytest

import specllint
from specllint import suppression
from specllint.cli import main
from specllint.model import Finding

CONFIG = {"select": ["SPL101", "SPL9"]}


def lint(text: str, config: dict | None = None, path: str | None = None):
    return specllint.lint(text, config=config or CONFIG, path=path)


def codes(text: str, config: dict | None = None) -> list[tuple[str, int, str]]:
    """(code, line, flagged text) of every finding."""
    return [(f.code, f.line, f.text) for f in lint(text, config).findings]


def test_unsuppressed_baseline():
    assert codes("Material: high quality steel.\n") == [("SPL101", 1, "high quality")]


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- specllint-disable-next-line SPL101 -->",
        "<!-- specllint-disable-next-line SPL1 -->",
        "<!-- specllint-disable-next-line -->",
        "<!-- specllint-disable-next-line SPL101 -- supplier's own brand name -->",
        "<!--specllint-disable-next-line SPL2,SPL101-->",
        "<!-- specllint-disable-next-line spl101 SPL9 -->",
    ],
)
def test_disable_next_line_forms(comment):
    text = f"Intro.\n{comment}\nMaterial: high quality steel.\nFinish: durable coating.\n"
    found = codes(text, {"select": ["SPL101"]})
    assert found == [("SPL101", 4, "durable")]


def test_next_line_skips_blank_lines_and_other_comments():
    text = ("<!-- specllint-disable-next-line SPL101 -- first -->\n\n"
            "<!-- specllint-disable-next-line SPL101 -- second -->\n"
            "<!-- a note for the buyer -->\n"
            "Material: high quality steel, durable finish.\n")
    assert codes(text) == []


def test_next_line_only_covers_one_line():
    text = "<!-- specllint-disable-next-line SPL101 -->\nGrade: premium quality.\nFinish: durable.\n"
    assert codes(text) == [("SPL101", 3, "durable")]


def test_disable_line_at_end_of_line():
    text = ("Material: high quality steel. <!-- specllint-disable-line SPL101 -- brand wording -->\n"
            "Finish: durable coating.\n")
    assert codes(text) == [("SPL101", 2, "durable")]


def test_block_disable_and_enable():
    text = ("Box: good quality.\n"
            "<!-- specllint-disable SPL1 -- quoted supplier brochure -->\n"
            "Material: high quality steel.\n\nFinish: durable coating.\n"
            "<!-- specllint-enable SPL1 -->\n"
            "Lid: premium quality.\n")
    assert codes(text) == [("SPL101", 1, "good quality"), ("SPL101", 7, "premium quality")]


def test_bare_enable_closes_every_block_and_open_block_runs_to_the_end():
    text = ("<!-- specllint-disable SPL101 -->\n<!-- specllint-disable -->\nA: durable.\n"
            "<!-- specllint-enable -->\nB: durable.\n<!-- specllint-disable SPL1 -->\nC: durable.\n")
    assert codes(text) == [("SPL101", 5, "durable")]


def test_disable_file_anywhere():
    text = "Material: high quality steel.\nFinish: durable.\n\n<!-- specllint-disable-file SPL101 -->\n"
    assert codes(text) == []


def test_suppressed_finding_does_not_cost_score():
    text = "<!-- specllint-disable-next-line SPL101 -->\nMaterial: high quality steel.\n"
    report = lint(text)
    assert report.findings == () and all(c.score == 100 for c in report.clauses)


def test_plain_text_and_crlf():
    text = "Material: high quality steel.\r\n<!-- specllint-disable-next-line -->\r\nFinish: durable.\r\n"
    assert codes(text) == [("SPL101", 1, "high quality")]


# -- unused-suppression ---------------------------------------------------------------
def test_unused_suppression_is_reported_on_the_comment():
    comment = "<!-- specllint-disable-next-line SPL101 -->"
    text = f"Intro.\n{comment}\nColour: Pantone 186 C.\n"
    (finding,) = lint(text).findings
    assert finding.code == "SPL901" and finding.name == "unused-suppression"
    assert (finding.line, finding.column, finding.text) == (2, 1, comment)
    assert "SPL101" in finding.message and "next line" in finding.message


def test_only_the_unused_code_of_a_comment_is_reported():
    text = "<!-- specllint-disable-next-line SPL101, SPL902 -->\nMaterial: high quality steel.\n"
    (finding,) = lint(text).findings
    assert finding.code == "SPL901" and "SPL902" in finding.message and "SPL101" not in finding.message


def test_a_comment_cannot_suppress_its_own_report():
    text = "Colour: red. <!-- specllint-disable-line -->\n"
    assert [f.code for f in lint(text).findings] == ["SPL901"]


def test_another_comment_can_suppress_an_unused_report():
    text = ("<!-- specllint-disable-file SPL901 -- migration in progress -->\n"
            "Colour: red. <!-- specllint-disable-line -->\n")
    assert lint(text).findings == ()


def test_a_lone_file_disable_of_the_meta_rule_is_itself_unused():
    (finding,) = lint("<!-- specllint-disable-file SPL901 -->\nColour: red.\n").findings
    assert finding.code == "SPL901" and finding.line == 1


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("<!-- specllint-disable-nextline SPL101 -->", "unknown suppression directive 'specllint-disable-nextline'"),
        ("<!-- specllint-disable-next-line vague-term -->", "'vague-term' is not a rule code"),
        ("<!-- specllint-disable-next-line SPL777 -->", "'SPL777' matches no rule code"),
        ("<!-- specllint-enable SPL1 -->", "matches no open specllint-disable"),
    ],
)
def test_malformed_directives_are_reported(comment, message):
    text = f"{comment}\nMaterial: high quality steel.\n"
    found = lint(text).findings
    meta = [f for f in found if f.code == "SPL901"]
    assert len(meta) == 1 and message in meta[0].message and meta[0].text == comment
    # a malformed directive never silences anything
    assert [f.code for f in found if f.code != "SPL901"] == ["SPL101"]


def test_unused_is_not_reported_for_rules_that_did_not_run(tmp_path, monkeypatch):
    text = "<!-- specllint-disable-next-line SPL101 -->\nColour: red.\n"
    assert lint(text, {"select": ["SPL9"]}).findings == ()
    monkeypatch.chdir(tmp_path)
    config = {"select": ["SPL101", "SPL9"], "per-file-ignores": {"legacy/*.md": ["SPL101"]}}
    assert lint(text, config, path="legacy/a.md").findings == ()
    assert [f.code for f in lint(text, config, path="new/a.md").findings] == ["SPL901"]


def test_unused_reports_obey_selection():
    text = "<!-- specllint-disable-next-line SPL101 -->\nColour: red.\n"
    assert lint(text, {"select": ["SPL101"]}).findings == ()


def test_directives_in_fenced_code_are_examples_not_directives():
    text = "```markdown\n<!-- specllint-disable-file -->\n```\nMaterial: high quality steel.\n"
    assert codes(text) == [("SPL101", 4, "high quality")]


def test_front_matter_metadata_findings_suppressed_file_wide():
    text = "---\nbuyer: [unclosed\n---\nColour: red.\n"
    assert [f.code for f in lint(text).findings] == ["SPL902"]
    assert lint(text + "<!-- specllint-disable-file SPL902 -- draft metadata -->\n").findings == ()


def _finding(code: str, start: int, end: int, line: int, clause: str | None) -> Finding:
    return Finding(code=code, name="x", category="missing-section", severity="warning", message="m", start=start,
                   end=end, line=line, column=1, end_line=line, end_column=1, text="", clause=clause)


def test_document_level_findings_need_a_file_wide_directive():
    doc_level = _finding("SPL401", 0, 0, 1, None)
    line_text = "# Spec <!-- specllint-disable-line SPL401 -->\n"
    kept, extra = suppression.apply(line_text, (doc_level,), active=["SPL401", "SPL901"], known=["SPL401", "SPL901"])
    assert kept == (doc_level,) and [name for name, _ in extra] == ["unused-suppression"]
    file_text = "# Spec\n<!-- specllint-disable-file SPL401 -- sections live in the framework agreement -->\n"
    kept, extra = suppression.apply(file_text, (doc_level,), active=["SPL401"], known=["SPL401"])
    assert kept == () and extra == []


def test_parse_reads_codes_and_reason():
    (d,) = suppression.parse("x <!-- specllint-disable-line SPL101, spl2 -- supplier's brand, approved -->")
    assert d.action == "disable-line" and d.codes == ("SPL101", "SPL2")
    assert d.reason == "supplier's brand, approved" and d.line == 1


def test_cli_reports_unused_suppression(capsys, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Colour: red. <!-- specllint-disable-line SPL101 -->\n", encoding="utf-8")
    code = main(["check", str(path), "--select", "SPL101,SPL901", "-f", "concise"])
    out = capsys.readouterr().out
    assert code == 1 and f"{path}:1:14: SPL901 [warning]" in out
