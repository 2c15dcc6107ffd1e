"""Size checks before anything is rendered or scaled for OCR: a few header bytes must not
buy gigabytes of pixels.

A 108-byte PNG can claim 1 dpi (scaled to 250 dpi: 250 × 250 times its pixels), a
TIFF can hold 2000 frames, a PDF page can be 14,400 pt wide (200 inches). These
checks read only sizes — image headers, PDF page boxes — and refuse as
:class:`~extract.errors.TooLarge`, with the figure, what would be too big:

    >>> check_page("plan.pdf", 1, (14400, 14400), dpi=250)
    Traceback (most recent call last):
    extract.errors.TooLarge: plan.pdf: page 1 is 14,400 × 14,400 pt: 50,000 × 50,000 px at 250 dpi, over the limit of 60,000,000 px per page

The limits fit real scans: an A3 page at 250 dpi is 12 Mpx, A1 a little under 50.
"""

from __future__ import annotations

import io

from extract.errors import TooLarge

MAX_PAGE_PIXELS = 60_000_000  # one page or frame, as it goes to Tesseract
MAX_IMAGE_PIXELS = 180_000_000  # one frame as stored, before scaling (Pillow's own bomb limit)
MAX_TOTAL_PIXELS = 1_500_000_000  # all frames of one image file, at the OCR resolution


def check_page(name: str, number: int, size_pt: tuple[float, float], dpi: int) -> None:
    """Refuse a PDF page whose rendering at ``dpi`` would exceed :data:`MAX_PAGE_PIXELS`."""
    width, height = (round(side * dpi / 72) for side in size_pt)
    if width * height > MAX_PAGE_PIXELS:
        raise TooLarge(name, f"page {number} is {size_pt[0]:,.0f} × {size_pt[1]:,.0f} pt: {width:,} × {height:,} px "
                             f"at {dpi} dpi, over the limit of {MAX_PAGE_PIXELS:,} px per page")


def open_image(data: bytes, name: str, dpi: int, max_pages: int):
    """``PIL.Image.open`` of the bytes, refused as TooLarge if :func:`check_image` says so
    (Pillow's own decompression-bomb refusal included)."""
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as err:
        raise TooLarge(name, f"the image is too large to decode ({err})") from None
    try:
        check_image(name, image, dpi, max_pages)
    except BaseException:
        image.close()
        raise
    return image


def check_image(name: str, image, dpi: int, max_pages: int) -> None:
    """Refuse an image (every frame of a TIFF) too big to read at ``dpi``: too many frames,
    a frame too large to decode, or too large once scaled from the dpi it claims."""
    from PIL import Image

    frames = getattr(image, "n_frames", 1)
    if frames > max_pages:
        raise TooLarge(name, f"{frames:,} frames is over the limit of {max_pages:,} pages")
    total = 0
    for index in range(frames):
        if frames > 1:
            try:
                image.seek(index)
            except Image.DecompressionBombError as err:
                raise TooLarge(name, f"frame {index + 1} is too large to decode ({err})") from None
        width, height = image.size
        label = f"frame {index + 1}" if frames > 1 else "the image"
        if width * height > MAX_IMAGE_PIXELS:
            raise TooLarge(name, f"{label} is {width:,} × {height:,} px, over the limit of {MAX_IMAGE_PIXELS:,} px")
        claimed = image.info.get("dpi", (dpi, dpi))[0] or dpi
        scale = dpi / claimed if abs(claimed - dpi) > 20 else 1
        out_w, out_h = round(width * scale), round(height * scale)
        if out_w * out_h > MAX_PAGE_PIXELS:
            raise TooLarge(name, f"{label} is {width:,} × {height:,} px at {claimed:.3g} dpi: {out_w:,} × {out_h:,} px "
                                 f"at {dpi} dpi, over the limit of {MAX_PAGE_PIXELS:,} px per page")
        total += out_w * out_h
    if total > MAX_TOTAL_PIXELS:
        raise TooLarge(name, f"{frames:,} frames make {total:,} px at {dpi} dpi, over the limit of "
                             f"{MAX_TOTAL_PIXELS:,} px per file")
    if frames > 1:
        image.seek(0)
