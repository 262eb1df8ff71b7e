"""The HTML report: structure, highlights, escaping, self-containment, and a real rendering."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections import Counter, defaultdict
from html.parser import HTMLParser

import pytest

import specllint
from specllint.cli import main
from specllint.files import FileResult
from specllint.model import SECTION_IDS, Finding, Report
from specllint.output import RenderContext, render

CONTRACT = """# Purchase specification <b>bold</b>

1. Model: WB-750 vacuum bottle, high quality finish.
2. Material: durable steel <script>alert("x")</script> body.
<!-- specllint-disable-next-line SPL101 -- brand slogan -->
3. Slogan: "High quality for life" on the lid.
4. Print: good quality, premium quality ink.
"""


class Page(HTMLParser):
    """Collects what the tests look at: highlights, cards, sections, links, tags."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.highlight_text: dict[str, list[str]] = defaultdict(list)
        self.highlights: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.sections: list[str] = []
        self.links: list[str] = []
        self.urls: list[str] = []
        self.classes: Counter[str] = Counter()
        self._open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        for cls in (a.get("class") or "").split():
            self.classes[cls] += 1
        if "id" in a:
            self.ids.add(a["id"])
        if "data-section" in a:
            self.sections.append(a["data-section"])
        for name in ("href", "src"):
            if name in a:
                (self.links if name == "href" else self.urls).append(a[name])
        if tag == "a" and "hl" in (a.get("class") or "").split():
            self.highlights.append(a)
            self._open.append(a["data-f"].split())
        elif tag == "a":
            self._open.append([])

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for fid in (self._open[-1] if self._open else []):
            self.highlight_text[fid].append(data)


def lint_result(text: str, path: str = "contract.md") -> FileResult:
    return FileResult(path, report=specllint.lint(text, config={"select": ["SPL101", "SPL9"]}), text=text)


def html_for(*results: FileResult) -> str:
    return render("html", list(results), RenderContext(version=specllint.__version__))


def test_every_finding_is_highlighted_with_its_text_and_has_a_card():
    result = lint_result(CONTRACT)
    page = Page(html_for(result))
    findings = result.report.findings
    flagged = " ".join(f.text for f in findings)
    assert len(findings) >= 4 and "durable" in flagged and "for life" not in flagged  # the slogan is suppressed
    for i, f in enumerate(findings):
        assert "".join(page.highlight_text[f"file0-f{i}"]) == f.text
        assert f"file0-f{i}" in page.ids
    assert page.classes["finding"] == len(findings)
    title = next(h["title"] for h in page.highlights if h["data-f"] == "file0-f0")
    assert findings[0].message in title and findings[0].suggestions[0] in title
    for link in page.links:
        assert link.startswith("#") and link[1:] in page.ids


def test_contract_text_is_escaped():
    html = html_for(lint_result(CONTRACT, path="specs/<img src=x onerror=alert(1)>.md"))
    page = Page(html)
    assert page.tags["script"] == 0 and page.tags["img"] == 0
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_self_contained():
    html = html_for(lint_result(CONTRACT))
    page = Page(html)
    assert page.urls == [] and page.tags["link"] == 0 and page.tags["script"] == 0
    assert "http://" not in html and "https://" not in html and "url(" not in html and "@import" not in html
    assert page.tags["style"] == 1 and "Content-Security-Policy" in html


def test_summary_scores_and_checklist():
    result = lint_result(CONTRACT)
    html = html_for(result)
    page = Page(html)
    report = result.report
    assert f'<div class="score {"good" if report.score >= 80 else "fair" if report.score >= 50 else "poor"}">' \
           f"{report.score}<small>/100</small>" in html
    assert page.sections == list(SECTION_IDS)
    assert page.classes["sec"] == len(SECTION_IDS)
    # one clause bar per clause, labelled, at the clause's first line
    labels = [c.label for c in report.clauses]
    assert page.classes["cs-label"] == len(labels)
    for clause in report.clauses:
        assert f'title="clause {clause.label}: measurability {clause.score}/100"' in html
    counts = report.counts()
    assert f'<span class="chip sev-warning"><b>{counts["warning"]}</b> warnings</span>' in html
    assert "<td>vague-term</td>" in html


def test_overlapping_findings_are_all_visible():
    text = "Finish: high quality durable coating.\n"
    a, b = text.index("high quality"), text.index("durable")

    def finding(code: str, sev: str, start: int, end: int) -> Finding:
        return Finding(code=code, name=code.lower(), category="vague-term", severity=sev, message=f"{code} message",
                       start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1,
                       text=text[start:end], clause="L1")

    findings = (finding("SPL101", "warning", a, b + 7), finding("SPL102", "error", b, b + 7),
                finding("SPL103", "info", a, a + 4))
    result = FileResult("x.md", report=Report(findings=findings, clauses=()), text=text)
    page = Page(html_for(result))
    for i, f in enumerate(findings):
        assert "".join(page.highlight_text[f"file0-f{i}"]) == f.text
    overlap = [h for h in page.highlights if "overlap" in h["class"]]
    assert {h["data-f"] for h in overlap} == {"file0-f0 file0-f2", "file0-f0 file0-f1"}
    worst = next(h for h in overlap if h["data-f"] == "file0-f0 file0-f1")
    assert "sev-error" in worst["class"]


def test_document_level_findings_listed_and_errors_shown():
    doc = Finding(code="SPL401", name="missing-section", category="missing-section", severity="warning",
                  message="no payment terms", start=0, end=0, line=1, column=1, end_line=1, end_column=1, text="")
    ok = FileResult("a.md", report=Report(findings=(doc,), clauses=()), text="Colour: red.\n")
    broken = FileResult("b.md", error="b.md: not valid UTF-8")
    html = html_for(ok, broken, lint_result(CONTRACT, "c.md"))
    page = Page(html)
    assert "whole document" in html and "no payment terms" in html
    assert "Not linted: b.md: not valid UTF-8" in html
    assert page.classes["overview"] == 1 and {"#file0", "#file1", "#file2"} <= set(page.links)


def test_cli_writes_html_report(tmp_path, capsys):
    contract = tmp_path / "contract.md"
    contract.write_text(CONTRACT, encoding="utf-8")
    target = tmp_path / "report.html"
    code = main(["check", str(contract), "--select", "SPL101", "-f", "html", "-o", str(target)])
    assert code == 1 and capsys.readouterr().out == ""
    expected = len(specllint.lint(CONTRACT, config={"select": ["SPL101"]}).findings)
    assert expected and Page(target.read_text(encoding="utf-8")).classes["finding"] == expected


# -- real rendering -------------------------------------------------------------------
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, unfiltered rows and bytes per pixel of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    assert header is not None
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((x + p) & 255 for x, p in zip(line, prev, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


@pytest.mark.optional
@pytest.mark.slow
def test_report_renders_in_a_headless_browser(tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    page = tmp_path / "report.html"
    page.write_text(html_for(lint_result(CONTRACT)), encoding="utf-8")
    shot = tmp_path / "shot.png"
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,1600",
           page.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert shot.is_file(), proc.stderr[-2000:]
    width, height, rows, bpp = decode_png(shot.read_bytes())
    assert (width, height) == (1200, 1600)
    colours: Counter[bytes] = Counter(row[i : i + 3] for row in rows for i in range(0, len(row), bpp))
    non_white = sum(n for c, n in colours.items() if c != b"\xff\xff\xff")
    assert len(colours) > 50, "the page rendered (almost) flat"
    assert non_white > 0.15 * width * height
    assert colours[bytes.fromhex("1f2a44")] > 10_000  # the header band
    assert colours[bytes.fromhex("fff1cc")] > 200  # warning highlights in the text and chips


def test_decode_png_reverses_every_filter():
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    # 2x4 RGB image; rows filtered with Sub, Paeth, Average and Up (values worked out by hand)
    filtered = [b"\x01" + bytes([10, 20, 30, 5, 5, 5]), b"\x04" + bytes([2, 2, 2, 5, 5, 5]),
                b"\x03" + bytes([24, 29, 34, 35, 35, 35]), b"\x02" + bytes([1, 1, 1, 250, 250, 250])]
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(filtered))) + chunk(b"IEND", b""))
    width, height, rows, bpp = decode_png(data)
    assert (width, height, bpp) == (2, 4, 3)
    assert rows == [bytes([10, 20, 30, 15, 25, 35]), bytes([12, 22, 32, 20, 30, 40]),
                    bytes([30, 40, 50, 60, 70, 80]), bytes([31, 41, 51, 54, 64, 74])]
