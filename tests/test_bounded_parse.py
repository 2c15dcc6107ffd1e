"""Bounded by default: extract.parse and vnreport parse stop at their time and memory
limits, images and pages are size-checked before rendering, outputs fail in one line."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from dataset_checks import REPORT_MD
from test_hostile_input import pdf_of

import extract
from conftest import ROOT, corpus_path
from extract.errors import MemoryLimit, Timeout, TooLarge, VnreportError

BIG_PDF = "real/lit_vbhn-03-bkhcn-2025.pdf"  # 65 pages: a second or two to parse


def vnreport(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], capture_output=True, cwd=ROOT,
                          timeout=300, **kwargs)


def test_parse_stops_at_its_time_limit_with_timeout_naming_the_file():
    from extract import warm

    path = corpus_path(BIG_PDF)
    warm.warm_up()  # the first bounded parse warms this process first: not part of the limit
    started = time.monotonic()
    with pytest.raises(Timeout, match=rf"^{path}: stopped after 0.2 s \(per-file time limit\)$"):
        extract.parse(path, timeout=0.2)
    assert time.monotonic() - started < 5


def test_parse_stops_at_its_memory_limit_with_a_memory_limit_that_is_too_large():
    with pytest.raises(MemoryLimit, match=r"stopped above 1 MB \(per-file memory limit\)") as caught:
        extract.parse(corpus_path(BIG_PDF), memory_mb=1)
    assert isinstance(caught.value, TooLarge)


def test_a_bounded_parse_gives_the_same_report_as_an_unbounded_one():
    path = corpus_path("seed/bao-cao-qcdc-6t-2021.docx")
    bounded = extract.parse(path)
    assert bounded.to_json() == extract.parse(path, timeout=None, memory_mb=None).to_json()


def test_a_typed_error_in_the_child_is_raised_again_with_its_type_file_and_reason():
    with pytest.raises(extract.EmptyDocument) as caught:
        extract.parse(b"", name="rong.pdf")
    assert (caught.value.file, caught.value.reason) == ("rong.pdf", "the file is empty (0 bytes)")


def test_cli_parse_takes_the_limits_and_prints_one_line_when_a_file_runs_over():
    path = corpus_path(BIG_PDF)
    result = vnreport("parse", str(path), "--timeout", "0.2")
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        f"vnreport: Timeout: {path}: stopped after 0.2 s (per-file time limit)"]


# --- size checks before rendering -----------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int, dpi: float | None = None) -> bytes:
    """A PNG whose header claims a size (and dpi) its few bytes of data never fill."""
    chunks = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
    if dpi:
        per_metre = round(dpi / 0.0254)
        chunks += png_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
    chunks += png_chunk(b"IDAT", zlib.compress(b"")) + png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def many_frame_tiff(frames: int) -> bytes:
    from PIL import Image

    page = Image.new("L", (100, 100), 255)
    out = io.BytesIO()
    page.save(out, "TIFF", save_all=True, append_images=[page] * (frames - 1), dpi=(10, 10))
    return out.getvalue()


@pytest.mark.parametrize("name, data, figure", [
    ("one-dpi.png", lambda: png_header_only(432, 432, dpi=1),
     # PNG stores pixels per metre: "1 dpi" is 39 per metre, 0.991 dpi
     r"the image is 432 × 432 px at 0.991 dpi: 109,025 × 109,025 px at 250 dpi, over the limit of 60,000,000 px per page"),
    ("huge.png", lambda: png_header_only(30000, 30000),
     r"the image is too large to decode \(Image size \(900000000 pixels\) exceeds limit"),
    ("frames.tif", lambda: many_frame_tiff(2000),
     r"2,000 frames make 12,500,000,000 px at 250 dpi, over the limit of 1,500,000,000 px per file"),
    ("poster.pdf", lambda: pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>",
                                   b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>",
                                   b"<< /Length 18 >>\nstream\n0 0 720 720 re f\nendstream"]),
     r"page 1 is 14,400 × 14,400 pt: 50,000 × 50,000 px at 250 dpi, over the limit of 60,000,000 px per page"),
])
def test_images_and_pages_too_large_to_render_are_refused_before_rendering_with_the_figure(name, data, figure):
    blob = data()
    started = time.monotonic()
    with pytest.raises(TooLarge, match=rf"^{name}: {figure}"):
        extract.parse(blob, name=name, memory_mb=512)
    assert time.monotonic() - started < 60


def test_the_one_dpi_png_is_a_few_hundred_bytes():
    assert len(png_header_only(432, 432, dpi=1)) < 120


# --- outputs that cannot be written ---------------------------------------------------------


def test_cli_parse_into_a_name_too_long_for_the_file_system_is_one_line_and_the_other_files_are_written(tmp_path):
    long_name = tmp_path / ("b" * 248 + ".md")  # 251 bytes: a valid name, but not with ".json" after it
    long_name.write_text(REPORT_MD.format(month=1, n=1, pct=1), encoding="utf-8")
    short = tmp_path / "ngan.md"
    short.write_text(REPORT_MD.format(month=2, n=2, pct=2), encoding="utf-8")
    out = tmp_path / "out"

    result = vnreport("parse", str(long_name), str(short), "-o", str(out))

    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"vnreport: OutputError: {out / (long_name.name + '.json')}: file name too long"]
    assert (out / "ngan.md.json").exists()
    assert [p.name for p in out.iterdir()] == ["ngan.md.json"]  # no temporary file left


def test_cli_parse_into_a_read_only_file_system_is_one_typed_line(tmp_path, read_only_folder):
    source = tmp_path / "bao-cao.md"
    source.write_text(REPORT_MD.format(month=3, n=3, pct=3), encoding="utf-8")
    target = read_only_folder / "bao-cao.json"
    result = vnreport("parse", str(source), "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [f"vnreport: OutputError: {target}: read-only file system"]


def test_cli_batch_into_a_read_only_file_system_is_one_typed_line(tmp_path, read_only_folder):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "bao-cao.md").write_text(REPORT_MD.format(month=3, n=3, pct=3), encoding="utf-8")
    out = read_only_folder / "ds"
    result = subprocess.run([sys.executable, "-m", "extract.cli", "batch", str(tmp_path / "archive"), "-o", str(out)],
                            capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"vnreport: OutputError: {out}: read-only file system; fix that and rerun with --resume"]


@pytest.fixture
def read_only_folder(tmp_path):
    """A real read-only file system: a tmpfs mounted read-only (root is not stopped by file modes)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here: {mounted.stderr.decode().strip()}")
    yield Path(folder)
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_every_error_type_vnreport_raises_or_records_is_documented():
    import extract.errors as errors

    names = {cls.__name__ for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, VnreportError)}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reliability = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert {n for n in names if f"`{n}`" not in readme} == set()
    assert {n for n in names if f"`{n}`" not in reliability} == set()
    assert os.path.exists(ROOT / "docs" / "reliability.md")
