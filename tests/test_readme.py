"""The README's quick start runs exactly as written, and prints what its comments say."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_blocks() -> list[tuple[str, str]]:
    """(language, code) of every fenced block under '## Quick start', in order."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(\w+)\n(.*?)```", section, re.S)


def expected_prints(code: str) -> list[str]:
    """The comment after each ``print(...)`` line: what that line prints."""
    return [m.group(1).strip() for m in re.finditer(r"^print\(.*\)\s+# (.+)$", code, re.M)]


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A working folder where the README's relative paths resolve: the shipped samples, nothing else."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / "corpora").symlink_to(ROOT / "corpora")
    return folder


def _env() -> dict:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # this install's vnreport
    return env


def test_the_quick_start_has_the_commands_and_both_python_snippets():
    kinds = [lang for lang, _ in quick_start_blocks()]
    assert kinds == ["bash", "python", "python"]


def test_the_readme_links_only_inside_the_repository():
    for target in re.findall(r"`((?:docs|scripts|corpora|extract)/[^`\s]*)`|\]\(([^)]+)\)", README):
        path = next(t for t in target if t)
        assert (ROOT / path.split("#")[0]).exists(), path
    assert "shared/design" not in README and "](../" not in README


@pytest.mark.slow
def test_the_quick_start_commands_run_as_written(clone):
    bash = quick_start_blocks()[0][1]
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", bash], cwd=clone, env=_env(),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("vnreport ")
    assert (clone / "out" / "bao-cao-6-thang-2021.docx.json").is_file()
    assert (clone / "out" / "bao-cao-6-thang-2021.docx.md").read_text(encoding="utf-8").count("\n# ") >= 3
    assert "<mark" in (clone / "review.html").read_text(encoding="utf-8")
    assert '"$id": "urn:vnreport:schema:1.1"' in (clone / "report.schema.json").read_text(encoding="utf-8")
    assert (clone / "compare.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.slow
@pytest.mark.parametrize("index", [1, 2], ids=["api", "spacy"])
def test_the_quick_start_python_runs_as_written_and_prints_what_it_says(clone, index):
    code = quick_start_blocks()[index][1]
    done = subprocess.run([sys.executable, "-c", code], cwd=clone, env=_env(), capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == expected_prints(code)
