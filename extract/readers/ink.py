"""How much of a PDF page's ink its text layer accounts for.

Whether a page needs OCR is not whether it has a text layer: a scan signed by an
e-signing portal carries a text layer of one stamp ("SAO Y / Bộ Công an / Thời gian
ký: …", 58 characters) over an image of the whole letter. The page is rendered small
and its dark pixels counted, inside and outside the boxes of the text layer's
characters; ink outside every box is print the text layer does not hold:

    >>> share = uncovered_ink(page, [(56.0, 780.0, 200.0, 800.0)])  # doctest: +SKIP
    >>> share > 0.5  # the stamp's box holds a twentieth of the page's ink  # doctest: +SKIP
    True

Only pages with a large image and a short text layer are measured (a scan is one
image per page); a page of text and drawings holds all its print as text and rules,
and rendering every page of a text PDF would cost more than reading it.
"""

from __future__ import annotations

# A page whose images cover less than this share of it holds its print as text.
MIN_IMAGE_SHARE = 0.2
# Rendered at this resolution: a 10-pt line of print is 4-5 pixels high, enough to
# tell ink from paper and cheap (an A4 page is 0.12 megapixels).
DPI = 36
# Darker than this (0-255) is ink. Thin strokes render grey at 36 dpi.
INK_BELOW = 170
# A character's box grows by this many points each way: accents above capitals and
# the bitmap's rounding stay inside it.
BOX_MARGIN = 2.0


def image_share(page) -> float:
    """Share of the page's area under image objects (forms' images included), 0-1.

    Raw pdfium calls per object, not pypdfium2's object wrappers: a page of a text PDF
    holds hundreds of text and path objects, and wrapping each cost 6 ms a page."""
    import ctypes

    import pypdfium2.raw as raw

    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    covered = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pending = [(raw.FPDFPage_GetObject, page.raw, raw.FPDFPage_CountObjects(page.raw), 0)]
    while pending:
        get, parent, count, depth = pending.pop()
        for k in range(count):
            obj = get(parent, k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    w = min(right.value, width) - max(left.value, 0.0)
                    h = min(top.value, height) - max(bottom.value, 0.0)
                    if w > 0 and h > 0:
                        covered += w * h
                        if covered >= width * height:
                            return 1.0
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 3:
                pending.append((raw.FPDFFormObj_GetObject, obj, raw.FPDFFormObj_CountObjects(obj), depth + 1))
    return min(covered / (width * height), 1.0)


def uncovered_ink(page, boxes: list[tuple[float, float, float, float]]) -> float | None:
    """Share (0-1) of the page's dark pixels outside every text box, or None when the
    page holds no ink at all. ``boxes`` are (left, bottom, right, top) in PDF points."""
    from PIL import Image, ImageChops, ImageDraw

    height = page.get_size()[1]
    scale = DPI / 72
    bitmap = page.render(scale=scale, grayscale=True)
    image = bitmap.to_pil().convert("L")
    ink = image.point(lambda v: 255 if v < INK_BELOW else 0)
    total = ink.histogram()[255]
    if total == 0:
        return None
    mask = Image.new("L", ink.size, 0)
    draw = ImageDraw.Draw(mask)
    for left, bottom, right, top in boxes:
        draw.rectangle(
            ((left - BOX_MARGIN) * scale, (height - top - BOX_MARGIN) * scale,
             (right + BOX_MARGIN) * scale, (height - bottom + BOX_MARGIN) * scale),
            fill=255,
        )
    outside = ImageChops.subtract(ink, mask).histogram()[255]
    return outside / total
