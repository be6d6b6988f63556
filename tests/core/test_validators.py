"""The validators store: what the next crawl may ask conditionally, written once per crawl (issue 9)."""
from __future__ import annotations

from core.validators import Known, Validators


def _known(url: str, sha: str = "ab" * 32) -> Known:
    return Known(url, '"e1"', "Tue, 03 Nov 2026 10:00:00 GMT", sha, "application/pdf", None, "document")


def test_what_a_crawl_learned_is_there_for_the_next_one(tmp_path):
    v = Validators(tmp_path / "validators.sqlite")
    v.remember(_known("http://127.0.0.1:1/a.pdf"))
    v.close()
    again = Validators(tmp_path / "validators.sqlite")
    k = again.get("http://127.0.0.1:1/a.pdf")
    assert k == _known("http://127.0.0.1:1/a.pdf")
    assert k.conditional_headers() == {"If-None-Match": '"e1"', "If-Modified-Since": "Tue, 03 Nov 2026 10:00:00 GMT"}
    assert again.get("http://127.0.0.1:1/other.pdf") is None


def test_a_killed_crawl_loses_only_what_it_learned(tmp_path):
    v = Validators(tmp_path / "validators.sqlite")
    v.remember(_known("http://127.0.0.1:1/a.pdf"))
    v.close()
    killed = Validators(tmp_path / "validators.sqlite")
    killed.remember(_known("http://127.0.0.1:1/b.pdf"))  # never flushed: the process died
    after = Validators(tmp_path / "validators.sqlite")
    assert after.get("http://127.0.0.1:1/a.pdf") is not None and after.get("http://127.0.0.1:1/b.pdf") is None


def test_a_forgotten_url_is_asked_in_full_next_time(tmp_path):
    v = Validators(tmp_path / "validators.sqlite")
    v.remember(_known("http://127.0.0.1:1/a.pdf"))
    v.flush()
    v.forget("http://127.0.0.1:1/a.pdf")
    v.close()
    assert Validators(tmp_path / "validators.sqlite").get("http://127.0.0.1:1/a.pdf") is None


def test_a_site_is_read_at_once_and_never_mixed_with_a_site_of_a_similar_name(tmp_path):
    urls = ["http://obec.cz/a.pdf", "http://obec.cz/dokumenty/b.pdf", "http://obec.cz.example/a.pdf",
            "http://obec.cz:8080/a.pdf", "https://obec.cz/a.pdf"]
    v = Validators(tmp_path / "validators.sqlite")
    for i, url in enumerate(urls):
        v.remember(_known(url, sha=f"{i:064x}"))
    v.close()
    again = Validators(tmp_path / "validators.sqlite")
    assert [again.get(u).sha256 for u in urls] == [f"{i:064x}" for i in range(len(urls))]
    assert again.get("http://obec.cz/c.pdf") is None and again.get("http://obec.c/a.pdf") is None


def test_a_bare_host_without_a_path_is_found_too(tmp_path):
    v = Validators(tmp_path / "validators.sqlite")
    v.remember(_known("http://obec.cz"))
    v.close()
    assert Validators(tmp_path / "validators.sqlite").get("http://obec.cz") == _known("http://obec.cz")
