"""The baseline of bench/crawl_speed.py: a bare Scrapy link-follower with our crawl profile's politeness.

    python bench/bare_spider.py --urls FILE [--profile local]

Starts at each URL of FILE (one per line), follows every <a href> that stays on the start URL's host and port,
downloads whatever it links (pages and documents alike), keeps nothing and parses nothing else. Same
concurrency, depth limit, robots.txt and timeouts as the profile; Scrapy's own duplicate filter. Prints the
number of responses on stdout.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.http import TextResponse

    from spiders.settings import CRAWL_PROFILES

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--urls", required=True, help="start URLs, one per line")
    ap.add_argument("--profile", default="local", choices=sorted(CRAWL_PROFILES))
    args = ap.parse_args()
    starts = [u.strip() for u in Path(args.urls).read_text(encoding="utf-8").splitlines() if u.strip()]
    counted = {"responses": 0}

    class Follower(scrapy.Spider):
        name = "bare"

        async def start(self):
            for url in starts:
                yield scrapy.Request(url, meta={"origin": urlsplit(url).netloc})

        def parse(self, response):
            counted["responses"] += 1
            if not isinstance(response, TextResponse):
                return
            origin = response.meta["origin"]
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href)
                if urlsplit(url).netloc == origin:
                    yield scrapy.Request(url, meta={"origin": origin})

    settings = dict(CRAWL_PROFILES[args.profile])
    settings.update({"LOG_LEVEL": "WARNING", "HTTPERROR_ALLOW_ALL": True})
    process = CrawlerProcess(settings)
    process.crawl(Follower)
    process.start()
    print(counted["responses"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
