"""Fixtures made the way a user makes them: files converted by LibreOffice, fonts renamed.

    >>> pdf = libreoffice_convert(docx_path, "pdf", tmp_path)  # doctest: +SKIP
    >>> conf = renamed_fonts(tmp_path, [("DejaVuSerif.ttf", ".VnTime", "Regular", "VnTime")])  # doctest: +SKIP
    >>> libreoffice_convert(docx_path, "pdf", tmp_path, fonts_conf=conf)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def libreoffice_convert(source: Path, target_format: str, out_dir: Path, *, fonts_conf: Path | None = None) -> Path:
    """Convert ``source`` with LibreOffice headless (private profile) and return the new file.

    ``target_format`` is LibreOffice's filter string ("pdf", "doc:MS Word 97",
    'pdf:writer_pdf_Export:{…}'); ``fonts_conf`` a fontconfig file offering extra fonts.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is needed to make this fixture")
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf)} if fonts_conf else None
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out_dir / 'profile').as_uri()}", "--headless",
         "--convert-to", target_format, "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180, env=env,
    )
    return out_dir / f"{Path(source).stem}.{target_format.split(':')[0]}"


def renamed_fonts(work: Path, faces: Iterable[tuple[str, str, str, str]]) -> Path:
    """A fontconfig file offering DejaVu faces under other names; returns its path.

    Each face is (DejaVu file, family, style, PostScript name). LibreOffice then embeds
    them under those names, as Word did with ".VnTime" on the machines that typed old
    reports, or offers a family with no italic face so that it must slant the text.
    """
    from fontTools.ttLib import TTFont

    fonts = work / "fonts"
    fonts.mkdir(exist_ok=True)
    for file, family, style, postscript in faces:
        font = TTFont(DEJAVU / file)
        names = {1: family, 2: style, 4: f"{family} {style}", 6: postscript, 16: family, 17: style}
        for record in font["name"].names:
            if record.nameID in names:
                record.string = names[record.nameID]
        font.save(fonts / f"{postscript}.ttf")
    config = work / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{fonts}</dir><cachedir>{work / 'fc-cache'}</cachedir></fontconfig>"
    )
    return config
