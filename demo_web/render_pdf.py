"""PDF rendering with reportlab: a real Czech text layer (DejaVu TTF), a title page whose title
is set in the largest font, and the trap variants (encrypted, image-only, corrupt, oversized).

`invariant=1` keeps bytes identical between runs, which the manifest's sha256 relies on.
"""
from __future__ import annotations

import io
import random
from functools import lru_cache

from reportlab.lib.pagesizes import A4, A5, letter
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .texts import Content

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
TITLE_SIZE, ORG_SIZE, COVER_SIZE, HEAD_SIZE, BODY_SIZE = 24, 14, 12, 13, 10.5
MARGIN = 64
USER_PASSWORD = "heslo123"  # the encrypted_pdf trap; tests open it with this
OVERSIZED_BYTES = 12 * 1024 * 1024


# Re-save profiles: the same Content written again by another tool / with other page settings.
# name -> (page size, margin, body size, title size, producer, creator, creation date or None = invariant)
PROFILES: dict[str, tuple] = {
    "": (A4, MARGIN, BODY_SIZE, TITLE_SIZE, None, None, None),
    "word2016": (A4, 72, 11.0, 22, "Microsoft® Word 2016", "Microsoft® Word 2016", (2021, 3, 4, 10, 12, 55)),
    "libreoffice": (A4, 56, 10.0, 24, "LibreOffice 7.5", "Writer", (2022, 11, 17, 14, 2, 9)),
    "letter": (letter, 60, 11.5, 26, "PDFCreator 4.2.0", "PDFCreator", (2023, 5, 30, 8, 45, 0)),
    "a5_print": (A5, 40, 9.0, 18, "Adobe PDF Library 17.11", "Acrobat PDFMaker 17 pro Word", (2024, 1, 9, 16, 20, 31)),
}


@lru_cache(maxsize=1)
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, f"{FONT_DIR}/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont(BOLD, f"{FONT_DIR}/DejaVuSans-Bold.ttf"))


def _layout(content: Content, profile: str = "") -> list[list[tuple[str, float, str, float]]]:
    """Pages of (font, size, text, x) lines; shared by the text and the image-only renderer."""
    pagesize, MARGIN, BODY_SIZE, TITLE_SIZE = PROFILES[profile][:4]
    width = pagesize[0] - 2 * MARGIN
    pages: list[list[tuple[str, float, str, float]]] = []
    cover = [(REGULAR, ORG_SIZE, content.org_line, MARGIN), (REGULAR, COVER_SIZE - 1, content.place_line, MARGIN),
             (REGULAR, 6, "", MARGIN), (REGULAR, 40, "", MARGIN)]
    for line in simpleSplit(content.title, BOLD, TITLE_SIZE, width):
        cover.append((BOLD, TITLE_SIZE, line, MARGIN))
    cover.append((REGULAR, 20, "", MARGIN))
    for c in content.cover_lines:
        for line in simpleSplit(c, REGULAR, COVER_SIZE, width):
            cover.append((REGULAR, COVER_SIZE, line, MARGIN))
    pages.append(cover)
    current: list[tuple[str, float, str, float]] = []
    used = 0.0
    limit = pagesize[1] - 2 * MARGIN - 20

    def add(font: str, size: float, text: str, indent: float = 0.0) -> None:
        nonlocal current, used
        step = size * 1.45
        if used + step > limit:
            pages.append(current)
            current, used = [], 0.0
        current.append((font, size, text, MARGIN + indent))
        used += step

    for head, paras in content.sections:
        if head:
            add(BOLD, HEAD_SIZE, head)
        for p in paras:
            for line in simpleSplit(p, REGULAR, BODY_SIZE, width):
                add(REGULAR, BODY_SIZE, line)
            add(REGULAR, 4, "")
    if content.table:
        add(BOLD, HEAD_SIZE, "Přehled projektů")
        for row in content.table:  # a row wraps within the margins, cells in reading order
            font = BOLD if row is content.table[0] else REGULAR
            for k, line in enumerate(simpleSplit("   |   ".join(row), font, BODY_SIZE - 1, width - 14)):
                add(font, BODY_SIZE - 1, line, 14.0 if k else 0.0)
            add(REGULAR, 2, "")
    if current:
        pages.append(current)
    return pages


def _draw_pages(c: canvas.Canvas, pages, footer: str, profile: str = "") -> None:
    pagesize, MARGIN = PROFILES[profile][:2]
    for no, lines in enumerate(pages, start=1):
        y = pagesize[1] - MARGIN
        for font, size, text, x in lines:
            y -= size * 1.45
            if text:
                c.setFont(font, size)
                c.drawString(x, y, text)
        c.setFont(REGULAR, 8)
        c.drawString(MARGIN, 30, f"{footer[:90]}   –   strana {no}")
        c.showPage()


def _page_images(pages, scale: float = 1.4):
    """The layout rasterised with PIL: what a scanner would give (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    w, h = int(A4[0] * scale), int(A4[1] * scale)
    fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}
    out = []
    for lines in pages:
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        y = MARGIN * scale
        for font, size, text, x in lines:
            y += size * 1.45 * scale
            if text:
                key = (font, size)
                if key not in fonts:
                    fonts[key] = ImageFont.truetype(f"{FONT_DIR}/{font}.ttf", int(size * scale))
                draw.text((x * scale, y - size * scale), text, fill=0, font=fonts[key])
        out.append(img)
    return out


def render_pdf(content: Content, variant: str, seed: int, meta_title: str | None, author: str,
               subject: str = "", profile: str = "") -> bytes:
    """PDF bytes of `content`; `variant` selects a trap (normal, encrypted, image_only, corrupt, oversized),
    `profile` a re-save profile (PROFILES: page size, margins, font sizes, producer, creation date)."""
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: smaller, and the 12 MB raster renders in under a second
    try:
        return _render_pdf(content, variant, seed, meta_title, author, subject, profile)
    finally:
        rl_config.useA85 = saved


def _render_pdf(content: Content, variant: str, seed: int, meta_title: str | None, author: str,
                subject: str, profile: str = "") -> bytes:
    register_fonts()
    buf = io.BytesIO()
    kwargs = {}
    if variant == "encrypted":
        from reportlab.lib.pdfencrypt import StandardEncryption

        kwargs["encrypt"] = StandardEncryption(USER_PASSWORD, ownerPassword="vlastnik-" + USER_PASSWORD,
                                               canPrint=1, strength=128)
    pagesize, _m, _b, _t, producer, creator, stamp = PROFILES[profile]
    c = canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1, **kwargs)
    c.setTitle(meta_title or "")
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator(creator or ("Microsoft Word" if (meta_title or "").startswith("Microsoft Word") else "demo_web"))
    if producer:
        c.setProducer(producer)
    if stamp:  # a fixed, profile-specific creation date (still deterministic)
        c._doc._timeStamp.YMDhms = stamp
    pages = _layout(content, profile)
    if variant == "image_only":
        for img in _page_images(pages):
            c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
            c.showPage()
    else:
        _draw_pages(c, pages, content.footer, profile)
    if variant == "oversized":
        from PIL import Image

        rng = random.Random(seed)
        side = int((OVERSIZED_BYTES + 200_000) ** 0.5) + 1
        noise = Image.frombytes("L", (side, side), rng.randbytes(side * side))
        c.setFont(REGULAR, 12)
        c.drawString(MARGIN, A4[1] - MARGIN, "Grafická část – hlavní výkres (rastr 1:5000)")
        c.drawImage(ImageReader(noise), MARGIN, MARGIN, width=A4[0] - 2 * MARGIN, height=A4[0] - 2 * MARGIN)
        c.showPage()
    c.save()
    data = buf.getvalue()
    if variant == "corrupt":
        rng = random.Random(seed)
        cut = data[: int(len(data) * 0.55)]
        mid = len(cut) // 2
        data = cut[:mid] + rng.randbytes(512) + cut[mid + 512:]
    return data
