"""Which files a batch reads: folders walked, globs expanded, unknown files listed.

    >>> found = discover(["corpora/samples"])  # doctest: +SKIP
    >>> [p.name for p in found.files][:1], found.skipped  # doctest: +SKIP
    (['bao-cao-6-thang-2021.docx'], [])
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from extract.readers import EXTENSIONS


@dataclass
class Found:
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files of a kind we do not read
    missing: list[str] = field(default_factory=list)  # inputs that matched nothing


def _is_report_file(path: Path) -> bool:
    return path.suffix.lower() in EXTENSIONS and not path.name.startswith(("~$", "."))


def discover(inputs: list[str | Path]) -> Found:
    found = Found()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved in seen:
            return
        seen.add(resolved)
        (found.files if _is_report_file(path) else found.skipped).append(path)

    for item in inputs:
        item = str(item)
        paths = [Path(p) for p in sorted(glob.glob(item, recursive=True))] if glob.has_magic(item) else [Path(item)]
        if not any(p.exists() for p in paths):
            found.missing.append(item)
            continue
        for path in paths:
            if path.is_dir():
                for root, dirs, names in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in sorted(names):
                        add(Path(root) / name)
            elif path.is_file():
                add(path)
    found.files.sort()
    found.skipped.sort()
    return found
