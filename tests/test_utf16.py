"""LSP positions: character offsets <-> (line, code units) in UTF-16, UTF-8 and UTF-32."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specllint.utf16 import UTF8, UTF16, UTF32, TextPositions, apply_change, code_units

EMOJI = "\U0001f600"  # outside the BMP: 2 UTF-16 units, 4 UTF-8 bytes
TEXT = f"a{EMOJI}b\r\nü€x\rlast{EMOJI}\n"


def test_code_units():
    assert code_units(EMOJI) == 2
    assert code_units(EMOJI, UTF8) == 4
    assert code_units(EMOJI, UTF32) == 1
    assert code_units("aü€", UTF8) == 1 + 2 + 3
    assert code_units("aü€", UTF16) == 3


def test_astral_character_counts_two_utf16_units():
    p = TextPositions(TEXT)
    assert p.position(0) == (0, 0)
    assert p.position(1) == (0, 1)      # the emoji
    assert p.position(2) == (0, 3)      # "b" after it
    assert p.position(3) == (0, 4)      # end of line 0 (before "\r\n")
    assert p.offset(0, 3) == 2
    assert p.offset(0, 2) == 1          # inside the surrogate pair: the emoji's start


@pytest.mark.parametrize(("encoding", "b_column"), [(UTF16, 3), (UTF8, 5), (UTF32, 2)])
def test_encodings(encoding, b_column):
    p = TextPositions(TEXT, encoding)
    assert p.position(TEXT.index("b")) == (0, b_column)
    assert p.offset(0, b_column) == TEXT.index("b")


def test_lsp_line_breaks_are_lf_crlf_and_cr():
    p = TextPositions(TEXT)
    assert p.line_count == 4
    assert [p.line_text(i) for i in range(4)] == [f"a{EMOJI}b", "ü€x", f"last{EMOJI}", ""]
    assert p.position(TEXT.index("ü")) == (1, 0)
    assert p.position(TEXT.index("l")) == (2, 0)   # after a lone "\r"
    assert p.position(TEXT.index("\n")) == (0, 4)  # inside "\r\n": end of the line


def test_out_of_range_positions_are_clamped():
    p = TextPositions(TEXT)
    assert p.offset(0, 99) == TEXT.index("\r")      # past the line end: the line end
    assert p.offset(99, 0) == len(TEXT)              # past the last line: the text end
    assert p.offset(-1, 0) == 0
    assert p.position(10_000) == (3, 0)


def test_apply_change_in_utf16_units():
    text = f"x {EMOJI} high quality\nsecond"
    start = (0, 2 + 2 + 1)  # after "x ", the emoji (2 units) and a space
    assert apply_change(text, "very ", start, start) == f"x {EMOJI} very high quality\nsecond"
    # replace across lines
    assert apply_change(text, "!", (0, 5), (1, 3)) == f"x {EMOJI} !ond"
    # no range: the whole document
    assert apply_change(text, "new") == "new"


def test_unknown_encoding_is_rejected():
    with pytest.raises(ValueError, match="utf-7"):
        TextPositions("x", "utf-7")


CODECS = {UTF16: ("utf-16-le", 2), UTF8: ("utf-8", 1), UTF32: ("utf-32-le", 4)}


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.sampled_from(list(CODECS)))
def test_offset_and_position_round_trip(text, encoding):
    p = TextPositions(text, encoding)
    codec, width = CODECS[encoding]
    for offset in range(len(text) + 1):
        line, character = p.position(offset)
        back = p.offset(line, character)
        if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            assert back == offset - 1  # between "\r" and "\n" is not a position of its own
        else:
            assert back == offset
        line_start = p.offset(line, 0)
        assert character == len(text[line_start:back].encode(codec)) // width
