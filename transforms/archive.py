"""Zip-based documents (DOCX, XLSX, ODT, ODS) are opened only after their central directory passes size limits.

A zip bomb is a small file whose members expand to gigabytes (a 1 MB DOCX of 1 GB of XML, or 250 MB of tiny
paragraphs that a DOM parser turns into gigabytes of objects). ``check_archive(data)`` reads only the central
directory (no member is inflated) and refuses an archive whose members declare more than MAX_MEMBER_BYTES each or
MAX_TOTAL_BYTES together, compress better than MAX_RATIO (for members above RATIO_FROM_BYTES), or number more than
MAX_MEMBERS. Declared sizes bound what inflation can produce: Python's zipfile never returns more than a member's
declared size (a member that lies about it fails its CRC check). The refusal is final for these bytes: a changed
file is a new document and is tried again.
"""
from __future__ import annotations

import io
import zipfile

from transforms.textnorm import ExtractionError

MAX_MEMBER_BYTES = 64 * 1024 * 1024     # the largest real document.xml / content.xml / sheet seen is a few MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024     # embedded images included
MAX_RATIO = 100                         # real XML deflates 5-20x; a bomb 1,000x
RATIO_FROM_BYTES = 1024 * 1024          # small members may compress extremely (empty styles), harmlessly
MAX_MEMBERS = 10_000


class RefusedError(ExtractionError):
    """A file over a safety limit: recorded with the reason, never retried for the same bytes."""


def check_archive(data: bytes) -> None:
    """Raise RefusedError when the archive's declared sizes say it is a bomb; corrupt archives pass through
    (their reader reports them)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(members) > MAX_MEMBERS:
        raise RefusedError("archive_refused", f"{len(members)} members > limit {MAX_MEMBERS}")
    total = 0
    for m in members:
        total += m.file_size
        if m.file_size > MAX_MEMBER_BYTES:
            raise RefusedError("archive_refused", f"member {m.filename} declares {m.file_size:,} bytes "
                               f"> limit {MAX_MEMBER_BYTES:,}")
        if m.file_size > RATIO_FROM_BYTES and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise RefusedError("archive_refused", f"member {m.filename} expands {m.file_size / max(m.compress_size, 1):,.0f}x "
                               f"> limit {MAX_RATIO}x (a zip bomb)")
    if total > MAX_TOTAL_BYTES:
        raise RefusedError("archive_refused", f"members declare {total:,} bytes together > limit {MAX_TOTAL_BYTES:,}")
