"""Configuration files: discovery, every key, per-file ignores, errors and ``config --show``."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import tomllib
from cli_helpers import run

import specllint
from specllint.cli import main
from specllint.config import Config, ConfigError
from specllint.config_files import config_from_mapping, glob_matches, load_config, read_config_file

VAGUE = "1. Material: high quality steel.\n2. Finish: durable coating.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def concise(capsys, *args: str) -> tuple[int, list[str], str]:
    code, out, err = run(capsys, "check", "-f", "concise", *args)
    return code, [line for line in out.splitlines() if re.search(r": [A-Z]+[0-9]+ \[", line)], err


# -- discovery ------------------------------------------------------------------------
def test_pyproject_table_is_found_from_a_nested_file(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n[tool.specllint]\nignore = ["SPL101"]\n')
    contract = write(tmp_path / "specs" / "deep" / "a.md", VAGUE)
    config, source = load_config(contract)
    assert source == tmp_path / "pyproject.toml"
    assert config.ignore == ("SPL101",)


def test_pyproject_without_the_table_is_skipped(tmp_path):
    write(tmp_path / "specllint.toml", 'fail-on = "error"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    config, source = load_config(write(tmp_path / "sub" / "a.md", VAGUE))
    assert source == tmp_path / "specllint.toml" and config.fail_on == "error"


def test_nearest_file_wins_and_dot_file_is_read(tmp_path):
    write(tmp_path / "specllint.toml", 'fail-on = "error"\n')
    write(tmp_path / "team" / ".specllint.toml", 'fail-on = "info"\n')
    assert load_config(tmp_path / "a.md")[0].fail_on == "error"
    config, source = load_config(tmp_path / "team" / "a.md")
    assert config.fail_on == "info" and source == tmp_path / "team" / ".specllint.toml"


def test_each_file_is_linted_with_its_nearest_config(capsys, tmp_path):
    write(tmp_path / "specllint.toml", 'select = ["SPL101"]\n')
    write(tmp_path / "legacy" / "specllint.toml", 'select = ["SPL101"]\nignore = ["SPL101"]\n')
    a = write(tmp_path / "a.md", VAGUE)
    b = write(tmp_path / "legacy" / "b.md", VAGUE)
    code, lines, _ = concise(capsys, str(a), str(b))
    assert code == 1
    assert len(lines) == 2 and all(line.startswith(str(a)) for line in lines)


def test_explicit_config_overrides_discovery(capsys, tmp_path):
    write(tmp_path / "specllint.toml", 'select = ["SPL101"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["SPL101"]\nfail-on = "error"\n')
    contract = write(tmp_path / "a.md", VAGUE)
    assert concise(capsys, str(contract))[0] == 1
    assert concise(capsys, str(contract), "--config", str(other))[0] == 0


# -- keys -----------------------------------------------------------------------------
def test_select_ignore_extend_select_and_severity(capsys, tmp_path):
    write(tmp_path / "specllint.toml", """
        select = ["SPL9"]
        extend-select = ["spl101"]
        [severity]
        SPL101 = "error"
    """)
    contract = write(tmp_path / "a.md", VAGUE)
    code, lines, _ = concise(capsys, str(contract), "--fail-on", "error")
    assert code == 1 and len(lines) == 2
    assert all("SPL101 [error]" in line for line in lines)
    write(tmp_path / "specllint.toml", 'select = ["SPL1"]\nignore = ["SPL101"]\n')
    assert concise(capsys, str(contract))[:2] == (0, [])


def test_fail_on_from_config_and_cli_override(capsys, tmp_path):
    write(tmp_path / "specllint.toml", 'select = ["SPL101"]\nfail-on = "error"\n')
    contract = write(tmp_path / "a.md", VAGUE)
    assert concise(capsys, str(contract))[0] == 0
    assert concise(capsys, str(contract), "--fail-on", "warning")[0] == 1


def test_cli_select_replaces_config_selection(capsys, tmp_path):
    write(tmp_path / "specllint.toml", 'select = ["SPL9"]\n')
    contract = write(tmp_path / "a.md", VAGUE)
    assert len(concise(capsys, str(contract))[1]) == 0
    assert len(concise(capsys, str(contract), "--select", "SPL101")[1]) == 2


def test_per_file_ignores_globs_are_anchored_at_the_config_folder(capsys, tmp_path, monkeypatch):
    write(tmp_path / "repo" / "specllint.toml", """
        select = ["SPL101"]
        [per-file-ignores]
        "legacy/*.md" = ["SPL1"]
        "draft-*.txt" = ["SPL101"]
        "archive/**/*.md" = ["SPL"]
    """)
    repo = tmp_path / "repo"
    ignored = [write(repo / "legacy" / "a.md", VAGUE), write(repo / "x" / "draft-1.txt", VAGUE),
               write(repo / "archive" / "2023" / "q1" / "c.md", VAGUE), write(repo / "archive" / "d.md", VAGUE)]
    kept = [write(repo / "new" / "a.md", VAGUE), write(repo / "other" / "legacy" / "a.md", VAGUE),
            write(repo / "legacy" / "deeper" / "a.md", VAGUE), write(repo / "final-1.txt", VAGUE)]
    monkeypatch.chdir(tmp_path)  # globs do not depend on the working directory
    code, lines, _ = concise(capsys, *(str(p) for p in ignored + kept))
    flagged = {line.split(":")[0] for line in lines}
    assert flagged == {str(p) for p in kept}
    assert code == 1


def test_per_file_ignores_in_a_mapping_are_relative_to_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = {"select": ["SPL101"], "per-file-ignores": {"legacy/*.md": ["SPL101"]}}
    assert specllint.lint(VAGUE, config=config, path="legacy/a.md").findings == ()
    assert len(specllint.lint(VAGUE, config=config, path="current/a.md").findings) == 2
    assert len(specllint.lint(VAGUE, config=config).findings) == 2  # no path, no per-file ignores


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "/a/b/c.md", True),
        ("*.md", "/a/b/c.txt", False),
        ("/a/*.md", "/a/b/c.md", False),
        ("/a/**/*.md", "/a/b/c.md", True),
        ("/a/**/*.md", "/a/c.md", True),
        ("/a/b/[!x]*.md", "/a/b/c.md", True),
        ("/a/b/[!c]*.md", "/a/b/c.md", False),
        ("/a/b/?.md", "/a/b/c.md", True),
    ],
)
def test_glob_semantics(pattern, path, expected):
    assert glob_matches(pattern, path) is expected


def test_vocabulary_sections_model_metadata_and_max_bytes_are_read(tmp_path):
    cfg = write(tmp_path / "specllint.toml", """
        sections-profile = "minimal"
        required-sections = ["quantity", "unit-price"]
        model = "en_core_web_sm"
        max-bytes = 4096
        plugins = false
        [vocabulary]
        accept = ["premium grade A"]
        reject = ["first-class"]
        [metadata]
        order-value = 12000
        currency = "USD"
        order-date = 2025-03-01
    """)
    config = read_config_file(cfg)
    assert config.sections_profile == "minimal"
    assert config.required_sections == ("quantity", "unit-price")
    assert config.model == "en_core_web_sm" and config.max_bytes == 4096 and config.plugins is False
    assert config.accept == ("premium grade A",) and config.reject == ("first-class",)
    assert config.metadata_dict()["order-value"] == 12000
    assert config.metadata_dict()["order-date"].isoformat() == "2025-03-01"


def test_config_metadata_reaches_the_report():
    report = specllint.lint("Quantity: 500 pcs.\n", config={"select": ["SPL101"], "metadata": {"buyer": "ACME"}})
    assert report.metadata["buyer"] == "ACME"


def test_max_bytes_stops_large_inputs(capsys, tmp_path):
    write(tmp_path / "specllint.toml", 'select = ["SPL101"]\nmax-bytes = 20\n')
    contract = write(tmp_path / "a.md", VAGUE)
    code, out, _ = run(capsys, "check", "-f", "concise", str(contract))
    assert code == 2 and "size limit" in out


def test_packs_are_relative_to_the_config_file(capsys, tmp_path):
    write(tmp_path / "my-rules" / "ACME101-tbd.toml", """
        code = "ACME101"
        name = "to-be-defined"
        category = "open-ended"
        severity = "error"
        kind = "lexicon"
        message = "“{match}” leaves the term open"
        summary = "Flags TBD."
        rationale = "An open term cannot be enforced."
        suggestions = ["state the value"]
        [options]
        terms = ["TBD"]
        [examples]
        fail = ["Colour: «TBD»."]
        pass = ["Colour: red."]
    """)
    write(tmp_path / "specllint.toml", 'select = ["ACME"]\npacks = ["./my-rules"]\n')
    contract = write(tmp_path / "sub" / "a.md", "Colour: TBD.\n")
    code, lines, _ = concise(capsys, str(contract))
    assert code == 1 and len(lines) == 1 and "ACME101 [error]" in lines[0]


# -- errors ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('selectt = ["SPL1"]\n', "selectt"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('select = "SPL1"\n', "select"),
        ('select = ["SPL-101"]\n', "select"),
        ('ignore = [101]\n', "ignore"),
        ('max-bytes = true\n', "max-bytes"),
        ('max-bytes = -5\n', "max-bytes"),
        ('model = ""\n', "model"),
        ('[severity]\nSPL101 = "critical"\n', "severity.SPL101"),
        ('[severity]\n"vague-term" = "error"\n', "severity"),
        ('[per-file-ignores]\n"*.md" = ["not a code"]\n', "per-file-ignores.*.md"),
        ('[vocabulary]\nallow = ["x"]\n', "vocabulary.allow"),
        ('[metadata]\nbuyer = {name = "x"}\n', "metadata.buyer"),
        ('select = [\n', "invalid TOML"),
    ],
)
def test_bad_config_exits_2_and_names_the_key(capsys, tmp_path, content, named):
    write(tmp_path / "specllint.toml", content)
    contract = write(tmp_path / "a.md", VAGUE)
    code, out, err = run(capsys, "check", str(contract))
    assert code == 2
    assert named in err and "specllint.toml" in err
    assert out == ""


def test_codes_of_no_rule_are_config_errors(capsys, tmp_path):
    write(tmp_path / "specllint.toml", '[per-file-ignores]\n"*.md" = ["SPL101", "VAGUE"]\n')
    contract = write(tmp_path / "a.md", VAGUE)
    code, _, err = run(capsys, "check", str(contract))
    assert code == 2 and "per-file-ignores.*.md" in err and "'VAGUE' matches no rule" in err
    with pytest.raises(ConfigError, match="'ignore': 'SPL7' matches no rule"):
        specllint.lint("x", config={"ignore": ["SPL7"]})


def test_bad_select_on_the_command_line_exits_2(capsys, tmp_path):
    contract = write(tmp_path / "a.md", VAGUE)
    with pytest.raises(SystemExit) as exc:
        main(["check", str(contract), "--select", "SPL101,SPL-1"])
    assert exc.value.code == 2
    assert "SPL-1" in capsys.readouterr().err
    code, _, err = run(capsys, "check", str(contract), "--select", "SPL101,vague")
    assert code == 2 and "'VAGUE' matches no rule code" in err


def test_mapping_config_errors_name_the_key():
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        specllint.lint("x", config={"colour": "red"})


# -- config --show ----------------------------------------------------------------------
def test_show_prints_the_source_and_round_trips(capsys, tmp_path):
    cfg = write(tmp_path / "pyproject.toml", """
        [tool.specllint]
        select = ["SPL1", "SPL9"]
        ignore = ["SPL903"]
        fail-on = "error"
        packs = ["rules-extra"]
        [tool.specllint.severity]
        SPL101 = "info"
        [tool.specllint.per-file-ignores]
        "legacy/*.md" = ["SPL1"]
        "*.txt" = ["SPL9"]
        [tool.specllint.vocabulary]
        accept = ["premium grade A", "quote \\" and \\\\ backslash"]
        [tool.specllint.metadata]
        order-date = 2025-03-01
        coverage = 5000.5
    """)
    code, out, _ = run(capsys, "config", "--show", str(tmp_path))
    assert code == 0
    assert f"# from {cfg}" in out
    data = tomllib.loads(out)
    assert data["fail-on"] == "error" and data["severity"] == {"SPL101": "info"}
    again = config_from_mapping(data, base=tmp_path / "elsewhere")
    assert again == read_config_file(cfg)


def test_show_defaults_and_explicit_config(capsys, tmp_path):
    code, out, _ = run(capsys, "config", "--show", str(tmp_path))
    assert code == 0 and "no config file found" in out
    assert config_from_mapping(tomllib.loads(out)) == Config()
    cfg = write(tmp_path / "ci.toml", 'fail-on = "info"\n')
    code, out, _ = run(capsys, "config", "--show", "--config", str(cfg))
    assert code == 0 and f"# from {cfg}" in out and 'fail-on = "info"' in out


def test_show_with_bad_config_exits_2(capsys, tmp_path):
    write(tmp_path / "specllint.toml", "nope = 1\n")
    code, _, err = run(capsys, "config", "--show", str(tmp_path))
    assert code == 2 and "nope" in err
