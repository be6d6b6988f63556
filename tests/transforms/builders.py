"""Builders of test documents (reportlab PDFs with DejaVu for Czech glyphs, python-docx files)."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus" / "dev"

CZECH = ("Žluťoučký kůň úpěl ďábelské ódy. Obec Kněžice schválila strategii rozvoje na roky 2024 až 2030, "
         "která řeší dopravu, veřejné osvětlení, odpady a digitalizaci úřadu.")


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not FONT_PATH.exists():
        pytest.skip("DejaVuSans.ttf not installed")
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_PATH)))
    return "DejaVu"


def make_pdf(pages: list[list[tuple[float, str]]] | None = None, title_meta: str | None = None,
             heading: str | None = None, encrypt: str | None = None) -> bytes:
    """pages: per page a list of (font size, line); heading drawn big at the top of page 1."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    if title_meta:
        c.setTitle(title_meta)
    c.setAuthor("Jan Novák")
    pages = pages or [[(11, CZECH)]]
    for i, lines in enumerate(pages):
        y = 800
        if i == 0 and heading:
            c.setFont(font, 22)
            c.drawString(60, y, heading)
            y -= 40
        for size, line in lines:
            c.setFont(font, size)
            c.drawString(60, y, line)
            y -= size * 1.6
        c.showPage()
    c.save()
    return buf.getvalue()


def body_lines(n: int = 12, page: int = 1) -> list[tuple[float, str]]:
    words = CZECH.split()
    return [(11, f"Strana {page}, řádek {i}: " + " ".join(words[i % 5: i % 5 + 9])) for i in range(n)]


def make_image_pdf(text: str = "Naskenovaný dokument obce") -> bytes:
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (1200, 1600), "white")
    d = ImageDraw.Draw(img)
    for i in range(20):
        d.text((80, 80 + i * 60), f"{text} {i}", fill="black")
    ib = io.BytesIO()
    img.save(ib, format="PNG")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(ib.getvalue())), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


def make_docx(title: str | None = "Strategie rozvoje obce Kněžice") -> bytes:
    import docx

    d = docx.Document()
    if title:
        d.core_properties.title = title
    d.core_properties.author = "Marie Dvořáková"
    d.add_heading("Plán odpadového hospodářství", level=1)
    d.add_paragraph("Obec zajišťuje svoz tříděného odpadu: papír, plasty, sklo a kovy.")
    d.add_paragraph("Příspěvek občanů činí 600 Kč ročně; ůřední hodiny ve středu.")
    t = d.add_table(rows=2, cols=3)
    for r, row in enumerate([("Druh", "Četnost", "Den"), ("Směsný odpad", "týdně", "středa")]):
        for ci, val in enumerate(row):
            t.cell(r, ci).text = val
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_odt(paragraphs: list[str], title: str | None = None, heading: str | None = None) -> bytes:
    from xml.sax.saxutils import escape

    body = ""
    if heading:
        body += f'<text:h text:outline-level="1">{escape(heading)}</text:h>'
    body += "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    body += ('<table:table><table:table-row><table:table-cell><text:p>Položka</text:p></table:table-cell>'
             '<table:table-cell><text:p>Cena</text:p></table:table-cell></table:table-row></table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">'
        f"<office:meta>{f'<dc:title>{escape(title)}</dc:title>' if title else ''}"
        "<meta:initial-creator>Petr Černý</meta:initial-creator>"
        '<meta:document-statistic meta:page-count="2"/></office:meta></office:document-meta>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("meta.xml", meta)
    return buf.getvalue()


def corpus_files(fmt: set[str]) -> list[tuple[Path, dict]]:
    labels = CORPUS / "labels.jsonl"
    if not labels.exists():
        pytest.skip("../shared/corpus/dev is not present beside the checkout")
    out = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["format"] in fmt:
            out.append((CORPUS / "documents" / d["folder"] / d["file"], d))
    return out
