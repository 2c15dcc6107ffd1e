"""Ruled tables on scanned pages: the grid from the page's rules, each cell read on its own.

Read as a page, a ruled table comes out as jumbled lines: Tesseract's layout analysis
runs cells of one row together, takes rules for "|" or ")", and a figure loses its
column. Here the table's lines are found in the page image instead:

1. unbroken runs of ink at least ``RULE_INCHES`` long, across and down, are the
   rules (no letter has a stroke that long); a table is a set of three or more
   vertical rules whose spans overlap, with the horizontal rules that meet them;
2. each box of the grid is a cell; two boxes are one merged cell where the rule
   between them is missing (a header spanning columns, a cell spanning rows);
3. every cell is cropped inside its rules and read by Tesseract alone — one process
   for all the one-line cells of a page (``--psm 7``) and one for the taller ones
   (``--psm 6``), each given a list of the crops.

Cells come back as ``table_cell`` blocks with (table, row, column) counted on the
grid, as the DOCX reader counts Word's grid: a merged cell once, at its first row
and column; an empty cell not at all.
"""

from __future__ import annotations

import statistics
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

# A rule is a run of ink at least this long: a letter at 14 pt, accent and
# descender included, is under a quarter of an inch tall, and no word is one stroke.
RULE_INCHES = 0.4
# Darker than this is ink (the page is greyscale, 0 black).
_INK_BELOW = 160
_RULE_BELOW = 190  # a thin rule scanned grey is lighter than text
# A rule between two boxes is there when ink lies along this share of it; text that
# runs across a missing rule covers at most its letters' height, about two thirds.
_RULE_PRESENT = 0.85
# Pixels kept clear of a cell's rules when it is cropped, so no rule is read as "|".
_CLEAR = 3
# Rules meet where they come within this of each other (a corner drawn short, a
# scan's broken line); a rule broken for longer is two rules.
_REACH_INCHES = 0.1
# Rows are mostly a line of 9-pt text high or more, columns a few characters wide.
_ROW_INCHES = 0.12
_COLUMN_INCHES = 0.3
_PAD = 12  # white margin around a crop: Tesseract misses text that touches the edge
_UNRULED_LINES = 4  # lines in a cell that, in three cells of a row, mean rows without rules
# A figure cell as the Vietnamese model reads it: specks of the rules or of the scan
# beside it ("__ 74.773", "¡ 26,1%", ";29"), "§" for an 8 ("§7.880"), and after its
# first digit "I" or "l" for a 1 and "O" for a 0 ("57.998.55I"); a "|" is a speck
# of the rule beside it.
# Signs and brackets are the figure's own and stay.
_SPECKS = r"[\s_¡!:;'`\"„“”‘’.,|~^*]*"
_FIGURE_READ = regex.compile(rf"^{_SPECKS}?(?P<figure>[\d§][\d§.,IlO]*%?){_SPECKS}$")
_AS_DIGITS = str.maketrans({"§": "8", "I": "1", "l": "1", "O": "0"})
# Groups of three after a first group of four or more: a thousands dot was dropped.
_GROUP_DROPPED = regex.compile(r"\d{4,}(?:\.\d{3})+(?:,\d+)?%?")
# A cell read as marks alone holds specks, unless it is one of these: "-" for nil.
_MARKS_KEPT = frozenset({"-", "–", "—", "%", "x", "X"})
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")


@dataclass(frozen=True, slots=True)
class Rule:
    """A band of ink along one axis: ``start``–``end`` across it, ``lo``–``hi`` along it."""

    start: int
    end: int
    lo: int
    hi: int

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: its horizontal rules top to bottom, vertical rules left to right."""

    across: tuple[Rule, ...]
    down: tuple[Rule, ...]

    @property
    def top(self) -> int:
        return self.across[0].start

    def holds(self, x: float, y: float) -> bool:
        return self.down[0].start <= x <= self.down[-1].end and self.across[0].start <= y <= self.across[-1].end


@dataclass(slots=True)
class Cell:
    """A cell of the grid, merged cells as one: first row and column, box in pixels."""

    row: int
    column: int
    box: tuple[int, int, int, int]
    text: str = ""
    confidence: float = 0.0


# ── the grid ─────────────────────────────────────────────────────────────────


def ruled_tables(page, dpi: int) -> list[tuple[Grid, list[Cell]]]:
    """The ruled tables of a straightened greyscale page, top to bottom, with their
    cells (not yet read); a grid without rules between its rows is left out."""
    tables = []
    for grid in find_grids(page, dpi):
        cells = grid_cells(page, grid)
        if _rows_ruled(page, cells):
            tables.append((grid, cells))
    return tables


def find_grids(page, dpi: int) -> list[Grid]:
    """The ruled tables of a straightened greyscale page, top to bottom."""
    from PIL import Image

    ink = _rule_ink(page)
    length = round(RULE_INCHES * dpi)
    reach = round(_REACH_INCHES * dpi)
    across = _rules(_runs(ink, length), length, reach)
    down = _rules(_runs(ink.transpose(Image.Transpose.TRANSPOSE), length), length, reach)
    across, down = _framed(across, down, reach)
    grids = []
    for columns in _overlapping(down):
        top, bottom = min(r.lo for r in columns), max(r.hi for r in columns)
        left, right = columns[0].middle, columns[-1].middle
        rows = _joined([r for r in across if top - reach <= r.middle <= bottom + reach and _spans(r, left, right)])
        if len(columns) < 3 or len(rows) < 3:
            continue
        if _roomy(rows, _ROW_INCHES, dpi) and _roomy(columns, _COLUMN_INCHES, dpi):
            grids.append(Grid(tuple(rows), tuple(columns)))
    return grids


def _roomy(rules: list[Rule], least_inches: float, dpi: int) -> bool:
    """Rules mostly at least ``least_inches`` apart, as a table's rows and columns are.
    The dense strokes of a round seal, thickened, can make a lattice of short
    "rules" a few letters apart."""
    return statistics.median(b.start - a.end for a, b in zip(rules, rules[1:])) >= least_inches * dpi


def _ink(page):
    return page.convert("L").point(lambda v: 255 if v < _INK_BELOW else 0)


def _rule_ink(page):
    """Ink for finding rules: a lighter grey counts, and it is thickened by a pixel each
    way, so that a thin grey rule that the text's threshold breaks into dashes, or
    that wavers by a pixel, runs on unbroken. (Shifted copies cost a tenth of a
    3×3 maximum filter.)"""
    from PIL import ImageChops

    ink = page.convert("L").point(lambda v: 255 if v < _RULE_BELOW else 0)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        ink = ImageChops.lighter(ink, _shifted(ink, dx, dy))
    return ink


def _shifted(image, dx: int, dy: int):
    """The image moved by (dx, dy) over a blank page (``ImageChops.offset`` wraps
    round, and would carry a scan's dark edge to the other side)."""
    from PIL import Image

    moved = Image.new(image.mode, image.size, 0)
    moved.paste(image, (dx, dy))
    return moved


def _runs(ink, length: int):
    """The pixels where a horizontal run of ink at least ``length`` long starts.

    An erosion by doubling shifts: after k steps a pixel stays inked only if the 2^k
    pixels from it on are all ink, so a 100-pixel run costs seven image operations.
    """
    from PIL import ImageChops

    eroded, covered = ink, 1
    while covered < length:
        step = min(covered, length - covered)
        eroded = ImageChops.darker(eroded, _shifted(eroded, -step, 0))
        covered += step
    return eroded


def _rules(starts, length: int, reach: int) -> list[Rule]:
    """Bands of consecutive pixel rows that hold run starts, cut where the ink breaks
    for more than ``reach``: the rules of two tables one above the other, in line,
    are two rules."""
    from PIL import Image

    profile = starts.resize((1, starts.height), Image.Resampling.BOX).tobytes()
    rules, start = [], None
    for y, value in enumerate((*profile, 0)):
        if value and start is None:
            start = y
        elif not value and start is not None:
            along = starts.crop((0, start, starts.width, y)).resize((starts.width, 1), Image.Resampling.BOX).tobytes()
            rules += [Rule(start, y, lo, hi + length - 1) for lo, hi in _pieces(along, length + reach)]
            start = None
    return rules


def _pieces(profile: bytes, gap: int) -> list[tuple[int, int]]:
    """(first, last) index of each stretch of non-zero values, stretches less than
    ``gap`` apart taken as one."""
    pieces: list[tuple[int, int]] = []
    for i, value in enumerate(profile):
        if not value:
            continue
        if pieces and i - pieces[-1][1] <= gap:
            pieces[-1] = (pieces[-1][0], i)
        else:
            pieces.append((i, i))
    return pieces


def _framed(across: list[Rule], down: list[Rule], reach: int) -> tuple[list[Rule], list[Rule]]:
    """The rules that meet two or more rules of the other direction.

    A table's rules meet at its corners and crossings; the dark edge of a scanned
    page, a stamp's frame or a signature line meets none or one.
    """
    while True:
        kept_across = [a for a in across if sum(_meet(a, d, reach) for d in down) >= 2]
        kept_down = [d for d in down if sum(_meet(a, d, reach) for a in kept_across) >= 2]
        if (len(kept_across), len(kept_down)) == (len(across), len(down)):
            return across, down
        across, down = kept_across, kept_down


def _meet(across: Rule, down: Rule, reach: int) -> bool:
    return across.lo - reach <= down.middle <= across.hi + reach and down.lo - reach <= across.middle <= down.hi + reach


def _overlapping(down: list[Rule]) -> list[list[Rule]]:
    """Vertical rules grouped by overlapping spans, one group a table, left to right;
    the pieces of one broken rule made one."""
    groups: list[list[Rule]] = []
    for rule in sorted(down, key=lambda r: r.lo):
        group = next((g for g in groups if rule.lo < max(r.hi for r in g) and rule.hi > min(r.lo for r in g)), None)
        if group is None:
            groups.append([rule])
        else:
            group.append(rule)
    return [_joined(sorted(g, key=lambda r: r.start)) for g in groups]


def _joined(rules: list[Rule]) -> list[Rule]:
    """Rules (in order across) whose bands touch made one: the pieces of a broken rule,
    or of a rule drawn under a header only in part."""
    out: list[Rule] = []
    for rule in rules:
        if out and rule.start <= out[-1].end:
            last = out[-1]
            out[-1] = Rule(last.start, max(last.end, rule.end), min(last.lo, rule.lo), max(last.hi, rule.hi))
        else:
            out.append(rule)
    return out


def _spans(rule: Rule, left: float, right: float) -> bool:
    """A horizontal rule lies (at least partly) between the table's outer rules."""
    return min(rule.hi, right) - max(rule.lo, left) > 0


# ── cells ────────────────────────────────────────────────────────────────────


def grid_cells(page, grid: Grid) -> list[Cell]:
    """The cells of a grid in reading order (rows top to bottom, then left to right),
    boxes whose shared rule is missing merged into one cell.

    Whether a rule is there is judged on the rule ink (grey counts, thickened); where
    it lies on the text's ink, so that the crop loses none of a figure beside it.
    """
    ink, rule_ink = _ink(page), _rule_ink(page)
    rows, columns = len(grid.across) - 1, len(grid.down) - 1
    owner = {(r, c): (r, c) for r in range(rows) for c in range(columns)}

    def root(key):
        while owner[key] != key:
            key = owner[key]
        return key

    for r in range(rows):
        for c in range(columns):
            if c + 1 < columns and not _rule_down(rule_ink, grid, r, c + 1):
                owner[root((r, c + 1))] = root((r, c))
            if r + 1 < rows and not _rule_across(rule_ink, grid, r + 1, c):
                owner[root((r + 1, c))] = root((r, c))
    merged: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key in owner:
        merged.setdefault(root(key), []).append(key)
    cells = []
    for boxes in merged.values():
        r0, c0 = min(r for r, _ in boxes), min(c for _, c in boxes)
        r1, c1 = max(r for r, _ in boxes), max(c for _, c in boxes)
        cells.append(Cell(r0, c0, _inside(ink, grid, r0, c0, r1 + 1, c1 + 1)))
    return sorted((cell for cell in cells if cell.box[2] > cell.box[0] and cell.box[3] > cell.box[1]),
                  key=lambda cell: (cell.row, cell.column))


def _inside(ink, grid: Grid, top: int, left: int, bottom: int, right: int) -> tuple[int, int, int, int]:
    """The box inside the rules ``top``/``bottom`` (across) and ``left``/``right`` (down).

    A rule's band runs the length of the page, and a rule tilted by a tenth of a degree
    drifts ten pixels across it: where each rule lies beside this cell is measured
    on the spot, so a figure written up against a rule keeps its last digit.
    """
    y0, y1 = grid.across[top].end, grid.across[bottom].start
    x0, x1 = grid.down[left].end, grid.down[right].start
    left_edge = _where(ink, grid.down[left], (y0, y1), along_y=True)
    right_edge = _where(ink, grid.down[right], (y0, y1), along_y=True)
    top_edge = _where(ink, grid.across[top], (x0, x1), along_y=False)
    bottom_edge = _where(ink, grid.across[bottom], (x0, x1), along_y=False)
    return (left_edge[1] + _CLEAR, top_edge[1] + _CLEAR, right_edge[0] - _CLEAR, bottom_edge[0] - _CLEAR)


def _where(ink, rule: Rule, span: tuple[int, int], along_y: bool) -> tuple[int, int]:
    """(first, one past last) pixel of ``rule`` across its band, measured over ``span``
    along it; the whole band where the rule is missing there (a merged cell)."""
    from PIL import Image

    lo, hi = rule.start - 2, rule.end + 2
    if along_y:
        strip = ink.crop((lo, span[0], hi, span[1]))
        profile = strip.resize((strip.width, 1), Image.Resampling.BOX).tobytes() if strip.height else b""
    else:
        strip = ink.crop((span[0], lo, span[1], hi))
        profile = strip.resize((1, strip.height), Image.Resampling.BOX).tobytes() if strip.width else b""
    drawn = [i for i, v in enumerate(profile) if v >= 255 * _RULE_PRESENT]
    return (lo + drawn[0], lo + drawn[-1] + 1) if drawn else (rule.start, rule.end)


def _rule_down(ink, grid: Grid, row: int, column: int) -> bool:
    """Is the vertical rule ``column`` drawn beside the box of ``row``?"""
    rule, top, bottom = grid.down[column], grid.across[row].end, grid.across[row + 1].start
    return _covered(ink.crop((rule.start - 2, top, rule.end + 2, bottom)), along_y=True)


def _rule_across(ink, grid: Grid, row: int, column: int) -> bool:
    """Is the horizontal rule ``row`` drawn above the box of ``column``?"""
    rule, left, right = grid.across[row], grid.down[column].end, grid.down[column + 1].start
    return _covered(ink.crop((left, rule.start - 2, right, rule.end + 2)), along_y=False)


def _covered(strip, along_y: bool) -> bool:
    """Whether ink lies along (nearly) all of a thin strip's length."""
    from PIL import Image

    if strip.width == 0 or strip.height == 0:
        return False
    size = (1, strip.height) if along_y else (strip.width, 1)
    profile = strip.resize(size, Image.Resampling.BOX).tobytes()
    return sum(v > 0 for v in profile) >= _RULE_PRESENT * len(profile)


def _rows_ruled(page, cells: list[Cell]) -> bool:
    """Whether the grid's rows are ruled one by one, not only under the header.

    A table with rules down its columns but none between its rows gives a grid of
    one tall row: read cell by cell, each column would be one block of many lines
    and the rows would be lost. Three cells of one row holding four lines each or
    more betray it; such a table is better read as lines of the page.
    """
    tall: dict[int, int] = {}
    for cell in cells:
        if _text_lines(page.crop(cell.box)) >= _UNRULED_LINES:
            tall[cell.row] = tall.get(cell.row, 0) + 1
    return max(tall.values(), default=0) < 3


# ── reading the cells ────────────────────────────────────────────────────────


def read_cells(page, cells: list[Cell], work: Path, tesseract) -> list[Cell]:
    """The cells that hold text, each read on its own, with text and confidence.

    ``tesseract(args, path)`` runs Tesseract on ``path`` and returns its output; it is
    given a list of crop files, so the model loads once per batch, not once per cell.
    """
    batches: dict[str, list[tuple[Cell, Path]]] = {"7": [], "6": []}
    for n, cell in enumerate(cells):
        crop = page.crop(cell.box)
        lines = _text_lines(crop)
        if not lines:
            continue
        path = work / f"cell-{cell.row:03d}-{cell.column:02d}-{n}.png"
        _cell_image(crop).save(path, compress_level=1)
        batches["7" if lines == 1 else "6"].append((cell, path))
    for psm, batch in batches.items():
        if not batch:
            continue
        listing = work / f"cells-psm{psm}.txt"
        listing.write_text("".join(f"{path}\n" for _, path in batch), encoding="utf-8")
        read = _cell_texts(tesseract(["--psm", psm, "tsv"], listing), len(batch))
        for (cell, _), (text, confidence) in zip(batch, read):
            cell.text, cell.confidence = figure_read(text), confidence
    return [cell for cell in cells if _LETTER_OR_DIGIT.search(cell.text) or cell.text in _MARKS_KEPT]


def figure_read(text: str) -> str:
    """A cell's text with a figure's OCR slips mended; other text as it was read.

        >>> [figure_read(t) for t in ("__ 74.773", "§7.880", "57.998.55I", "7600.220", "§", "Bộ Y tế", "II")]
        ['74.773', '87.880', '57.998.551', '7.600.220', '8', 'Bộ Y tế', 'II']
    """
    m = _FIGURE_READ.match(text)
    if not m:
        return text
    figure = m["figure"].translate(_AS_DIGITS)
    return _regrouped(figure) if _GROUP_DROPPED.fullmatch(figure) else figure


def _regrouped(figure: str) -> str:
    """ "7600.220" → "7.600.220": the thousands dots put back where OCR dropped one."""
    whole, dot, rest = figure.partition(",")
    digits = whole.replace(".", "")
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups) + dot + rest


def _text_lines(crop) -> int:
    """How many lines of text a cell crop holds (0 when it holds only specks).

    Bands of inked pixel rows; a band much lower than the tallest is a line of
    accents or a speck, not a line.
    """
    from PIL import Image

    profile = _ink(crop).resize((1, crop.height), Image.Resampling.BOX).tobytes()
    bands, run = [], 0
    for value in (*profile, 0):
        if value:
            run += 1
        elif run:
            bands.append(run)
            run = 0
    if not bands or max(bands) < 6:
        return 0
    return sum(band >= 0.4 * max(bands) for band in bands)


def _cell_image(crop):
    """The crop with its paper made white, in a white margin.

    Tesseract thresholds a whole image at once: a small cell of grey, grainy paper
    in a white frame is cut at the wrong level ("2.1." reads "25I-", a lone "%"
    reads nothing). The paper's own shade (the commonest) and anything a little
    darker become white, ink keeps its shades; binarised outright instead, the thin
    commas of a real scan's figures are lost ("21,1%" → "211%").
    """
    from PIL import Image

    grey = crop.convert("L")
    histogram = grey.histogram()
    paper = max(range(256), key=histogram.__getitem__)
    white = max(paper - 25, _INK_BELOW)
    framed = Image.new("L", (crop.width + 2 * _PAD, crop.height + 2 * _PAD), 255)
    framed.paste(grey.point(lambda v: 255 if v >= white else round(v * 255 / white)), (_PAD, _PAD))
    return framed


def _cell_texts(tsv: str, count: int) -> list[tuple[str, float]]:
    """(text, mean word confidence) of each image of a Tesseract TSV run, in order.

    Lines of a cell are joined by a space, as Word wraps one paragraph.
    """
    words: list[list[tuple[str, float]]] = [[] for _ in range(count)]
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5":  # level 5: a word
            continue
        text = unicodedata.normalize("NFC", fields[11].strip())
        page = int(fields[1]) - 1
        if text and 0 <= page < count:
            words[page].append((text, float(fields[10])))
    return [(" ".join(t for t, _ in found), statistics.fmean(c for _, c in found) if found else 0.0) for found in words]
