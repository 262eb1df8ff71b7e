"""Inputs that must not break specllint: bad files, hostile structure, hostile rule packs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from invariants import check_report

import specllint
from specllint.cli import main
from specllint.files import InputError, decode
from specllint.model import to_dict

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = "1. Material: high quality steel.\n2. Weight: 500 g.\n"
#: catastrophic for the ``regex`` module (found by measurement): exponential on "aaaa…!"
CATASTROPHIC = r"(a|aa)+$"


# -- files and the CLI ------------------------------------------------------------------
def test_bad_inputs_exit_2_and_good_files_are_still_linted(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text(CONTRACT, encoding="utf-8")
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("Matériau: acier de haute qualité\n".encode("latin-1"))
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    args = ["check", str(latin1), str(good), str(binary), str(empty), str(tmp_path / "missing.md"),
            "--select", "SPL101", "-f", "concise"]
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 2
    text = out + err
    assert f"{latin1}: not valid UTF-8 (byte 0xe9 at offset 3, line 1); save the file as UTF-8" in text
    assert f"{binary}: binary file" in text
    assert "missing.md: no such file" in text
    assert f"{good}:1:14: SPL101" in out  # the good file is linted all the same
    assert "Traceback" not in text


def test_json_output_keeps_going_after_bad_input(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text(CONTRACT, encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"ok\n\xc3\x28 broken")
    code = main(["check", str(bad), str(good), "-f", "json", "--select", "SPL101"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert code == 2
    assert [f["path"] for f in data["files"]] == [str(bad), str(good)]
    assert "line 2" in data["files"][0]["error"] and "not valid UTF-8" in err
    assert [f["code"] for f in data["files"][1]["findings"]] == ["SPL101"]


def test_utf16_with_bom_is_read():
    assert decode(CONTRACT.encode("utf-16"), "x") == CONTRACT
    assert decode(b"\xef\xbb\xbf" + CONTRACT.encode(), "x") == CONTRACT
    with pytest.raises(InputError, match="UTF-16"):
        decode(b"\xff\xfe\x00", "x")


def test_size_limit_from_config_file(tmp_path, capsys):
    (tmp_path / "specllint.toml").write_text("max-bytes = 40\n", encoding="utf-8")
    big = tmp_path / "big.md"
    big.write_text(CONTRACT * 3, encoding="utf-8")
    small = tmp_path / "small.md"
    small.write_text("Weight: 5 g.\n", encoding="utf-8")
    code = main(["check", str(big), str(small), "-f", "concise", "--select", "SPL101"])
    out, _ = capsys.readouterr()
    assert code == 2
    assert "larger than the size limit of 40 bytes (max-bytes)" in out


def test_size_limit_in_the_library():
    report = specllint.lint(CONTRACT * 3, config={"max-bytes": 40})
    assert [f.name for f in report.findings] == ["input-too-large"]
    assert "max-bytes" in report.findings[0].message


def test_empty_and_blank_inputs():
    for text in ["", " ", "\n\n\n", "\r\n", "\u2028", "\ufeff", "<!-- -->", "---\n---\n", "```"]:
        report = specllint.lint(text)
        check_report(text, report)
        assert not [f for f in report.findings if f.clause is not None]


# -- hostile structure --------------------------------------------------------------------
@pytest.mark.parametrize("unit", ["- ", "> ", "(a) ", "1. ", "  ", "* ", "| ", "**", "<!-- "])
def test_deep_nesting(unit):
    text = "".join(unit * depth + "high quality item\n" for depth in (1, 2000)) + unit * 2000
    report = specllint.lint(text)
    check_report(text, report)


def test_one_megabyte_line():
    text = ("lorem ipsum dolor sit amet " * 40_000)[:999_950] + " steel of high quality, 10 mm"
    report = specllint.lint(text)
    check_report(text, report)
    assert max(c.end - c.start for c in report.clauses) <= 2000  # cut into bounded clauses
    assert any(f.text == "high quality" for f in report.findings)


def test_extreme_numbers_and_odd_characters():
    pieces = ["1e309 mm", "-1e309 kg", "0/0 mm", "NaN g", "nan%", "inf m", "9" * 400 + " mm", "1/0\"",
              "0.000000000000000000000000001 mm", "1,2,3,4,5.6.7 g", "5 ± 1e309 mm", "±±± mm",
              "\u202eleft-to-right override 5 mm\u202c", "مادة: فولاذ 10 مم", "\u200b5\u200d mm", "５０ ｍｍ",
              "\ud800 lone surrogate 3 mm", "\udfff", "\x00\x01\x1b[31m 4 kg", "2\u20443 in", "Ⅻ kg"]
    text = "\n".join(f"{i}. {p} high quality" for i, p in enumerate(pieces, 1))
    for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r"), text.replace("\n", "\u2028")):
        report = specllint.lint(variant)
        check_report(variant, report)
        json.dumps(to_dict(report), allow_nan=False)
        for q in specllint.extract_quantities(variant):
            assert variant[q.start : q.end] == q.text


# -- user-supplied patterns and rule packs ---------------------------------------------------
def _write_rule(pack: Path, name: str, body: str) -> Path:
    pack.mkdir(exist_ok=True)
    path = pack / name
    path.write_text(body, encoding="utf-8")
    return path


RULE = '''code = "ACME101"
name = "acme-vague"
category = "vague-term"
severity = "warning"
kind = "lexicon"
message = "{match} is vague"
summary = "Flags acme words."
rationale = "Because."
suggestions = ["a number"]

[options]
terms = ["acme grade"]
measurable_patterns = ['%s']
exception_patterns = ['%s']
'''


def test_catastrophic_pattern_in_a_pack_times_out_and_the_run_finishes(tmp_path):
    import regex

    slow = "a" * 40 + "!"
    with pytest.raises(TimeoutError):  # the pattern really is catastrophic here
        regex.compile(CATASTROPHIC, regex.I).search(slow, timeout=1.0)
    _write_rule(tmp_path / "pack", "ACME101-acme-vague.toml", RULE % (CATASTROPHIC, CATASTROPHIC))
    config = specllint.Config(packs=[str(tmp_path / "pack")], select=["ACME"])
    text = f"1. Grade: acme grade steel, lot {slow}\n2. Finish: acme grade paint, code {slow}\n"
    report = specllint.lint(text, config=config)  # finishes: each search stops at the time limit
    assert [(f.code, f.text) for f in report.findings] == [("ACME101", "acme grade")] * 2


@pytest.mark.parametrize(
    "body",
    [
        "import os\nos.system('touch {marker}')\n",
        "!!python/object/apply:os.system ['touch {marker}']\n",
        'code = "X"\n__import__("os").system("touch {marker}")\n',
    ],
)
def test_pack_with_code_is_rejected_with_file_and_line(tmp_path, body):
    marker = tmp_path / "executed"
    path = _write_rule(tmp_path / "pack", "EVIL001-evil.toml", body.format(marker=marker))
    with pytest.raises(specllint.RulePackError) as info:
        specllint.lint("text", config=specllint.Config(packs=[str(tmp_path / "pack")]))
    assert str(path) in str(info.value) and info.value.line is not None
    assert not marker.exists()


def test_code_looking_strings_in_a_pack_are_only_data(tmp_path):
    marker = tmp_path / "executed"
    evil = f"__import__('os').system('touch {marker}')"
    body = RULE.replace('message = "{match} is vague"', f'message = "{evil}"') % ("zzz", "zzz")
    body = body.replace('terms = ["acme grade"]', f'terms = ["acme grade", "{evil}"]')
    _write_rule(tmp_path / "pack", "ACME101-acme-vague.toml", body)
    (tmp_path / "pack" / "plugin.py").write_text(f"open({str(marker)!r}, 'w')\n", encoding="utf-8")
    config = specllint.Config(packs=[str(tmp_path / "pack")], select=["ACME"])
    report = specllint.lint("Grade: acme grade.", config=config)
    assert [f.message for f in report.findings] == [evil]
    assert not marker.exists()


def test_yaml_front_matter_never_constructs_objects(tmp_path):
    marker = tmp_path / "executed"
    text = f"---\norder: !!python/object/apply:os.system ['touch {marker}']\n---\n1. Weight: 5 g.\n"
    report = specllint.lint(text)
    check_report(text, report)
    assert not marker.exists()
    assert report.metadata.get("order") is None


# -- determinism ------------------------------------------------------------------------------
_DUMP = (
    "import json, sys, specllint; "
    "text = open(sys.argv[1], encoding='utf-8').read(); "
    "print(json.dumps(specllint.to_dict(specllint.lint(text)), sort_keys=True, ensure_ascii=False))"
)


def test_json_is_byte_identical_in_process_and_across_processes(tmp_path):
    text = CONTRACT * 3
    text += "Packing: standard export carton, approx. 20 kg, ASAP, or equivalent.\n"
    path = tmp_path / "c.md"
    path.write_text(text, encoding="utf-8")
    first = json.dumps(to_dict(specllint.lint(text)), sort_keys=True, ensure_ascii=False)
    second = json.dumps(to_dict(specllint.lint(text)), sort_keys=True, ensure_ascii=False)
    assert first == second
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", _DUMP, str(path)], capture_output=True, env=env, check=True)
        outputs.append(proc.stdout.decode("utf-8").rstrip("\n"))
    assert outputs[0] == outputs[1] == first


def test_a_pattern_that_keeps_timing_out_is_given_up():
    from specllint import userpatterns

    pattern = userpatterns.compile_pattern(CATASTROPHIC + "|zzz-given-up")  # a key of its own
    slow = "a" * 40 + "!"
    for _ in range(userpatterns.MAX_TIMEOUTS):
        assert userpatterns.search(pattern, slow) is None
    assert userpatterns.timed_out()[pattern.pattern] == userpatterns.MAX_TIMEOUTS
    assert userpatterns.finditer(pattern, "zzz-given-up") == []  # a match, but no longer tried
    assert userpatterns.search(pattern, "zzz-given-up") is None


def test_finditer_keeps_matches_and_respects_bounds():
    from specllint import userpatterns

    pattern = userpatterns.compile_pattern(r"\d+")
    assert [m.group() for m in userpatterns.finditer(pattern, "a1 b22 c333", 2, 8)] == ["22"]
    assert userpatterns.search(pattern, "no digits") is None
