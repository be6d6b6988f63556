"""Scrapy settings come from the profiles in core.settings; production stays polite."""
from __future__ import annotations

import pytest

from core.settings import Settings
from spiders.settings import CONTACT, CRAWL_PROFILES
from spiders.settings import DATA_DIR, MAX_PAGES, scrapy_settings


def test_production_profile_is_polite():
    p = CRAWL_PROFILES["production"]
    assert p["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert p["DOWNLOAD_DELAY"] >= 1
    assert p["AUTOTHROTTLE_ENABLED"] is True
    assert p["ROBOTSTXT_OBEY"] is True
    ua = p["USER_AGENT"]
    assert ua.startswith("smartharvest/") and CONTACT in ua and "Scrapy" not in ua
    assert p["DEPTH_PRIORITY"] == 1 and "Fifo" in p["SCHEDULER_MEMORY_QUEUE"]  # breadth-first
    assert 0 < p["DOWNLOAD_MAXSIZE"] <= 100 * 1024 * 1024 and p["DEPTH_LIMIT"] > 0 and p[MAX_PAGES] > 0


@pytest.mark.parametrize("profile", ["production", "local", "test"])
def test_scrapy_settings_take_the_profile_values_unchanged(profile, tmp_path):
    cfg = scrapy_settings(Settings(data_dir=tmp_path, profile=profile))
    for key, value in CRAWL_PROFILES[profile].items():
        assert cfg[key] == value, key
    assert cfg["ROBOTSTXT_OBEY"] is True
    assert cfg["HTTPERROR_ALLOW_ALL"] is True
    assert cfg["DOWNLOADER_MIDDLEWARES"]["spiders.middlewares.SourceNetlocMiddleware"] < 100  # before robots.txt
    assert "spiders.storage.StoragePipeline" in cfg["ITEM_PIPELINES"]
    assert cfg[DATA_DIR] == str(tmp_path)


def test_scrapy_settings_do_not_alter_the_profiles(tmp_path):
    before = {k: dict(v) for k, v in CRAWL_PROFILES.items()}
    scrapy_settings(Settings(data_dir=tmp_path, profile="production"))["DOWNLOAD_DELAY"] = 0
    assert CRAWL_PROFILES == before


@pytest.mark.parametrize("profile", ["production", "local", "test"])
def test_no_remote_control_or_telnet_endpoint_is_ever_opened(profile, tmp_path):
    cfg = scrapy_settings(Settings(data_dir=tmp_path, profile=profile))
    assert cfg["TELNETCONSOLE_ENABLED"] is False
    assert cfg["REMOTE_CONTROL_ENABLED"] is False
