"""PDF and DOCX input: a real PDF (reportlab, Adobe CID font STSong-Light) and a real DOCX (python-docx)
made here from seed articles give the same records as the seeds' text; pages stay reachable from
offsets; without the ``documents`` extra the error names it."""

from __future__ import annotations

import bisect
import io
import json
import pickle
import sys
from pathlib import Path

import pytest

from policyie import InputError, extract
from policyie.cli import main
from policyie.normalize import normalise
from policyie.normalize.documents import page_at, read, sniff
from policyie.sources import iter_sources

pytest.importorskip("pdfminer", reason="the documents extra (pdfminer.six) is not installed")
docx = pytest.importorskip("docx", reason="the documents extra (python-docx) is not installed")
pytest.importorskip("reportlab", reason="reportlab (test extra) makes the PDFs")

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIELDS = ("officials", "places", "dates", "meetings", "slogans")


def without_offsets(value):
    """Records with every offset taken out (mention spans keep their text)."""
    if isinstance(value, dict):
        return {k: without_offsets(v) for k, v in value.items() if k not in ("start", "end")}
    if isinstance(value, list):
        return [without_offsets(v) for v in value]
    return value


def records(doc) -> dict:
    d = doc.to_dict()
    return {f: without_offsets(d[f]) for f in FIELDS}


def make_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A typeset A4 report: centred headline, indented wrapped paragraphs, running header, page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def furniture(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(72, A4[1] - 40, "北京市人民政府公报")
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    buf = io.BytesIO()
    head = ParagraphStyle("h", fontName="STSong-Light", fontSize=18, leading=26, alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK")
    story = [Paragraph(title, head)] + [Paragraph(p, body) for p in paragraphs]
    SimpleDocTemplate(buf, pagesize=A4, title=title).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


def make_docx(title: str, paragraphs: list[str], page_break_after: int | None = None) -> bytes:
    from docx.shared import Pt

    d = docx.Document()
    d.add_heading(title, level=1)
    for i, p in enumerate(paragraphs):
        d.add_paragraph(p).paragraph_format.first_line_indent = Pt(24)
        if i == page_break_after:
            d.add_page_break()
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def seed_docs():
    return {p.stem: extract(p) for p in SEEDS}


def test_sniff_by_content() -> None:
    pdf = make_pdf("标题", ["市委书记到通州区调研。"])
    assert sniff(pdf) == "pdf" and sniff(make_docx("标题", ["正文。"])) == "docx"
    assert sniff("市委书记到通州区调研。".encode()) is None
    assert sniff(b"PK\x03\x04" + b"\x00" * 40) is None  # a zip that is no Word file


@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_pdf_gives_the_records_of_the_text(seed: str, seed_docs) -> None:
    ref = seed_docs[seed]
    pdf = make_pdf(ref.title, ref.text.split("\n"))
    doc = extract(pdf, published=ref.published, source_name=ref.source)
    assert doc.title == ref.title
    assert records(doc) == records(ref)
    for span in doc.spans():
        assert doc.text[span.start : span.end] == span.text
    # one line per paragraph: the lines the page broke inside sentences are joined again
    assert doc.text.count("\n") == ref.text.count("\n")
    # header and page numbers are not text
    assert "人民政府公报" not in doc.text and "—" not in doc.text.replace("——", "")


def test_pdf_pages_from_offsets(seed_docs) -> None:
    ref = seed_docs["003_9199964eb3750e0c"]  # the longest seed: several pages
    pdf = make_pdf(ref.title, ref.text.split("\n"))
    raw = read(pdf)
    from pdfminer.pdfpage import PDFPage

    n_pages = sum(1 for _ in PDFPage.get_pages(io.BytesIO(pdf)))
    assert n_pages >= 2 and len(raw.pages) == n_pages and raw.pages[0] == 0
    doc = extract(pdf, published=ref.published, source_name=ref.source)
    assert page_at(doc, 0) == 1 and page_at(doc, len(doc.text) - 1) == n_pages
    norm = normalise(pdf)
    assert norm.pages == doc.page_starts and page_at(norm, len(norm.text) - 1) == n_pages
    # every page start in the clean text is where that page's text begins in the raw text
    for raw_start, start in zip(raw.pages[1:], doc.page_starts[1:], strict=True):
        assert doc.text[start : start + 12] == raw[raw_start : raw_start + 12]
    # each record's page is the page its text came from in the PDF
    pages = set()
    for span in doc.spans():
        page = page_at(doc, span.start)
        assert page == bisect.bisect_right(raw.pages, norm.offsets[span.start])
        pages.add(page)
    assert pages == set(range(1, n_pages + 1))
    # text and HTML have no pages
    assert page_at(seed_docs["000_1e2ebc8b0ca31d1f"], 0) is None


@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_docx_gives_the_records_of_the_text(seed: str, seed_docs) -> None:
    ref = seed_docs[seed]
    paragraphs = ref.text.split("\n")
    data = make_docx(ref.title, paragraphs)
    doc = extract(data, published=ref.published, source_name=ref.source)
    assert doc.title == ref.title
    assert records(doc) == records(ref)
    assert doc.text.count("\n") == ref.text.count("\n")  # a paragraph per DOCX paragraph
    assert page_at(doc, 0) is None  # python-docx lays nothing out: no pages recorded


def test_docx_page_breaks() -> None:
    paragraphs = ["10月26日上午，市委书记蔡奇到通州区调研。", "蔡奇强调，要推动高质量发展。", "市领导殷勇参加调研。"]
    doc = extract(make_docx("蔡奇到通州区调研", paragraphs, page_break_after=1), published="2022-10-27")
    assert page_at(doc, doc.text.index("蔡奇强调")) == 1
    assert page_at(doc, doc.text.index("市领导")) == 2


def test_files_and_folders_by_content_not_suffix(tmp_path: Path, seed_docs) -> None:
    ref = seed_docs["002_a89ed202fbb261d6"]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report").write_bytes(make_pdf(ref.title, ref.text.split("\n")))  # no suffix at all
    (folder / "notice.dat").write_bytes(make_docx(ref.title, ref.text.split("\n")))
    for name in ("report", "notice.dat"):
        doc = extract(folder / name, published=ref.published, source_name=ref.source)
        assert doc.id == Path(name).stem and records(doc) == records(ref)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "-q", "--published", "2021-10-27"]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["id"] for d in docs) == ["notice", "report"]
    assert all(d["title"] == ref.title and d["officials"] for d in docs)


def test_stdin_pdf(seed_docs) -> None:
    ref = seed_docs["002_a89ed202fbb261d6"]
    pdf = make_pdf(ref.title, ref.text.split("\n"))
    (item,) = list(iter_sources(["-"], stdin=io.BytesIO(pdf)))
    doc = extract(item["text"], published=ref.published, source_name=ref.source)
    assert records(doc) == records(ref) and doc.page_starts == extract(pdf).page_starts
    copy = pickle.loads(pickle.dumps(item["text"]))  # as it travels to a worker process (-j 2)
    assert copy == item["text"] and copy.pages == item["text"].pages


def test_document_files_may_be_larger_than_a_text_article(tmp_path: Path, monkeypatch) -> None:
    import policyie.normalize.decode as decode

    pdf = make_pdf("蔡奇到通州区调研", ["10月26日上午，市委书记蔡奇到通州区调研。"])
    monkeypatch.setattr(decode, "MAX_INPUT_BYTES", len(pdf) - 1)  # the file is over the limit, its text is not
    (tmp_path / "a.pdf").write_bytes(pdf)
    (tmp_path / "a.txt").write_bytes("市委书记蔡奇到通州区调研。".encode() * (len(pdf) // 30 + 1))
    assert extract(tmp_path / "a.pdf").officials[0].name == "蔡奇"
    with pytest.raises(InputError) as info:
        extract(tmp_path / "a.txt")
    assert info.value.reason == "too-large"


def _without(monkeypatch, package: str) -> None:
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")] + [package]:
        monkeypatch.setitem(sys.modules, name, None)  # import now raises ImportError


@pytest.mark.parametrize("package, maker", [("pdfminer", "pdf"), ("docx", "docx")])
def test_missing_extra_names_it(monkeypatch, package: str, maker: str) -> None:
    data = make_pdf("标题", ["市委书记到通州区调研。"]) if maker == "pdf" else make_docx("标题", ["市委书记到通州区调研。"])
    _without(monkeypatch, package)
    with pytest.raises(InputError) as info:
        extract(data)
    assert info.value.reason == "needs-extra"
    assert "pip install 'policyie[documents]'" in str(info.value)


def test_pdf_bytes_without_extra_are_not_read_as_text(monkeypatch, tmp_path: Path) -> None:
    data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + "市委书记到通州区调研。".encode() * 20
    _without(monkeypatch, "pdfminer")
    with pytest.raises(InputError) as info:
        extract(data)
    assert info.value.reason == "needs-extra" and "policyie[documents]" in str(info.value)
    path = tmp_path / "notice.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        extract(path)
    assert info.value.reason == "needs-extra" and str(path) in str(info.value)


def test_damaged_and_scanned_pdfs_say_why() -> None:
    with pytest.raises(InputError) as info:
        extract(b"%PDF-1.4\n%garbage\n" + "市委书记到通州区调研。".encode() * 20)
    assert info.value.reason == "unreadable"
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.rect(100, 100, 200, 200)  # a page with no text layer, as a scan has
    page.showPage()
    page.save()
    with pytest.raises(InputError) as info:
        extract(buf.getvalue())
    assert info.value.reason == "empty" and "OCR" in str(info.value)
    data = make_docx("标题", ["市委书记到通州区调研。"] * 20)
    with pytest.raises(InputError) as info:
        extract(data[: len(data) // 2])  # a truncated DOCX is a damaged DOCX, not binary text
    assert info.value.reason == "unreadable" and "DOCX" in str(info.value)
