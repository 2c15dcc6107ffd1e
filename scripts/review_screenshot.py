"""Make ``docs/review.png``: the review page of the shipped sample, one indicator selected.

    python scripts/review_screenshot.py [OUT.png]

Runs ``vnreport review`` on ``corpora/samples/bao-cao-6-thang-2021.docx`` and has
headless Chromium (``/usr/bin/chromium``, installed by ``scripts/setup.sh``) take the
picture of ``review.html#f-ID``, the page's own link to one finding.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "bao-cao-6-thang-2021.docx"


def chromium() -> str:
    """The Chromium program, or exit naming what to install."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("no Chromium: run scripts/setup.sh")


def screenshot(page: Path, out: Path, fragment: str = "", size: str = "1400,900") -> None:
    """Have headless Chromium take ``page`` (with ``#fragment``) as a PNG at ``out``.

        >>> screenshot(Path("review.html"), Path("review.png"), "f-i3")  # doctest: +SKIP
    """
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={size}", "--virtual-time-budget=2000", f"--screenshot={out}", url],
                   check=True, capture_output=True, timeout=120)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "review.png"
    sys.path.insert(0, str(ROOT))
    import extract
    from extract.review import render_review

    report = extract.parse(SAMPLE, name=SAMPLE.name)
    money = next(i for i in report.indicators if i.kind == "money")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        page.write_text(render_review(report), encoding="utf-8")
        screenshot(page, out.resolve(), f"f-{money.id}")
    print(out)


if __name__ == "__main__":
    main()
