"""Fill the pipeline's caches in a process that forks parses, so each child starts warm.

Regexes compile and reference tables load on first use; done in a child they are
thrown away with it. A process that runs parses in children (``extract.parse``, a
batch's forkserver) calls :func:`warm_up` once first, and every child inherits the
compiled state copy-on-write instead of rebuilding it.

underthesea (80 MB, 1 s to load) is loaded only once a parse showed it is needed:
:func:`note_child` records that a child loaded it, and the next :func:`before_fork`
loads it here, once, for all the children after.
"""

from __future__ import annotations

import io

_WARM_UP_REPORT = """**BÁO CÁO**
**Kết quả công tác 6 tháng đầu năm 2021**

**I. KẾT QUẢ**

Theo Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy, tỷ lệ hồ sơ đúng hạn đạt 98,5%, 37/42 TTHC.

Sở Công Thương kính báo cáo./.
""".encode()

_state = {"pipeline": False, "nlp": False, "nlp_wanted": False, "forked": False}


def _sample_docx() -> bytes:
    import docx

    document = docx.Document()
    for line in _WARM_UP_REPORT.decode().splitlines():
        document.add_paragraph(line.strip("*"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _sample_pdf() -> bytes:
    """One page of text in a standard font: enough for the PDF reader's whole text path."""
    text = b"BT /F1 12 Tf 72 720 Td (BAO CAO ket qua cong tac 6 thang dau nam 2021) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def warm_up(nlp: bool = False) -> None:
    """Parse a built-in sample as Markdown, DOCX and PDF once (every reader and library they
    import lazily is then loaded); with ``nlp``, load underthesea too."""
    if not _state["pipeline"]:
        import extract.indicators.refine  # noqa: F401 - rapidfuzz, imported by the first table of figures
        from extract.pipeline import parse

        for data, fmt in ((_WARM_UP_REPORT, "md"), (_sample_docx(), "docx"), (_sample_pdf(), "pdf")):
            parse(data, fmt, name=f"warm-up.{fmt}", ocr="never", timeout=None, memory_mb=None)
        _state["pipeline"] = True
    if nlp and not _state["nlp"]:
        from extract import nlp as underthesea

        underthesea.pos_tag("Đã tiếp nhận 5 gian hàng")  # loads the tagger's model
        _state["nlp"] = True


def before_fork() -> None:
    """Warm this process before it forks a parse (underthesea only if a child needed it).

    The first parse forks cold: a process that parses one file (``vnreport parse
    report.docx``) would otherwise parse three samples first and then its file, and
    nothing warmed in this process helps a child that runs once (0.34 s of a 0.5 s
    start). From the second parse on the children start warm.
    """
    if _state["forked"]:
        warm_up(nlp=_state["nlp_wanted"])
    _state["forked"] = True


def note_child(loaded_nlp: bool) -> None:
    """A child finished; ``loaded_nlp`` says whether it had to load underthesea."""
    _state["nlp_wanted"] = _state["nlp_wanted"] or loaded_nlp
