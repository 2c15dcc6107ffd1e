"""Ruled tables of a PDF page: pdfplumber's table finder run on pdfium's drawing.

pdfplumber finds a ruled table from the page's edges: it snaps and joins the ruling
lines, finds where they cross, and builds cells from the crossings. Parsing a page with
pdfplumber (pdfminer, in Python) costs 50–80 ms; pdfium already has the page loaded, so
the ruling lines are read from pdfium's path objects and handed to pdfplumber's own
table functions. Each cell knows its grid row and column and how many of each it spans:

    >>> grid = table_grid([(10, 10, 60, 20), (60, 10, 110, 20), (10, 20, 110, 30)])
    >>> [(c.row, c.column, c.row_span, c.column_span) for c in grid.cells]
    [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2)]

Only pages that draw enough straight lines to make a grid pay for this (a few ms).
"""

from __future__ import annotations

import bisect
import ctypes
from dataclasses import dataclass, field

# pdfplumber's default tolerances (TableSettings), in points.
SNAP_TOLERANCE = 3
JOIN_TOLERANCE = 3
EDGE_MIN_LENGTH = 3
INTERSECTION_TOLERANCE = 3
# Fewer straight lines than this on a page make no ruled table: skip the finder.
MIN_RULES = 6
# A drawn line is at most this thick (a filled rectangle thinner than this is a rule).
RULE_THICKNESS = 3.0


@dataclass(slots=True)
class GridCell:
    """One cell: its box (x0, top, x1, bottom from the page's top-left) and place."""

    box: tuple[float, float, float, float]
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1


@dataclass(slots=True)
class TableGrid:
    """A ruled table: its outer box and its cells in reading order (row, then column)."""

    box: tuple[float, float, float, float]
    cells: list[GridCell] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return max((c.row + c.row_span for c in self.cells), default=0)

    @property
    def columns(self) -> int:
        return max((c.column + c.column_span for c in self.cells), default=0)


def _lines_on_grid(values: list[float], tolerance: float = 1.5) -> list[float]:
    """Distinct coordinates, values closer than ``tolerance`` counted as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(lines: list[float], value: float) -> int:
    """The grid line nearest ``value``."""
    k = bisect.bisect_left(lines, value)
    return min((i for i in (k - 1, k) if 0 <= i < len(lines)), key=lambda i: abs(lines[i] - value))


def table_grid(cells: list[tuple[float, float, float, float]]) -> TableGrid:
    """Rows, columns and spans of pdfplumber cells (x0, top, x1, bottom)."""
    xs = _lines_on_grid([c[0] for c in cells] + [c[2] for c in cells])
    ys = _lines_on_grid([c[1] for c in cells] + [c[3] for c in cells])
    placed = []
    for x0, top, x1, bottom in cells:
        col, col_end = _index(xs, x0), _index(xs, x1)
        row, row_end = _index(ys, top), _index(ys, bottom)
        placed.append(GridCell((x0, top, x1, bottom), row, col, max(row_end - row, 1), max(col_end - col, 1)))
    placed.sort(key=lambda c: (c.row, c.column))
    box = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
    return TableGrid(box, placed)


def ruled_tables(page, height: float, point=None) -> list[TableGrid]:
    """The ruled tables pdfium's page draws, top to bottom (``page``: a pypdfium2 page).

    ``point`` maps a point from the page's top left into the frame the page's text reads
    in (a table printed sideways); coordinates are the page's own without it.
    """
    edges = _edges(page, height)
    if point is not None:
        edges = [_turned(e, point) for e in edges]
    if len(edges) < MIN_RULES or not any(e["orientation"] == "v" for e in edges):
        return []
    from pdfplumber import table as finder
    from pdfplumber.utils import filter_edges

    edges = finder.merge_edges(edges, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    edges = filter_edges(edges, min_length=EDGE_MIN_LENGTH)
    crossings = finder.edges_to_intersections(edges, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    cells = finder.intersections_to_cells(crossings)
    grids = [table_grid(group) for group in finder.cells_to_tables(cells)]
    # A frame drawn round a paragraph, or rules stacked under a title, is no table.
    return sorted((g for g in grids if g.rows >= 2 and g.columns >= 2), key=lambda g: g.box[1])


def _edges(page, height: float) -> list[dict]:
    """Horizontal and vertical ruling lines of a page, as pdfplumber's edge dicts."""
    import pypdfium2.raw as raw

    edges: list[dict] = []
    objects = (raw.FPDFPage_GetObject(page.raw, k) for k in range(raw.FPDFPage_CountObjects(page.raw)))
    paths = [obj for obj in objects if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH]
    if len(paths) < MIN_RULES:
        return edges
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in paths:
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
        if x1 - x0 <= RULE_THICKNESS and y1 - y0 >= EDGE_MIN_LENGTH:
            edges.append(_edge("v", (x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
        elif y1 - y0 <= RULE_THICKNESS and x1 - x0 >= EDGE_MIN_LENGTH:
            edges.append(_edge("h", x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
        elif _stroked(raw, obj):
            # A filled, unstroked shape is a cell's shading, not its border.
            edges.extend(_segment_edges(raw, obj, height))
    return edges


def _stroked(raw, obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(raw.FPDFPath_GetDrawMode(obj, fill, stroke)) and bool(stroke.value)


def _segment_edges(raw, obj, height: float) -> list[dict]:
    """The straight horizontal and vertical segments of a path (a grid drawn as one path,
    a cell drawn as a rectangle)."""
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for s in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, s)
        if not raw.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        px = matrix.a * x.value + matrix.c * y.value + matrix.e
        py = matrix.b * x.value + matrix.d * y.value + matrix.f
        points.append((px, height - py, raw.FPDFPathSegment_GetType(segment), bool(raw.FPDFPathSegment_GetClose(segment))))
    edges: list[dict] = []
    start = previous = None
    for px, py, kind, closes in points:
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = previous = (px, py)
            continue
        if previous is not None and kind == raw.FPDF_SEGMENT_LINETO:
            edges.extend(_straight(previous, (px, py)))
        previous = (px, py)
        if closes and start is not None:
            edges.extend(_straight(previous, start))
            previous = start
    return edges


def _straight(a: tuple[float, float], b: tuple[float, float]) -> list[dict]:
    (ax, ay), (bx, by) = a, b
    if abs(ax - bx) < 1 and abs(ay - by) >= EDGE_MIN_LENGTH:
        return [_edge("v", ax, min(ay, by), ax, max(ay, by))]
    if abs(ay - by) < 1 and abs(ax - bx) >= EDGE_MIN_LENGTH:
        return [_edge("h", min(ax, bx), ay, max(ax, bx), ay)]
    return []


def _turned(edge: dict, point) -> dict:
    (ax, ay), (bx, by) = point(edge["x0"], edge["top"]), point(edge["x1"], edge["bottom"])
    return _edge("v" if abs(ax - bx) < abs(ay - by) else "h", min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": "line"}
