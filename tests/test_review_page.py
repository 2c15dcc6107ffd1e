"""``vnreport review``: one self-contained page, checked in a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

import extract
from conftest import ROOT, SAMPLES
from extract.review import render_review
from extract.schema import Citation, Indicator, Report, Section, Source

SAMPLE = SAMPLES / "bao-cao-6-thang-2021.docx"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report():
    return extract.parse(SAMPLE, name=SAMPLE.name)


def _marks(page: str) -> list[tuple[str, str]]:
    """(data-id, text) of every highlighted piece, nested marks included."""
    found, stack = [], []

    class Marks(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "mark" and dict(attrs).get("data-id"):
                stack.append([dict(attrs)["data-id"], ""])

        def handle_data(self, data):
            for entry in stack:
                entry[1] += data

        def handle_endtag(self, tag):
            if tag == "mark" and stack:
                found.append(tuple(stack.pop()))

    Marks().feed(page.split('<div id="text">', 1)[1].split("</div>", 1)[0])
    return found


def test_every_citation_and_indicator_is_highlighted_in_place_with_its_kind(report):
    page = render_review(report)
    pieces: dict[str, str] = {}
    for fid, text in _marks(page):
        pieces[fid] = pieces.get(fid, "") + text
    for finding in [*report.citations, *report.indicators]:
        assert pieces[finding.id] == report.text[finding.span[0]:finding.span[1]], finding.id
    for i in report.indicators:
        assert f'class="f {i.kind}" data-id="{i.id}"' in page


def test_the_page_fetches_nothing_and_escapes_the_reports_words():
    hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
    r = Report(source=Source(path="<b>x</b>.txt", sha256="", format="txt"), text=f"I. {hostile}\nđạt 98%",
               sections=[Section(id="I", label="I.", number="I", level=1, title=hostile, span=(0, 60))],
               indicators=[Indicator(id="i1", text="đạt 98%", label=hostile, kind="percent",
                                     span=(len(hostile) + 4, len(hostile) + 11))],
               warnings=[hostile])
    page = render_review(r)
    assert "<script>alert" not in page and "<img" not in page and "<b>x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page) and "<link" not in page and "@import" not in page
    data = page.split('<script type="application/json" id="findings">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["i1"]["finding"]["label"] == hostile


def test_warnings_are_listed_at_the_top():
    r = Report(source=Source(path="a.txt", sha256="", format="txt"), text="x",
               warnings=["converted from the TCVN3 encoding"])
    page = render_review(r)
    assert page.index('id="warnings"') < page.index('id="outline"') < page.index('id="text"')
    assert "<li>converted from the TCVN3 encoding</li>" in page


def test_the_outline_links_to_each_sections_place_in_the_text(report):
    page = render_review(report)
    for s in report.iter_sections():
        assert f'href="#s-{s.id}"' in page and f'id="s-{s.id}"' in page
    text = page.split('<div id="text">', 1)[1]
    after = text.split('id="s-III.1"></span>', 1)[1]
    assert re.sub(r"<[^>]+>", "", after).startswith("1. Sản xuất công nghiệp\na) Chỉ số")


def _dom_after(page_path, script: str, fragment: str = "") -> str:
    page = page_path.read_text(encoding="utf-8").replace("</body>", f"<script>{script}</script></body>")
    page_path.write_text(page, encoding="utf-8")
    url = page_path.as_uri() + (f"#{fragment}" if fragment else "")
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                           "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (scripts/setup.sh installs it)")
def test_in_chromium_a_click_on_a_finding_shows_its_json_and_its_page(report, tmp_path):
    out = tmp_path / "review.html"
    done = subprocess.run([sys.executable, "-m", "extract.cli", "review", str(SAMPLE), "-o", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    money = next(i for i in report.indicators if i.kind == "money")
    click = (f"document.querySelector('mark[data-id=\"{money.id}\"]').click();"
             "var r = document.createElement('pre'); r.id = 'probe';"
             "r.textContent = JSON.stringify({title: document.getElementById('detail-title').textContent,"
             " page: document.getElementById('detail-page').textContent,"
             " json: document.getElementById('detail-json').textContent,"
             " selected: document.querySelectorAll('mark.selected').length,"
             " hash: location.hash}); document.body.appendChild(r);")
    dom = _dom_after(out, click)
    probe = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1).replace("&amp;", "&")
                       .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'))
    assert probe["title"] == f"Chỉ tiêu (money) {money.id}"
    assert probe["page"] == "Trang: không rõ"  # a DOCX has no pages
    assert json.loads(probe["json"]) == json.loads(report.to_json())["indicators"][report.indicators.index(money)]
    assert probe["selected"] >= 1 and probe["hash"] == f"#f-{money.id}"


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (scripts/setup.sh installs it)")
def test_in_chromium_a_link_to_a_finding_opens_on_it_with_its_page(tmp_path):
    r = Report(source=Source(path="bc.pdf", sha256="", format="pdf", pages=2), text="Trang một.\nTheo Chỉ thị số 08-CT/TU.",
               citations=[Citation(id="c1", text="Chỉ thị số 08-CT/TU", form="full", symbol="08-CT/TU",
                                   span=(16, 35), page=2)])
    out = tmp_path / "review.html"
    out.write_text(render_review(r), encoding="utf-8")
    probe = ("var r = document.createElement('pre'); r.id = 'probe';"
             "r.textContent = document.getElementById('detail-page').textContent + '|' +"
             " document.getElementById('detail-title').textContent; document.body.appendChild(r);")
    dom = _dom_after(out, probe, "f-c1")
    assert '<pre id="probe">Trang 2|Văn bản được dẫn c1</pre>' in dom


def test_the_committed_screenshot_is_a_png_of_the_page():
    shot = ROOT / "docs" / "review.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
