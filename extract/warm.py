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

_WARM_UP_REPORT = """**BÁO CÁO**
**Kết quả công tác 6 tháng đầu năm 2021**

**I. KẾT QUẢ**

Theo Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy, tỷ lệ hồ sơ đúng hạn đạt 98,5%, 37/42 TTHC.

Sở Công Thương kính báo cáo./.
""".encode()

_state = {"pipeline": False, "nlp": False, "nlp_wanted": False}


def warm_up(nlp: bool = False) -> None:
    """Import the readers and run a parse of a built-in sample once; with ``nlp``, load underthesea too."""
    if not _state["pipeline"]:
        import extract.readers.docx  # noqa: F401
        import extract.readers.pdf  # noqa: F401
        from extract.pipeline import parse

        parse(_WARM_UP_REPORT, "md", name="warm-up.md", timeout=None, memory_mb=None)
        _state["pipeline"] = True
    if nlp and not _state["nlp"]:
        from extract import nlp as underthesea

        underthesea.pos_tag("Đã tiếp nhận 5 gian hàng")  # loads the tagger's model
        _state["nlp"] = True


def before_fork() -> None:
    """Warm this process before it forks a parse (underthesea only if a child needed it)."""
    warm_up(nlp=_state["nlp_wanted"])


def note_child(loaded_nlp: bool) -> None:
    """A child finished; ``loaded_nlp`` says whether it had to load underthesea."""
    _state["nlp_wanted"] = _state["nlp_wanted"] or loaded_nlp
