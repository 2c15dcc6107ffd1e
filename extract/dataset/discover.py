"""Which files a batch reads: folders walked, globs matched, everything else listed with why.

    >>> found = discover(["corpora/samples"])  # doctest: +SKIP
    >>> [Path(p).name for p in found.files][:1], found.skipped  # doctest: +SKIP
    (['bao-cao-6-thang-2021.docx'], [])

Only regular files are read. A FIFO, a device or a socket (reading one blocks or
never ends), a symbolic link that loops or leads nowhere, and a link that leads out
of the folders the batch was given (``x.txt → /etc/passwd``) become
:class:`Skipped` rows with their reason; ``follow_links=True`` follows links
wherever they lead, loops still excepted. A folder is read once however many links
lead to it, so a link back to a parent folder cannot make the walk endless. Paths
are kept as the file system gives them (any bytes); :func:`extract.paths.shown`
prints them.
"""

from __future__ import annotations

import glob
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from wcmatch import glob as wildcard

from extract.paths import shown, special_kind
from extract.readers import EXTENSIONS


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str  # shown
    reason: str


@dataclass
class Found:
    files: list[str] = field(default_factory=list)  # as the file system gives them
    skipped: list[Skipped] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # inputs that matched nothing


def _not_a_report(name: str) -> str | None:
    if name.startswith(("~$", ".")):
        return "a hidden or Office lock file"
    suffix = os.path.splitext(name)[1].lower()
    return None if suffix in EXTENSIONS else f"not a report file ({suffix or 'no extension'})"


class _Walk:
    def __init__(self, follow_links: bool):
        self.found = Found()
        self.follow_links = follow_links
        self.roots: list[str] = []
        self._files: dict[tuple[int, int], str] = {}  # (device, inode) → the path it was first met by
        self._folders: set[tuple[int, int]] = set()

    def skip(self, path: str, reason: str) -> None:
        self.found.skipped.append(Skipped(shown(path), reason))

    def inside_roots(self, target: str) -> bool:
        return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)

    def entry(self, path: str, named: bool = False, depth: int | None = None, match: str | None = None) -> None:
        """Classify one path met in a walk (``named``: the user gave it, so a link is followed)."""
        try:
            info = os.lstat(path)
        except OSError as err:
            self.skip(path, f"cannot be read ({err.strerror})")
            return
        if stat.S_ISLNK(info.st_mode):
            try:
                target = os.path.realpath(path, strict=True)
            except FileNotFoundError:
                return self.skip(path, "a broken symbolic link")
            except (OSError, RuntimeError):
                return self.skip(path, "a symbolic link loop")
            if not (named or self.follow_links or self.inside_roots(target)):
                return self.skip(path, f"a link out of the given folders (to {shown(target)})")
            try:
                info = os.stat(path)
            except OSError as err:
                return self.skip(path, f"cannot be read ({err.strerror})")
        if stat.S_ISDIR(info.st_mode):
            if match is None or depth is None or depth > 0:
                self.folder(path, info, depth, match)
            return
        if match is not None and not wildcard.globmatch(path, match, flags=wildcard.GLOBSTAR):
            return
        kind = special_kind(info.st_mode)
        if kind:
            return self.skip(path, kind)
        key = (info.st_dev, info.st_ino)
        if key in self._files:
            if self._files[key] != path:
                self.skip(path, f"the same file as {shown(self._files[key])}")
            return
        self._files[key] = path
        reason = _not_a_report(os.path.basename(path))
        if reason:
            self.skip(path, reason)
        else:
            self.found.files.append(path)

    def folder(self, path: str, info: os.stat_result, depth: int | None, match: str | None) -> None:
        key = (info.st_dev, info.st_ino)
        if key in self._folders:
            if os.path.islink(path):
                self.skip(path, "a symbolic link loop (a link to a folder already read)")
            return
        self._folders.add(key)
        try:
            with os.scandir(path) as listing:
                names = sorted(entry.name for entry in listing)
        except OSError as err:
            self.skip(path, f"folder cannot be read ({err.strerror})")
            return
        for name in names:
            child = os.path.join(path, name)
            if name.startswith(".") and os.path.isdir(child) and not os.path.islink(child):
                continue  # hidden folders (.git, .cache) are not archives
            self.entry(child, depth=None if depth is None else depth - 1, match=match)


def _glob_base(pattern: str) -> tuple[str, int | None]:
    """The folder a glob starts from and how deep under it it can reach (None: any depth, ``**``)."""
    parts = pattern.split(os.sep)
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    base = os.sep.join(fixed) or ("." if not pattern.startswith(os.sep) else os.sep)
    rest = parts[len(fixed):]
    return base, None if "**" in rest else len(rest)


def _anchored(pattern: str) -> str:
    """The pattern as the walk spells the paths it meets ("*.md" is met as "./a.md")."""
    return pattern if _glob_base(pattern)[0] != "." or pattern.startswith("." + os.sep) else "." + os.sep + pattern


def discover(inputs: list[str | bytes | Path], follow_links: bool = False) -> Found:
    walk = _Walk(follow_links)
    items = [os.fsdecode(item) for item in inputs]
    plans = [(item, *_glob_base(item)) if glob.has_magic(item) else (item, item, None) for item in items]
    walk.roots = [os.path.realpath(base) for _, base, _ in plans]
    for item, base, depth in plans:
        before = len(walk.found.files) + len(walk.found.skipped)
        if glob.has_magic(item):
            if os.path.isdir(base):
                info = os.stat(base)
                walk.folder(base, info, depth, match=_anchored(item))
        elif os.path.lexists(item):
            walk.entry(item, named=True)
        if len(walk.found.files) + len(walk.found.skipped) == before and not os.path.isdir(item):
            walk.found.missing.append(item)
    walk.found.files.sort()
    walk.found.skipped.sort(key=lambda s: s.path)
    return walk.found
