"""Inputs are files: FIFOs, devices, sockets, link loops and links out of the roots are
skipped rows with their reason; any byte string is a file name; nothing blocks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from dataset_checks import REPORT_MD, assert_complete, journal, write_reports

from conftest import ROOT
from extract.dataset import batch
from extract.dataset.discover import discover
from extract.paths import shown

PASSWD_LINE = "root:x:0:0"
BAD_NAME = b"bao-cao-\xff\xfe-thang-1.md"  # not UTF-8


def reasons(found) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in found.skipped}


def special_files(folder: Path) -> None:
    os.mkfifo(folder / "pipe.md")
    os.mknod(folder / "zero.txt", 0o600 | 0o020000, os.makedev(1, 5))  # a character device, like /dev/zero
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.md"))
    server.close()
    (folder / "loop-a.md").symlink_to("loop-b.md")
    (folder / "loop-b.md").symlink_to("loop-a.md")
    (folder / "gone.md").symlink_to("nowhere.md")
    (folder / "x.txt").symlink_to("/etc/passwd")
    (folder / "devzero.txt").symlink_to("/dev/zero")
    (folder / "up").symlink_to("..")


def test_fifos_devices_sockets_and_bad_links_are_skipped_rows_with_their_reason(tmp_path):
    archive = tmp_path / "archive"
    write_reports(archive, 2)
    special_files(archive)

    found = discover([archive])

    assert [Path(p).name for p in found.files] == ["r000.md", "r001.md"]
    assert reasons(found) == {
        "pipe.md": "a FIFO (named pipe)",
        "zero.txt": "a character device",
        "sock.md": "a socket",
        "loop-a.md": "a symbolic link loop",
        "loop-b.md": "a symbolic link loop",
        "gone.md": "a broken symbolic link",
        "x.txt": "a link out of the given folders (to /etc/passwd)",
        "devzero.txt": "a link out of the given folders (to /dev/zero)",
        "up": f"a link out of the given folders (to {tmp_path})",
    }


def test_follow_links_follows_links_out_of_the_roots_but_still_refuses_devices_and_loops(tmp_path):
    outside = tmp_path / "outside"
    write_reports(outside, 1, prefix="o")
    archive = tmp_path / "archive"
    write_reports(archive, 1)
    (archive / "linked.md").symlink_to(outside / "o000.md")
    (archive / "devzero.txt").symlink_to("/dev/zero")
    (archive / "self").symlink_to(".")

    found = discover([archive], follow_links=True)

    assert sorted(Path(p).name for p in found.files) == ["linked.md", "r000.md"]
    assert reasons(found) == {"devzero.txt": "a character device",
                              "self": "a symbolic link loop (a link to a folder already read)"}


def test_a_link_inside_the_roots_is_read_once_and_the_other_name_says_which_file_it_is(tmp_path):
    archive = tmp_path / "archive"
    write_reports(archive, 1)
    (archive / "sub").mkdir()
    (archive / "sub" / "same.md").symlink_to(archive / "r000.md")

    found = discover([archive])

    assert [Path(p).name for p in found.files] == ["r000.md"]
    assert reasons(found) == {"same.md": f"the same file as {archive / 'r000.md'}"}


def test_a_recursive_glob_through_links_back_to_the_parent_ends(tmp_path):
    archive = tmp_path / "archive"
    write_reports(archive / "a" / "b", 2)
    (archive / "a" / "b" / "back").symlink_to("../..")
    (archive / "a" / "again").symlink_to(".")

    found = discover([f"{archive}/**/*.md"])

    assert [Path(p).name for p in found.files] == ["r000.md", "r001.md"]
    assert set(reasons(found).values()) == {"a symbolic link loop (a link to a folder already read)"}


def test_glob_without_double_star_reads_only_its_own_depth(tmp_path):
    write_reports(tmp_path / "top", 1, prefix="t")
    write_reports(tmp_path / "top" / "deeper", 1, prefix="d")
    found = discover([f"{tmp_path}/top/*.md"])
    assert [Path(p).name for p in found.files] == ["t000.md"]


def test_batch_never_puts_a_file_linked_from_outside_the_roots_into_the_dataset(tmp_path):
    archive = tmp_path / "archive"
    write_reports(archive, 2)
    special_files(archive)

    summary = batch([archive], tmp_path / "ds", workers=2)

    assert summary.reports == 2 and summary.errors == 0
    assert PASSWD_LINE not in (tmp_path / "ds" / "reports.jsonl").read_text(encoding="utf-8")
    inputs = {shown(archive / name) for name in os.listdir(archive)}
    assert_complete(tmp_path / "ds", inputs)


def test_a_file_name_that_is_not_utf8_is_parsed_stored_escaped_and_resumed(tmp_path):
    archive = tmp_path / "archive"
    write_reports(archive, 2)
    raw = os.fsencode(archive) + b"/" + BAD_NAME
    with open(raw, "wb") as f:
        f.write(REPORT_MD.format(month=5, n=77, pct=55).encode())
    empty = os.fsencode(archive) + b"/rong-\xe9.pdf"
    open(empty, "wb").close()

    summary = batch([archive], tmp_path / "ds", workers=2)
    assert (summary.reports, summary.errors) == (3, 1)
    again = batch([archive], tmp_path / "ds", workers=2, resume=True)

    assert again.resumed == 3
    escaped = shown(raw)
    assert escaped.endswith("bao-cao-\\udcff\\udcfe-thang-1.md")
    assert escaped in {r["source"]["path"] for r in journal(tmp_path / "ds", "reports")}
    error = journal(tmp_path / "ds", "errors")[0]
    assert error["path"] == shown(empty) and error["message"].startswith(shown(empty))
    assert_complete(tmp_path / "ds", {shown(archive / n) for n in os.listdir(archive)})


def test_cli_parse_of_a_non_utf8_name_prints_the_report_with_the_name_escaped(tmp_path):
    raw = os.fsencode(tmp_path) + b"/" + BAD_NAME
    with open(raw, "wb") as f:
        f.write(REPORT_MD.format(month=5, n=77, pct=55).encode())
    result = subprocess.run([sys.executable, "-m", "extract.cli", "parse", raw], capture_output=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    assert b"bao-cao-\\\\udcff\\\\udcfe-thang-1.md" in result.stdout  # JSON escapes the backslash


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_cli_parse_of_a_fifo_or_a_device_is_one_line_not_a_hang(tmp_path, target):
    path = tmp_path / "pipe.md"
    if target == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(target)
    result = subprocess.run([sys.executable, "-m", "extract.cli", "parse", str(path)], capture_output=True,
                            cwd=ROOT, timeout=60)
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1
    assert lines == [f"vnreport: UnsupportedFormat: {path}: not a regular file but "
                     f"{'a FIFO (named pipe)' if target == 'fifo' else 'a character device'}"]
