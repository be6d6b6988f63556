"""Acquisition: crawl the sources' sites with Scrapy, store raw bytes and HTTP facts.

Entry point: `python -m spiders.crawl --sources FILE --crawl-id ID [--profile ...] [--data-dir DIR]`.

Modules:
- `crawl`       CLI; one CrawlerProcess, one crawler per source kind, progress, summary, Dagster Pipes.
- `settings`    Scrapy settings dict from a core.settings profile (+ project wiring).
- `base`        SiteSpider: per-source dedup, limits, link following, response/failure -> item.
- `kinds`       MunicipalSiteSpider / RegionalSiteSpider / NationalSiteSpider.
- `cms/`        CMS families (vismo, antee, wordpress, as4u, nette, generic) and `detect(response)`.
- `middlewares` SourceNetlocMiddleware: off-site drop (links and redirects), download slot per netloc.
- `storage`     StoragePipeline: raw store + fetch-log line per attempt.
- `state`       CrawlRun / SourceState: counters, per-source summary, progress line.
- `robots`      quote the robots.txt rule that blocks a start URL.
"""
