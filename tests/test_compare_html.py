"""The compare page, opened in a real headless Chromium: what a reader sees.

Chromium runs with a virtual time budget, so the inlined vega-embed has drawn its charts
before the DOM is dumped or the screenshot taken; the page is a file:// URL and makes no
request (the profile is fresh and background networking is off)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from compare_series import model_series
from extract.compare import compare

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--virtual-time-budget=20000"]


def chromium(*args: str) -> str:
    if CHROMIUM is None:
        pytest.skip("chromium not installed (Debian package chromium; scripts/setup.sh installs it)")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    comparison = compare(model_series())
    path = tmp_path_factory.mktemp("compare") / "so-sanh.html"
    path.write_text(comparison.to_html(), encoding="utf-8")
    return comparison, path


@pytest.fixture(scope="module")
def dom(page):
    _, path = page
    return chromium("--dump-dom", path.as_uri())


def test_compare_page_is_self_contained(page):
    from lxml import html as lxml_html

    text = page[1].read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    assert tree.xpath("//script[@src] | //link | //img[@src] | //iframe") == []
    assert tree.xpath('//script[contains(., "vegaEmbed")]'), "vega-embed is inlined"
    assert "http" not in "".join(tree.xpath("//body//text()[not(ancestor::script)]"))


def test_compare_page_shows_every_aligned_indicator_with_its_values_in_chromium(page, dom):
    comparison, _ = page
    from lxml import html

    tree = html.fromstring(dom)
    rows = tree.xpath('//table[@class="indicators"]//tr[@class="indicator"]')
    assert len(rows) == len(comparison.indicators)
    drawn = tree.xpath('//tr[@class="indicator"]//div[contains(concat(" ", @class, " "), " chart ")]')
    assert len(drawn) == len(comparison.indicators)
    assert all(chart.xpath('.//svg//path[contains(@aria-roledescription, "line")]') for chart in drawn), \
        "vega-embed drew a line in every chart"
    shown = {row.xpath('string(td[@class="label"]/text())'): [td.text_content() for td in row.xpath('td')]
             for row in rows}
    iip = shown["Chỉ số sản xuất công nghiệp (IIP)"]
    assert [cell.split("-")[0].split("+")[0] for cell in iip[2:6]] == ["12,5", "10,8", "9,6", "8,9"]
    assert shown["Xi măng"][4:6] == ["–", "–"]
    assert shown["Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"][2] == "15/63"
    headers = [th.text_content() for th in tree.xpath('//table[@class="indicators"]//th')]
    assert headers[2:6] == ["6 tháng đầu năm 2021", "năm 2021", "6 tháng đầu năm 2022", "năm 2022"]


def test_compare_page_shows_section_and_citation_changes_in_chromium(dom):
    from lxml import html

    tree = html.fromstring(dom)
    sections = tree.xpath('string(//table[@class="sections"])')
    assert "đổi tên" in sections and "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH" in sections
    assert "Chuyển đổi số và thương mại điện tử" in sections
    cited = tree.xpath('string(//table[@class="citations"])')
    assert "Chỉ thị số 08-CT/TU" in cited and "CT|8|TU" not in cited  # by name and symbol, not by key


def test_compare_page_draws_one_chart_per_indicator_in_a_screenshot(page, tmp_path):
    shot = tmp_path / "page.png"
    chromium("--window-size=1300,1600", f"--screenshot={shot}", page[1].as_uri())
    from PIL import Image

    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    line_blue = sum(n for n, rgb in colours if rgb == (0x1F, 0x5F, 0xA8))
    assert line_blue > 500  # the charts' strokes and dots are on the page, not just in the DOM


def test_compare_page_escapes_text_from_the_reports(tmp_path):
    reports = model_series()[:2]
    for report in reports:
        report.indicators[0].label = "Chỉ số <b>IIP</b> & \"giá\""
    page = compare(reports).to_html()
    assert "<b>IIP</b>" not in page and "Chỉ số &lt;b&gt;IIP&lt;/b&gt; &amp; &quot;giá&quot;" in page
