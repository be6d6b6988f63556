"""Issue 4, "one strategy, one row": duplicates, format twins, re-saves and versions in the manifest."""
from __future__ import annotations

import io
import re
from collections import Counter, defaultdict

import pypdfium2 as pdfium
import pytest

from demo_web.documents import render
from demo_web.manifest import build_rows
from demo_web.model import build_web
from demo_web.texts import compose, plain_text

GROUP_FIELDS = ("duplicate_group", "twin_group", "resave_group")
FOOTER = re.compile(r"\s*–\s*strana \d+\s*$")


def _groups(rows: list[dict], field: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get(field):
            out[r[field]].append(r)
    return out


def _reachable(groups: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Groups whose every member a polite crawler stores."""
    return {g: m for g, m in groups.items() if all(r["expect_in_document_urls"] for r in m)}


def _counts(rows: list[dict]) -> dict[str, int]:
    versions = _reachable(_groups(rows, "version_group"))
    return {"twin": len(_reachable(_groups(rows, "twin_group"))),
            "resave": len(_reachable(_groups(rows, "resave_group"))),
            "version": len(versions),
            "version3": sum(1 for m in versions.values() if len(m) >= 3),
            "duplicate": len(_reachable(_groups(rows, "duplicate_group")))}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _jaccard(a: str, b: str, k: int = 5) -> float:
    wa, wb = _words(a), _words(b)
    sa = {tuple(wa[i:i + k]) for i in range(len(wa) - k + 1)}
    sb = {tuple(wb[i:i + k]) for i in range(len(wb) - k + 1)}
    return len(sa & sb) / len(sa | sb)


def _docs_by_url(web) -> dict[str, object]:
    return {s.base_url + d.url: d for s in web.sites for d in s.docs}


def extracted_text(doc) -> str:
    """The text a pipeline would extract (pypdfium2 / python-docx), page footers dropped, whitespace collapsed."""
    data = render(doc.spec)
    if doc.fmt == "pdf":
        pdf = pdfium.PdfDocument(data)
        try:
            pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        finally:
            pdf.close()
        text = " ".join(FOOTER.sub("", p.rstrip()).rstrip() for p in pages)
        footer = " ".join(compose(doc.spec).footer[:90].split())
        text = " ".join(text.split())
        return " ".join(text.replace(footer, " ").split()) if footer else text
    if doc.fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        return " ".join(" ".join(parts).split())
    raise AssertionError(doc.fmt)


@pytest.fixture(scope="module")
def rows8(web8):
    return build_rows(web8, hashes=False)


@pytest.fixture(scope="module")
def rows40(web40):
    return build_rows(web40, hashes=False)


def test_counts_in_the_default_web(rows40):
    c = _counts(rows40)
    print("default web dedup cases:", c)
    # strategies are a few per cent of the documents, so version chains are fewer than in a strategy-heavy web
    assert c["twin"] >= 15 and c["resave"] >= 10 and c["version"] >= 12 and c["version3"] >= 3
    assert c["duplicate"] >= 1


def test_counts_in_the_small_web(rows8):
    c = _counts(rows8)
    print("8-site web dedup cases:", c)
    assert c["twin"] >= 2 and c["resave"] >= 2 and c["version"] >= 2 and c["version3"] >= 1
    assert c["duplicate"] >= 1


def test_same_document_group_is_the_union_of_duplicates_twins_and_resaves(rows40):
    same = _groups(rows40, "same_document_group")
    assert all(len(m) >= 2 for m in same.values())
    for field in GROUP_FIELDS:
        for group, members in _groups(rows40, field).items():
            assert len(members) == 2, (field, group)
            assert len({m["same_document_group"] for m in members}) == 1 and members[0]["same_document_group"]
    grouped = {r["url"] for r in rows40 if any(r[f] for f in GROUP_FIELDS)}
    assert grouped == {r["url"] for r in rows40 if r["same_document_group"]}
    for r in rows40:  # versions are never the same document
        if r["version_group"] and r["same_document_group"]:
            others = [m for m in same[r["same_document_group"]] if m["version_group"] == r["version_group"]]
            assert all(m["version_rank"] == r["version_rank"] for m in others)
    for members in same.values():
        assert len({(m["title"], m["validity_from"], m["validity_to"]) for m in members}) == 1


def test_same_document_group_is_a_text_identity(web40, rows40):
    """Composed text is equal exactly within groups, and no two other documents share a text."""
    by_url = _docs_by_url(web40)
    by_text: dict[str, set] = defaultdict(set)
    for r in rows40:
        d = by_url.get(r["url"])
        if r["kind"] != "document" or d is None or d.fmt == "html" or r["site_id"] == "foreign":
            continue
        by_text[" ".join(plain_text(compose(d.spec)).split())].add(r["same_document_group"] or r["url"])
    assert all(len(keys) == 1 for keys in by_text.values())
    for group, members in _groups(rows40, "same_document_group").items():
        texts = {" ".join(plain_text(compose(by_url[m["url"]].spec)).split()) for m in members}
        assert len(texts) == 1, group


def test_group_members_have_the_same_extracted_text(web8, rows8):
    """pypdfium2 / python-docx text of every same_document_group member is equal up to whitespace."""
    by_url = _docs_by_url(web8)
    same = _groups(rows8, "same_document_group")
    kinds = Counter()
    for group, members in same.items():
        docs = [by_url[m["url"]] for m in members]
        texts = {extracted_text(d) for d in docs}
        assert len(texts) == 1, (group, [m["url"] for m in members])
        kinds.update(f for f in GROUP_FIELDS for m in members[:1] if any(x[f] for x in members))
    assert kinds["twin_group"] >= 2 and kinds["resave_group"] >= 2


def test_twins_come_from_different_tools(web8, rows8):
    by_url = _docs_by_url(web8)
    for group, members in _reachable(_groups(rows8, "twin_group")).items():
        pdf = next(by_url[m["url"]] for m in members if m["format"] == "pdf")
        docx_doc = next(by_url[m["url"]] for m in members if m["format"] == "docx")
        assert b"ReportLab" in render(pdf.spec)
        assert render(docx_doc.spec).startswith(b"PK")
        assert all(m["depth"] is not None and m["depth"] <= 4 for m in members)


def test_resaves_are_other_bytes_of_the_same_text(web8, rows8, web40, rows40):
    by_url = _docs_by_url(web8)
    for group, members in _groups(rows8, "resave_group").items():
        a, b = (by_url[m["url"]] for m in members)
        assert a.fmt == b.fmt == "pdf"
        da, db = render(a.spec), render(b.spec)
        assert da != db
        assert a.spec.profile != b.spec.profile
    cross = [m for m in _groups(rows40, "resave_group").values() if len({r["site_id"] for r in m}) == 2]
    same_site = [m for m in _groups(rows40, "resave_group").values() if len({r["site_id"] for r in m}) == 1]
    assert cross and same_site


def test_versions_differ_in_validity_and_text(web40, rows40):
    by_url = _docs_by_url(web40)
    for group, members in _groups(rows40, "version_group").items():
        assert len({m["site_id"] for m in members}) == 1
        assert len({m["municipality_code"] for m in members}) == 1
        ranked = sorted(members, key=lambda m: m["version_rank"])
        assert [m["version_rank"] for m in ranked] == list(range(1, len(members) + 1))
        validities = [(m["validity_from"], m["validity_to"]) for m in ranked]
        assert len(set(validities)) == len(validities), group
        assert validities == sorted(validities), group
        approvals = [m["approved_on"] for m in ranked]
        assert approvals == sorted(approvals) and len(set(approvals)) == len(approvals), group
        assert len({m["same_document_group"] for m in members if m["same_document_group"]}) == sum(
            1 for m in members if m["same_document_group"])
        texts = [plain_text(compose(by_url[m["url"]].spec)) for m in ranked]
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                assert _jaccard(texts[i], texts[j]) < 0.5, (group, i, j)
    for r in rows40:
        assert (r["version_rank"] is None) == (r["version_group"] is None)


def test_template_documents_differ_between_municipalities(web40):
    """Two towns' svozový kalendář / zápis / formulář are never text-identical."""
    seen: dict[str, str] = {}
    for s in web40.municipal:
        for d in s.docs:
            if d.spec.is_strategy or d.fmt == "html":
                continue
            text = " ".join(plain_text(compose(d.spec)).split())
            assert seen.setdefault(text, s.site_id) == s.site_id, d.spec.title


def test_dedup_groups_are_deterministic():
    a, b = build_rows(build_web(8), hashes=False), build_rows(build_web(8), hashes=False)
    fields = ("url", *GROUP_FIELDS, "same_document_group", "version_group", "version_rank")
    assert [tuple(r[f] for f in fields) for r in a] == [tuple(r[f] for f in fields) for r in b]
    wa, wb = build_web(8), build_web(8)
    da = next(d for s in wa.sites for d in s.docs if d.resave_group and d.spec.profile)
    db = next(d for s in wb.sites for d in s.docs if d.resave_group and d.spec.profile)
    render.cache_clear()
    first = render(da.spec)
    render.cache_clear()
    assert render(db.spec) == first
