"""Screenshots of the compare page for the Đề án 06 monthly series of Lâm Đồng, for docs/.

    python scripts/compare_screenshots.py [--out docs]

Parses the four monthly reports of the corpus (``real/vbai_bc-dean06-thang*-lamdong.docx``),
compares them, writes the page, opens it in headless Chromium (the charts drawn by the
inlined vega-embed) and saves ``compare-summary.png`` (the top: summary), ``compare-table.png``
(the aligned table, its gap columns and charts), cut from one tall screenshot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VNREPORT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
sys.path.insert(0, str(ROOT))

MONTHS = ["thang8-2025", "thang9-2025", "thang11-2025", "thang3-2026"]
WIDTH, HEIGHT, SHOT = 1400, 6000, 1500
RULE = (0x99, 0x99, 0x99)  # the 1px line under each h2 (extract/compare_html.py CSS)


def _rules(image) -> list[int]:
    """The y of each h2's rule: a row mostly of the rule's grey."""
    pixels = image.load()
    return [y for y in range(image.height)
            if sum(pixels[x, y] == RULE for x in range(0, image.width, 4)) > image.width // 8]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    import extract
    from PIL import Image

    from extract.compare import compare

    comparison = compare([extract.parse(CORPUS / "real" / f"vbai_bc-dean06-{m}-lamdong.docx") for m in MONTHS])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "compare-page.html"
        page.write_text(comparison.to_html(), encoding="utf-8")
        shot = Path(work) / "tall.png"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={work}/profile", "--virtual-time-budget=20000",
                        f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", page.as_uri()],
                       capture_output=True, timeout=300, check=True)
        with Image.open(shot) as image:
            image = image.convert("RGB")
            table = _rules(image)[1] - 40  # the second h2's rule: "Chỉ tiêu qua các kỳ"
            for name, top in (("compare-summary.png", 0), ("compare-table.png", table)):
                part = image.crop((0, top, WIDTH, top + SHOT))
                part.convert("P", palette=Image.ADAPTIVE, colors=128).save(args.out / name, optimize=True)
    print(f"wrote {args.out / 'compare-summary.png'} and {args.out / 'compare-table.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
