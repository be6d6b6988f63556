"""Scrapy settings for a crawl: the politeness values of each profile (CRAWL_PROFILES) and the wiring that makes the
project work (PROJECT_SETTINGS: middlewares, pipeline, error handling), combined by `scrapy_settings`.
"""
from __future__ import annotations

from core.settings import Settings

CONTACT = "https://github.com/smartharvest (smart-cities data harvest for MMR)"
USER_AGENT = f"smartharvest/0.1 (+{CONTACT})"

# Scrapy settings per profile. "production" is polite to ~6,000 small municipal
# servers; "local"/"test" crawl loopback demo webs fast. Both obey robots.txt.
_COMMON_CRAWL = {
    "ROBOTSTXT_OBEY": True,
    "USER_AGENT": USER_AGENT,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,  # Scrapy's HTTP endpoint that runs Python sent to it: never in a crawl
    "DEPTH_PRIORITY": 1,  # breadth-first
    "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
    "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
    "RETRY_ENABLED": True,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    "REDIRECT_MAX_TIMES": 5,
    "CONCURRENT_ITEMS": 20,
    "LOG_LEVEL": "INFO",
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
}

CRAWL_PROFILES: dict[str, dict] = {
    "production": {
        **_COMMON_CRAWL,
        "CONCURRENT_REQUESTS": 64,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": 2.0,
        "RANDOMIZE_DOWNLOAD_DELAY": True,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": 2.0,
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": 30,
        "RETRY_TIMES": 2,
        "DOWNLOAD_MAXSIZE": 50 * 1024 * 1024,
        "DOWNLOAD_WARNSIZE": 20 * 1024 * 1024,
        "DEPTH_LIMIT": 5,
        "SMARTHARVEST_MAX_PAGES_PER_SITE": 2000,
        # open-data files (the CEP export is ~160 MB): their own size and time limits
        "SMARTHARVEST_DATASET_MAXSIZE": 512 * 1024 * 1024,
        "SMARTHARVEST_DATASET_TIMEOUT": 900,
    },
    "local": {
        **_COMMON_CRAWL,
        "CONCURRENT_REQUESTS": 64,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_TIMEOUT": 5,
        "RETRY_TIMES": 1,
        "DOWNLOAD_MAXSIZE": 8 * 1024 * 1024,
        "DOWNLOAD_WARNSIZE": 4 * 1024 * 1024,
        "DEPTH_LIMIT": 5,
        "SMARTHARVEST_MAX_PAGES_PER_SITE": 400,
        "SMARTHARVEST_DATASET_MAXSIZE": 512 * 1024 * 1024,
        "SMARTHARVEST_DATASET_TIMEOUT": 120,
    },
}
CRAWL_PROFILES["test"] = {**CRAWL_PROFILES["local"], "LOG_LEVEL": "WARNING"}


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
    # Scrapy's downloader-aware queue scans every queued site per request; ours takes sites in turn
    "SCHEDULER_PRIORITY_QUEUE": "spiders.queues.SiteRotationQueue",
    "STATS_DUMP": False,
}


def scrapy_settings(settings: Settings) -> dict:
    """The dict handed to `CrawlerProcess` for this profile and data dir."""
    out = dict(CRAWL_PROFILES[settings.profile])
    out.update(PROJECT_SETTINGS)
    out["DOWNLOADER_MIDDLEWARES"] = dict(PROJECT_SETTINGS["DOWNLOADER_MIDDLEWARES"])
    out["ITEM_PIPELINES"] = dict(PROJECT_SETTINGS["ITEM_PIPELINES"])
    out[DATA_DIR] = str(settings.data_dir)
    return out
