"""Zip bombs are refused from their central directory, before anything is inflated (issue 8)."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT
from transforms.archive import MAX_MEMBER_BYTES, check_archive, RefusedError
from transforms.extraction import FINAL_STATUSES, extract

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                 b'"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                 b'document.main+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def bomb_docx(body_bytes: int, unit: bytes = b"<w:p/>") -> bytes:
    """A valid DOCX whose document.xml inflates to body_bytes of tiny paragraphs (written in chunks)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W + b"><w:body>")
            chunk = unit * (1024 * 1024 // len(unit))
            for _ in range(body_bytes // len(chunk)):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return buf.getvalue()


def test_an_ordinary_docx_passes():
    check_archive(bomb_docx(200_000))


def test_a_member_declaring_too_much_is_refused_with_its_name():
    with pytest.raises(RefusedError, match="word/document.xml"):
        check_archive(bomb_docx(MAX_MEMBER_BYTES + 1024 * 1024))


def test_a_bomb_is_refused_as_final_and_not_retried():
    r = extract(bomb_docx(80 * 1024 * 1024), None, "bomba.docx")
    assert r.extraction_status == "refused" and r.extraction_status in FINAL_STATUSES
    assert r.extraction_error.startswith("archive_refused")


def _bomb_zip(name: str, first: tuple[str, bytes], member: str, body_bytes: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(*first)
        with z.open(member, "w", force_zip64=True) as fh:
            chunk = b" " * (1024 * 1024)
            for _ in range(body_bytes // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()


@pytest.mark.parametrize("name, first, member", [
    ("bomba.odt", ("mimetype", b"application/vnd.oasis.opendocument.text"), "content.xml"),
    ("bomba.ods", ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), "content.xml"),
    ("bomba.xlsx", ("[Content_Types].xml", CONTENT_TYPES), "xl/worksheets/sheet1.xml"),
])
def test_odt_ods_and_xlsx_bombs_are_refused_too(name, first, member):
    r = extract(_bomb_zip(name, first, member, 80 * 1024 * 1024), None, name)
    assert r.extraction_status == "refused" and "archive_refused" in r.extraction_error, (r.file_format, r.extraction_error)


def test_a_corrupt_archive_is_left_to_its_reader():
    check_archive(b"PK\x03\x04 not really a zip")


@pytest.mark.parametrize("size_mb, unit", [(1100, b"          "), (250, b"<w:p/>")])
def test_extracting_a_bomb_stays_under_300_mb(tmp_path, size_mb, unit):
    """The probe's bombs: 1.1 GB of one member, and 250 MB of tiny paragraphs; measured in a fresh process."""
    path = tmp_path / "bomba.docx"
    path.write_bytes(bomb_docx(size_mb * 1024 * 1024, unit))
    # peak RSS of the child's own address space (VmHWM; ru_maxrss would carry the forking test process's peak)
    code = ("import re, sys; from pathlib import Path; from transforms.extraction import extract; "
            "r = extract(Path(sys.argv[1]).read_bytes(), None, 'bomba.docx'); "
            "hwm = re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1); "
            "print(r.extraction_status, int(hwm) // 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    status, peak_mb = out.stdout.split()
    assert status == "refused" and int(peak_mb) < 300, (status, peak_mb, out.stderr[-2000:])
