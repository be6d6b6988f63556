"""A server-sent file name is kept as a bare name: no directories, no control characters (issue 8)."""
from __future__ import annotations

import pytest

from transforms.sniff import filename_from_disposition


@pytest.mark.parametrize("header, name", [
    ('attachment; filename="../../etc/passwd"', "passwd"),
    ("attachment; filename*=UTF-8''..%2F..%2Fstrategie%0A.pdf", "strategie.pdf"),
    ('attachment; filename="C:\\\\Dokumenty\\\\plan.pdf"', "plan.pdf"),
    ("attachment; filename=..", None),
    ('inline; filename="Strategický plán 2030.pdf"', "Strategický plán 2030.pdf"),
    ("attachment; filename*=UTF-8''Strategick%C3%BD%20pl%C3%A1n.pdf", "Strategický plán.pdf"),
    (None, None),
])
def test_file_names_from_content_disposition_are_bare_names(header, name):
    assert filename_from_disposition(header) == name
