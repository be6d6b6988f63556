"""When a sighting is gone: only a later crawl that reached the site can say so (issue 9)."""
from transforms.sightings import document_gone_since, first_and_last_seen, reached_crawls, url_gone_since

CRAWLS = [
    {"source_id": "a", "status": "ok", "started_at": "2026-11-01T02:00:00+00:00"},
    {"source_id": "a", "status": "unreachable", "started_at": "2026-11-02T02:00:00+00:00"},
    {"source_id": "a", "status": "ok", "started_at": "2026-11-03T02:00:00+00:00"},
    {"source_id": "b", "status": "blocked_by_robots", "started_at": "2026-11-03T02:00:00+00:00"},
]


def test_a_url_seen_in_the_latest_crawl_is_not_gone():
    assert url_gone_since("a", "2026-11-03T02:05:00+00:00", reached_crawls(CRAWLS)) is None


def test_a_url_missing_from_a_later_crawl_that_reached_the_site_is_gone_since_that_crawl():
    assert url_gone_since("a", "2026-11-01T02:05:00+00:00", reached_crawls(CRAWLS)) == "2026-11-03T02:00:00+00:00"


def test_an_unreachable_or_blocked_site_proves_nothing():
    only_down = [c for c in CRAWLS if c["status"] != "ok" or c["started_at"] < "2026-11-02"]
    assert url_gone_since("a", "2026-11-01T02:05:00+00:00", reached_crawls(only_down)) is None
    assert url_gone_since("b", "2026-11-01T02:05:00+00:00", reached_crawls(CRAWLS)) is None


def test_a_document_is_gone_only_when_every_url_is_gone_since_the_last_of_them():
    assert document_gone_since(["2026-11-03T02:00:00+00:00", None]) is None
    assert document_gone_since(["2026-11-03T02:00:00+00:00", "2026-11-02T02:00:00+00:00"]) == "2026-11-03T02:00:00+00:00"
    assert document_gone_since([]) is None


def test_first_and_last_seen_ignore_unknown_times():
    assert first_and_last_seen([None, "2026-11-02T00:00:00+00:00", "2026-11-01T00:00:00+00:00"]) == (
        "2026-11-01T00:00:00+00:00", "2026-11-02T00:00:00+00:00")
    assert first_and_last_seen([]) == (None, None)


def test_a_crawl_that_stopped_early_or_at_the_page_limit_proves_nothing():
    cut = [*CRAWLS[:2], {**CRAWLS[2], "complete": False}]
    assert url_gone_since("a", "2026-11-01T02:05:00+00:00", reached_crawls(cut)) is None
    assert url_gone_since("a", "2026-11-01T02:05:00+00:00",
                          reached_crawls([*CRAWLS[:2], {**CRAWLS[2], "complete": True}])) == "2026-11-03T02:00:00+00:00"
