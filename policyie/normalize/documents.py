"""PDF and Word (.docx) files → text, with the offset where each page starts.

Government reports and notices circulate as PDF and DOCX. Both are recognised by content, not by
name: a PDF by its ``%PDF-`` header, a DOCX by being a zip that holds ``word/document.xml``, whether
they come as a path, as bytes or on stdin. They are read by well-kept libraries, installed with the
optional extra ``documents`` (``pip install 'policyie[documents]'``):

* PDF through **pdfminer.six**. Measured against pypdf on Chinese PDFs (reportlab with the Adobe CID
  font STSong-Light and with an embedded TrueType subset; the Chinese invoice and the PDF with a
  non-Unicode CMap among pdfminer.six's samples), both gave the seeds' text in order, character for
  character, but only pdfminer.six decoded the two real files (pypdf read 黎荣 as 哾㦓), and only it
  gives each line's geometry, which is what tells a wrapped line from a paragraph end.
* DOCX through **python-docx**: one line per paragraph (table cells are paragraphs too; text boxes
  and the headers and footers are left out).

Text layout. A PDF gives one line per line of its text layer; a line that runs to the right margin
and is followed by one that is not indented (or, in a headline, by a centred line in the same size)
is joined to it, so that a sentence the page broke in two reads as one, across pages too (Chinese
without a space; Latin words with one). Page numbers (``— 3 —``, ``第3页``, ``3/12``), small print in
the top and bottom margins, and a header or footer repeated on most pages are left out.

Pages. `read` returns a `DocumentText`, a ``str`` whose ``pages`` lists where each page starts in
it. `policyie.normalize.normalise` maps them onto the cleaned text (``Normalised.pages``), and a
`Document` extracted from a PDF carries them as ``doc.page_starts`` (not a field of the record
contract, so not in its JSON). `page_at` turns an offset into a page number::

    >>> doc = extract(Path("report.pdf"))                              # doctest: +SKIP
    >>> page_at(doc, doc.officials[0].mentions[0].start)               # doctest: +SKIP
    3

A DOCX has pages only where Word recorded them when it last laid the file out
(``w:lastRenderedPageBreak``), else where it has hard page breaks.
"""

from __future__ import annotations

import bisect
import importlib
import io
import zipfile
from collections import Counter
from pathlib import Path

import regex

from policyie import lazy_pattern
from policyie.errors import InputError

# A PDF or DOCX carries images and fonts besides its text, so the file may be larger than a text
# article (policyie.normalize.decode.MAX_INPUT_BYTES); the text read from it is held to that limit.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
# The unpacked main part of a DOCX (a zip bomb is refused before it is unpacked).
MAX_DOCX_XML_BYTES = 256 * 1024 * 1024

EXTRA_HINT = "pip install 'policyie[documents]'"
_PDF_MAGIC = b"%PDF-"
_DOCX_PART = "word/document.xml"


class DocumentText(str):
    """The text read from a PDF or DOCX; ``pages`` are the offsets in it where each page starts
    (``pages[0] == 0``), empty when the file does not say; ``kind`` is ``pdf`` or ``docx``."""

    pages: list[int]
    kind: str

    def __new__(cls, text: str, pages: list[int], kind: str) -> DocumentText:
        self = super().__new__(cls, text)
        self.pages = pages
        self.kind = kind
        return self

    def __reduce__(self):
        return (DocumentText, (str(self), self.pages, self.kind))


# -- recognising ----------------------------------------------------------------------------------


def sniff(data: bytes) -> str | None:
    """``"pdf"``, ``"docx"`` or None, from the content."""
    head = data[:1024]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(_PDF_MAGIC):
        return "pdf"
    # The PDF specification lets the header come anywhere in the first 1024 bytes.
    if _PDF_MAGIC in head and b" obj" in data[:65536]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if _DOCX_PART in zf.namelist():
                    return "docx"
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            # A damaged zip: a DOCX all the same when its first entry names the Word part.
            if _DOCX_PART.encode() in data[:4096] or b"word/" in data[:256]:
                return "docx"
    return None


def sniff_file(path: Path) -> str | None:
    """`sniff` for a file too large to read whole before knowing what it is."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return None
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                return "docx" if _DOCX_PART in zf.namelist() else None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            return None
    return sniff(head)


# -- reading ---------------------------------------------------------------------------------------


def read(data: bytes, kind: str | None = None, origin: str = "input") -> DocumentText:
    """The text of a PDF or DOCX given as bytes; raises `InputError` with a reason a batch report can
    carry: ``needs-extra`` (the ``documents`` extra is not installed), ``too-large``, ``unreadable``
    (damaged or encrypted), ``empty`` (no text layer: a scan needs OCR first)."""
    from policyie.normalize.decode import MAX_INPUT_BYTES

    kind = kind or sniff(data)
    if kind not in ("pdf", "docx"):
        raise InputError(f"{origin}: neither a PDF nor a DOCX file", "type")
    name = "PDF" if kind == "pdf" else "DOCX"
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{origin}: {len(data):,} bytes; policyie reads {name} files up to {MAX_DOCUMENT_BYTES:,}", "too-large"
        )
    text, pages = _read_pdf(data, origin) if kind == "pdf" else _read_docx(data, origin)
    if not text.strip():
        hint = " (a scanned document needs OCR first)" if kind == "pdf" else ""
        raise InputError(f"{origin}: the {name} file has no text{hint}", "empty")
    if len(text) > MAX_INPUT_BYTES // 4 and (size := len(text.encode("utf-8", "surrogatepass"))) > MAX_INPUT_BYTES:
        raise InputError(f"{origin}: its text is {size:,} bytes as UTF-8; policyie reads articles up to {MAX_INPUT_BYTES:,}", "too-large")
    return DocumentText(text, pages, kind)


_DISTRIBUTION = {"pdfminer": "pdfminer.six", "docx": "python-docx"}


def _need(package: str, what: str, origin: str) -> None:
    try:
        importlib.import_module(package)
    except ImportError:
        name = _DISTRIBUTION.get(package, package)
        raise InputError(f"{origin}: reading {what} files needs {name}: {EXTRA_HINT}", "needs-extra") from None


def page_at(doc_or_normalised: object, offset: int) -> int | None:
    """The page (1-based) on which ``offset`` of ``Document.text`` (or ``Normalised.text``) lies;
    None when the source had no pages (text, HTML, a DOCX without recorded page breaks)."""
    starts = getattr(doc_or_normalised, "pages", None)
    if not isinstance(starts, list):
        starts = getattr(doc_or_normalised, "page_starts", None)
    if not starts:
        return None
    return max(1, bisect.bisect_right(starts, offset))


def text_pages(raw_pages: list[int], offsets: list[int]) -> list[int]:
    """Page starts in the raw text → in the cleaned text, through its offset map (``offsets[i]`` = raw
    index of cleaned character ``i``; non-decreasing)."""
    return [bisect.bisect_left(offsets, r, 0, max(len(offsets) - 1, 0)) for r in raw_pages]


# -- PDF --------------------------------------------------------------------------------------------

# What a page number looks like on its own line: 3, - 3 -, — 3 —, 第3页, 第 3 页 共 12 页, 3/12, Page 3.
_PAGE_NUMBER = lazy_pattern.compile(
    r"^[\s\-—–－·•]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*(?:/|of)\s*\d+|(?:page|Page|PAGE)\s*\d+|\d{1,4})[\s\-—–－·•]*$"
)
_CID = lazy_pattern.compile(r"\(cid:\d+\)")
_SENTENCE_END = lazy_pattern.compile(r"[。！？；：!?;:][”’」』）)]*$")
_LATIN_END = lazy_pattern.compile(r"[A-Za-z0-9,;:.)]$")
_LATIN_START = lazy_pattern.compile(r"^[A-Za-z0-9(]")


class _Line:
    __slots__ = ("text", "x0", "x1", "y0", "y1", "height", "top")

    def __init__(self, text: str, box, top: float) -> None:
        self.text, self.x0, self.x1, self.y0, self.y1 = text, box.x0, box.x1, box.y0, box.y1
        self.height = max(box.height, 1.0)
        self.top = top  # the page's height


def _read_pdf(data: bytes, origin: str) -> tuple[str, list[int]]:
    _need("pdfminer", "PDF", origin)
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    pages: list[list[_Line]] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
            lines: list[_Line] = []
            for box in layout:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if not isinstance(line, LTTextLine):
                        continue
                    text = _CID.sub("\ufffd", line.get_text()).strip()
                    if text:
                        lines.append(_Line(text, line, layout.height))
            pages.append(lines)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001  (pdfminer raises many kinds on a damaged or encrypted file)
        kind = type(exc).__name__
        what = "is encrypted" if "Password" in kind or "Encrypt" in kind else "cannot be read as a PDF"
        raise InputError(f"{origin}: {what} ({kind}: {exc})"[:300], "unreadable") from None
    _drop_running_lines(pages)
    return _lay_out(pages)


def _drop_running_lines(pages: list[list[_Line]]) -> None:
    """Page numbers, lines in smaller print in the top or bottom margin, and a header or footer that
    recurs at the top or bottom of most pages."""
    for lines in pages:
        lines[:] = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text)]
        if lines:
            body = Counter(round(ln.height) for ln in lines).most_common(1)[0][0]
            lines[:] = [ln for ln in lines if not _in_margin(ln, body)]
    if len(pages) < 2:
        return
    edge: Counter[str] = Counter()
    for lines in pages:
        edge.update({_shape(ln.text) for ln in lines[:2] + lines[-2:]})
    need = max(2, (len(pages) + 1) // 2)
    running = {s for s, n in edge.items() if n >= need}
    if running:
        for lines in pages:
            keep_from, keep_to = 0, len(lines)
            while keep_from < keep_to and keep_from < 2 and _shape(lines[keep_from].text) in running:
                keep_from += 1
            while keep_to > keep_from and len(lines) - keep_to < 2 and _shape(lines[keep_to - 1].text) in running:
                keep_to -= 1
            lines[:] = lines[keep_from:keep_to]


def _in_margin(ln: _Line, body_height: float) -> bool:
    return ln.height < 0.9 * body_height and (ln.y0 > 0.9 * ln.top or ln.y1 < 0.08 * ln.top)


def _shape(text: str) -> str:
    return regex.sub(r"\d+", "#", regex.sub(r"\s+", "", text))


def _lay_out(pages: list[list[_Line]]) -> tuple[str, list[int]]:
    """Lines → text: a newline after each line, except where the line ran to the right margin and the
    next one is not indented (a sentence the page broke, even across pages)."""
    parts: list[str] = []
    size = 0
    starts: list[int] = []
    prev: _Line | None = None
    prev_reaches = False
    # The text block's margins, from all pages: a last page with only a signature block has none of its own.
    every = [ln for lines in pages for ln in lines]
    left = min((ln.x0 for ln in every), default=0.0)
    right = max((ln.x1 for ln in every), default=0.0)
    for lines in pages:
        starts.append(size)
        for ln in lines:
            if prev is not None:
                indented = ln.x0 - left >= 0.8 * ln.height
                # a wrapped headline: its next line is centred, in the same size, after no full stop
                centred = (
                    indented
                    and abs((ln.x0 - left) - (right - ln.x1)) <= ln.height
                    and abs(ln.height - prev.height) <= 0.1 * prev.height
                    and not _SENTENCE_END.search(prev.text)
                )
                if prev_reaches and (not indented or centred):
                    sep = " " if _LATIN_END.search(prev.text) and _LATIN_START.search(ln.text) else ""
                else:
                    sep = "\n"
                parts.append(sep)
                size += len(sep)
            if ln is lines[0] and prev is not None:
                starts[-1] = size  # the page starts with its first line, wherever the separator went
            parts.append(ln.text)
            size += len(ln.text)
            prev = ln
            prev_reaches = ln.x1 >= right - 2.0 * ln.height and ln.x1 - ln.x0 >= 0.5 * (right - left)
    return "".join(parts), starts


# -- DOCX -------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not the body's: alternative renderings, text boxes, deleted text, fields' codes.
_SKIP = {_MC_FALLBACK, _W + "txbxContent", _W + "del", _W + "instrText", _W + "rPr", _W + "pPr"}


def _read_docx(data: bytes, origin: str) -> tuple[str, list[int]]:
    _need("docx", "DOCX", origin)
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo(_DOCX_PART)
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise InputError(f"{origin}: its {_DOCX_PART} unpacks to {info.file_size:,} bytes", "too-large")
        body = docx.Document(io.BytesIO(data)).element.body
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001  (zip, XML and package errors alike mean a damaged file)
        raise InputError(f"{origin}: cannot be read as a DOCX file ({type(exc).__name__}: {exc})"[:300], "unreadable") from None
    walker = _DocxText()
    walker.block(body)
    return walker.text(), walker.pages()


class _DocxText:
    """A paragraph per line, in body order; page breaks as offsets."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0  # length of the text so far, separators included
        self.rendered: list[int] = []
        self.hard: list[int] = []
        self._cur: list[str] = []

    def block(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child)
            elif tag in (_W + "tbl", _W + "tr", _W + "tc", _W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.block(child)

    def paragraph(self, p) -> None:
        if self.lines:
            self.size += 1  # the newline before this paragraph
        self._cur = []
        ppr = p.find(_W + "pPr")
        if ppr is not None and ppr.find(_W + "pageBreakBefore") is not None:
            self._break(self.hard)
        self._inline(p)
        line = "".join(self._cur)
        self.lines.append(line)
        self.size += len(line)

    def _inline(self, el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                self._cur.append(child.text or "")
            elif tag == _W + "tab":
                self._cur.append("\t")
            elif tag == _W + "br":
                if child.get(_W + "type") == "page":
                    self._break(self.hard)
                elif child.get(_W + "type") != "column":
                    self._cur.append("\n")
            elif tag == _W + "cr":
                self._cur.append("\n")
            elif tag == _W + "noBreakHyphen":
                self._cur.append("-")
            elif tag == _W + "lastRenderedPageBreak":
                self._break(self.rendered)
            else:
                self._inline(child)

    def _break(self, into: list[int]) -> None:
        into.append(self.size + sum(len(s) for s in self._cur))

    def text(self) -> str:
        return "\n".join(self.lines)

    def pages(self) -> list[int]:
        breaks = self.rendered or self.hard
        if not breaks:
            return []
        out = [0]
        for b in breaks:
            if b > out[-1]:
                out.append(b)
        return out
