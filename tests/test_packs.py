"""Rule packs: validation with file:line errors, selection, third-party packs and kinds."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

import specllint
from specllint.config import Config
from specllint.kinds import builtin_kinds
from specllint.packs import RulePackError, load_rule_file

GOOD = """\
code = "ACME001"
name = "banned-supplier-word"
category = "vague-term"
severity = "warning"
kind = "lexicon"
message = "“{match}” is banned in ACME contracts"
summary = "Flags words ACME's buyers must not use."
rationale = "Our legal team rejects them."
suggestions = ["name the grade"]

[options]
terms = ["top notch"]

[examples]
fail = ["Finish: «top notch»."]
pass = ["Finish: Ra ≤ 0.8 µm."]
"""


def write(tmp_path: Path, text: str, name: str = "ACME001-banned.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_rule_file_loads(tmp_path):
    rule = load_rule_file(write(tmp_path, GOOD), builtin_kinds())
    assert rule.code == "ACME001" and rule.fail_examples[0].spans == ((8, 17),)
    assert rule.fail_examples[0].text == "Finish: top notch."


def test_unknown_key_names_file_and_line(tmp_path):
    path = write(tmp_path, GOOD.replace('severity = "warning"', 'severity = "warning"\nseverity_level = 3'))
    with pytest.raises(RulePackError) as exc:
        load_rule_file(path, builtin_kinds())
    assert str(exc.value).startswith(f"{path}:5:") and "severity_level" in str(exc.value)


def test_bad_regex_names_file_and_line(tmp_path):
    text = GOOD.replace('terms = ["top notch"]', 'terms = ["top notch"]\nexception_patterns = ["(unclosed"]')
    path = write(tmp_path, text)
    with pytest.raises(RulePackError) as exc:
        load_rule_file(path, builtin_kinds())
    assert f"{path}:13:" in str(exc.value) and "regular expression" in str(exc.value)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('kind = "lexicon"', 'kind = "telepathy"', "unknown kind"),
        ('category = "vague-term"', 'category = "vibes"', "unknown category"),
        ('severity = "warning"', 'severity = "fatal"', "unknown severity"),
        ('code = "ACME001"', 'code = "acme-1"', "bad code"),
        ('name = "banned-supplier-word"', 'name = "Banned Word"', "kebab-case"),
        ('terms = ["top notch"]', 'terms = ["top notch"]\nwords = 3', "unknown option"),
        ('summary = "Flags words ACME\'s buyers must not use."\n', "", "missing required key"),
        ('code = "ACME001"', 'code = "ACME001', "invalid TOML"),
        ('suggestions = ["name the grade"]', 'yields_to = ["vibes"]', "not another category"),
        ('suggestions = ["name the grade"]', 'yields_to = ["vague-term"]', "not another category"),
    ],
)
def test_invalid_rule_files_are_rejected(tmp_path, old, new, problem):
    assert old in GOOD
    with pytest.raises(RulePackError, match=problem):
        load_rule_file(write(tmp_path, GOOD.replace(old, new)), builtin_kinds())


def test_pack_is_data_only(tmp_path):
    # A pack cannot run code: this is just an odd string in a message.
    text = GOOD.replace('message = "', 'message = "__import__(\'os\').system(\'false\') ')
    rule = load_rule_file(write(tmp_path, text), builtin_kinds())
    assert rule.message.startswith("__import__")


def test_extra_pack_through_config(tmp_path):
    write(tmp_path, GOOD)
    report = specllint.lint("Finish: top notch.", config=Config(packs=[str(tmp_path)], select=["ACME"]))
    assert [(f.code, f.text) for f in report.findings] == [("ACME001", "top notch")]


def test_duplicate_code_is_an_error(tmp_path):
    write(tmp_path, GOOD.replace("ACME001", "SPL101"), "dup.toml")
    with pytest.raises(RulePackError, match="already used"):
        specllint.lint("x", config=Config(packs=[str(tmp_path)]))


def test_selection_by_prefix_longest_match_wins():
    config = Config(select=["SPL"], ignore=["SPL1"], extend_select=["SPL101"])
    assert config.is_selected("SPL101") and not config.is_selected("SPL102")
    assert config.is_selected("SPL201")
    assert Config(select=["SPL2"]).is_selected("SPL201") and not Config(select=["SPL2"]).is_selected("SPL101")


def test_third_party_kind_and_pack_via_entry_point(tmp_path, monkeypatch):
    pkg = tmp_path / "acme_rules"
    (pkg / "pack").mkdir(parents=True)
    (pkg / "__init__.py").write_text(textwrap.dedent('''
        from pathlib import Path
        from specllint.kinds.base import Hit, Kind

        class ShoutingKind(Kind):
            """Flags words written in capitals of at least min_length letters."""
            name = "acme-shouting"
            option_types = {"min_length": int}
            option_defaults = {"min_length": 5}

            def check(self, clause):
                for token in clause.doc:
                    if token.is_upper and len(token) >= self.options["min_length"]:
                        yield Hit(token.idx, token.idx + len(token))

        def pack():
            return Path(__file__).parent / "pack"
    '''), encoding="utf-8")
    (pkg / "pack" / "ACME100.toml").write_text(textwrap.dedent('''
        code = "ACME100"
        name = "shouting"
        category = "vague-term"
        severity = "info"
        kind = "acme-shouting"
        message = "“{match}” is shouted"
        summary = "Flags capitalised words."
        rationale = "Capitals add no measurable meaning."
        suggestions = ["write it in lower case"]
        [options]
        min_length = 6
    '''), encoding="utf-8")
    dist = tmp_path / "acme_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        "[specllint.rules]\nshouting_kind = acme_rules:ShoutingKind\nshouting_pack = acme_rules:pack\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    report = specllint.lint("Finish: EXCELLENT and GOOD.", config=Config(select=["ACME"]))
    assert [(f.code, f.text) for f in report.findings] == [("ACME100", "EXCELLENT")]
    without = specllint.lint("Finish: EXCELLENT.", config=Config(select=["SPL101"], plugins=False))
    assert "ACME100" not in {f.code for f in without.findings}
    with pytest.raises(specllint.ConfigError, match="ACME"):
        specllint.lint("Finish: EXCELLENT.", config=Config(select=["ACME"], plugins=False))
    sys.modules.pop("acme_rules", None)


def test_finding_inside_a_category_it_yields_to_is_left_out(tmp_path):
    write(tmp_path, GOOD.replace('suggestions = ["name the grade"]', 'yields_to = ["subjective-acceptance"]'))
    config = Config(packs=[str(tmp_path)], select=["ACME", "SPL107"])
    inside = specllint.lint("The finish shall look top notch to the buyer.", config=config)
    assert [(f.code, f.text) for f in inside.findings] == [("SPL107", "shall look top notch to the buyer")]
    # the same rule without yields_to reports both
    plain = tmp_path / "plain"
    plain.mkdir()
    write(plain, GOOD)
    both = specllint.lint("The finish shall look top notch to the buyer.",
                          config=Config(packs=[str(plain)], select=["ACME", "SPL107"]))
    assert sorted(f.code for f in both.findings) == ["ACME001", "SPL107"]
    # outside an acceptance finding it is still reported
    alone = specllint.lint("Finish: top notch.", config=config)
    assert [f.code for f in alone.findings] == ["ACME001"]
