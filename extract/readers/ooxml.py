"""Open an Office Open XML package (DOCX) without trusting it.

Before any XML library sees the bytes, :func:`check_package` refuses what would hurt
us or the user: a damaged or truncated ZIP, a zip bomb (a part that inflates beyond
:data:`MAX_PART_BYTES`, or a large part with a compression ratio over
:data:`MAX_RATIO`), XML with a DOCTYPE or ENTITY declaration (billion laughs,
external entities), an encrypted package, a ZIP that is not a Word document.
Every refusal is a typed error with the file name and the reason:

    >>> check_package(b"PK\\x03\\x04 cut short", "bao-cao.docx")
    Traceback (most recent call last):
    extract.errors.CorruptDocument: bao-cao.docx: damaged ZIP archive (truncated, or not a ZIP): File is not a zip file
"""

from __future__ import annotations

import io
import zipfile
import zlib

from extract.errors import CorruptDocument, EncryptedDocument, UnsupportedFormat

MAX_PARTS = 10_000  # a long report with many images has a few hundred
MAX_PART_BYTES = 100 * 1024 * 1024  # one part inflated
MAX_TOTAL_BYTES = 300 * 1024 * 1024  # all parts inflated
MAX_RATIO = 100  # inflated / compressed, checked on parts over RATIO_FLOOR
RATIO_FLOOR = 10 * 1024 * 1024  # small parts compress well legitimately (XML often 20:1)
WORD_MAIN_PART = "word/document.xml"
_CHUNK = 1 << 20

# Word's "Strict Open XML Document" uses other namespaces than every reader expects
_STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted DOCX/XLSX/PPTX is not a ZIP: it is an OLE compound file whose directory
# names (UTF-16LE) include the streams "EncryptionInfo" and "EncryptedPackage".
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

# Parts that tell which Office program wrote a ZIP that is not a Word document
_OTHER_OFFICE_PARTS = {
    "xl/workbook.xml": "an Excel workbook (XLSX)",
    "ppt/presentation.xml": "a PowerPoint presentation (PPTX)",
    "content.xml": "an OpenDocument file",
}

# A DOCTYPE can only carry entity declarations; Office never writes one. Encoded in
# UTF-8 and UTF-16 because a part may be either.
_XML_DECLARATIONS = tuple(
    marker.encode(enc)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)


def is_encrypted_ooxml(data: bytes) -> bool:
    """True for a password-protected DOCX (an OLE container holding EncryptedPackage).

    >>> is_encrypted_ooxml(b"PK\\x03\\x04...")
    False
    """
    return data.startswith(_OLE_MAGIC) and _ENCRYPTED_STREAM in data


def check_package(data: bytes, name: str) -> None:
    """Inflate and check every part of a DOCX; raise a typed error at the first harm.

    Sizes are checked twice: as declared in the ZIP directory (cheap, catches honest
    bombs) and while inflating (declared sizes can lie).
    """
    if is_encrypted_ooxml(data):
        raise EncryptedDocument(name, "the Word document is password-protected (encrypted package)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise CorruptDocument(name, f"damaged ZIP archive (truncated, or not a ZIP): {exc}") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise CorruptDocument(name, f"{len(infos):,} parts in the package (over {MAX_PARTS:,}): not a document")
        names = {info.filename for info in infos}
        _check_is_word(names, name)
        _check_declared_sizes(infos, name)
        is_xml = _xml_parts(archive, name)
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            blob = _inflate(archive, info, name)
            total += len(blob)
            if total > MAX_TOTAL_BYTES:
                raise CorruptDocument(name, f"zip bomb: parts inflate to over {MAX_TOTAL_BYTES:,} bytes in all")
            if is_xml(info.filename):
                _check_no_declarations(blob, info.filename, name)
            if info.filename == "_rels/.rels" and _STRICT_NAMESPACE in blob:
                raise UnsupportedFormat(
                    name, "a Strict Open XML document (ISO 29500 Strict): save it as a regular Word .docx"
                )


def _check_is_word(names: set[str], name: str) -> None:
    if WORD_MAIN_PART in names and "[Content_Types].xml" in names:
        return
    for part, what in _OTHER_OFFICE_PARTS.items():
        if part in names:
            raise UnsupportedFormat(name, f"a ZIP archive holding {what}, not a Word document")
    raise UnsupportedFormat(
        name, f"a ZIP archive but not a Word document (no {WORD_MAIN_PART} or [Content_Types].xml)"
    )


def _xml_parts(archive: zipfile.ZipFile, name: str):
    """A test for "python-docx would parse this part as XML", from [Content_Types].xml.

    By name (.xml, .rels) or by declared content type, whatever the name: a hostile
    package can give its main part any name. Images are left out: an SVG may carry a
    harmless DOCTYPE and nothing parses it.
    """
    from lxml import etree

    types = archive.getinfo("[Content_Types].xml")
    blob = _inflate(archive, types, name)
    _check_no_declarations(blob, types.filename, name)
    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise CorruptDocument(name, f"damaged [Content_Types].xml: {exc}") from None
    by_extension, by_part = {}, {}
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        local = etree.QName(entry).localname
        if local == "Default":
            by_extension[(entry.get("Extension") or "").lower()] = entry.get("ContentType") or ""
        elif local == "Override":
            by_part[(entry.get("PartName") or "").lstrip("/")] = entry.get("ContentType") or ""

    def is_xml(part: str) -> bool:
        if part.endswith((".xml", ".rels")):
            return True
        kind = by_part.get(part) or by_extension.get(part.rsplit(".", 1)[-1].lower(), "")
        return kind.endswith("xml") and not kind.startswith("image/")

    return is_xml


def _check_declared_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise CorruptDocument(
                name, f"zip bomb: part {info.filename} declares {info.file_size:,} bytes inflated"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CorruptDocument(
                name,
                f"zip bomb: part {info.filename} inflates {info.file_size // max(info.compress_size, 1)}"
                " times its compressed size",
            )
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise CorruptDocument(name, f"zip bomb: parts declare over {MAX_TOTAL_BYTES:,} bytes in all")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    out = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                if len(out) > MAX_PART_BYTES:
                    raise CorruptDocument(
                        name, f"zip bomb: part {info.filename} inflates beyond {MAX_PART_BYTES:,} bytes"
                    )
    except CorruptDocument:
        raise
    except RuntimeError as exc:  # zipfile's way of saying "encrypted entry, no password"
        raise EncryptedDocument(name, f"part {info.filename} is encrypted: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise CorruptDocument(name, f"damaged ZIP archive: part {info.filename}: {exc}") from None
    return bytes(out)


def _check_no_declarations(blob: bytes, part: str, name: str) -> None:
    if any(marker in blob for marker in _XML_DECLARATIONS):
        raise CorruptDocument(
            name, f"part {part} declares a DOCTYPE or XML entities (refused: entity expansion attack)"
        )
