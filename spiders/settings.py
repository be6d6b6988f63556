"""Scrapy settings for a crawl, built from a `smartharvest.settings` profile.

Values of the politeness profile (delays, concurrency, timeouts, sizes, depth, user agent...) come
only from `smartharvest.settings.CRAWL_PROFILES`; this module adds the wiring that makes the project
work (middlewares, pipeline, error handling) and nothing else.
"""
from __future__ import annotations

from smartharvest.settings import Settings

# Our setting names (read by the spider and pipeline); never in CRAWL_PROFILES' politeness values.
DATA_DIR = "SMARTHARVEST_DATA_DIR"
MAX_PAGES = "SMARTHARVEST_MAX_PAGES_PER_SITE"

PROJECT_SETTINGS = {
    # Every status reaches the callback, so 404/500 become fetch-log lines with outcome=http_error.
    # (The setting, not the meta key: meta handle_httpstatus_all would also switch redirects off.)
    "HTTPERROR_ALLOW_ALL": True,
    "DOWNLOADER_MIDDLEWARES": {
        # before RobotsTxtMiddleware (100): an off-site request must not even cause a robots.txt fetch
        "spiders.middlewares.SourceNetlocMiddleware": 40,
    },
    "ITEM_PIPELINES": {"spiders.storage.StoragePipeline": 100},
    # We keep our own per-source "already yielded" sets (cheaper, see ENGINEERING.md); all our
    # requests are dont_filter, so the dupefilter would only cost memory.
    "DUPEFILTER_CLASS": "scrapy.dupefilters.BaseDupeFilter",
    "STATS_DUMP": False,
}


def scrapy_settings(settings: Settings) -> dict:
    """The dict handed to `CrawlerProcess` for this profile and data dir."""
    out = settings.crawl_settings  # a copy of CRAWL_PROFILES[profile]
    out.update(PROJECT_SETTINGS)
    out["DOWNLOADER_MIDDLEWARES"] = dict(PROJECT_SETTINGS["DOWNLOADER_MIDDLEWARES"])
    out["ITEM_PIPELINES"] = dict(PROJECT_SETTINGS["ITEM_PIPELINES"])
    out[DATA_DIR] = str(settings.data_dir)
    return out
