"""A source is judged against its own recent history (issue 9): a silent spider death shows as a change."""
from transforms.health import recent_median, source_flags


def crawl(documents: int, status: str = "ok", cms: str | None = "vismo") -> dict:
    return {"documents": documents, "status": status, "cms": cms}


HISTORY = [crawl(40), crawl(42), crawl(38), crawl(41)]


def _flags(current, previous=HISTORY):
    return [f for f, _ in source_flags(current, previous)]


def test_a_steady_source_is_healthy():
    assert _flags(crawl(39)) == []


def test_a_yield_fallen_to_zero_or_below_half_the_median_is_flagged_with_the_median():
    assert _flags(crawl(0, "no_documents")) == ["yield_zero"]
    assert _flags(crawl(15)) == ["yield_halved"]
    assert "median 40.5" in source_flags(crawl(15), HISTORY)[0][1]


def test_a_new_source_without_history_is_not_judged_on_its_yield():
    assert _flags(crawl(0, "no_documents"), []) == [] and recent_median([]) is None


def test_the_median_ignores_nights_the_site_was_not_reached():
    assert recent_median([*HISTORY, crawl(0, "unreachable", None)]) == 40.5


def test_a_changed_cms_family_is_flagged():
    assert _flags(crawl(40, cms="wordpress")) == ["cms_changed"]


def test_robots_txt_that_now_forbids_everything_is_flagged_once():
    assert "robots_forbid_all" in _flags(crawl(0, "blocked_by_robots", None))
    assert "robots_forbid_all" not in _flags(crawl(0, "blocked_by_robots", None),
                                             [*HISTORY, crawl(0, "blocked_by_robots", None)])


def test_a_site_unreachable_night_after_night_is_flagged_from_the_second_night():
    down = crawl(0, "unreachable", None)
    assert "unreachable" not in _flags(down)
    assert "unreachable" in _flags(down, [*HISTORY, down])
