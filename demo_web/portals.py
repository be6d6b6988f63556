"""Portals beside the municipal sites: national sources whose pages differ from a municipality's website.

Each portal listens on its own port after the municipal, regional and foreign sites, has its own routes and its
own row in sources.csv (with the source kind the harvest uses for it): the IS VaVaI open-data download page serving
a synthetic CEP export (demo_web.cep_export: real column names, the generator's own texts; truth in
`portals/isvavai/cep_truth.json`) and the Databáze strategií replica (demo_web.strategy_registry; truth in
`portals/registry_truth.jsonl`) and two good-practice catalogues of different structure, Czech and foreign
(demo_web.good_practices; truth in `portals/good_practices_truth.jsonl`) and a STARFOS-like project listing
(demo_web.starfos; truth in `portals/starfos_truth.jsonl`).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .cep_export import PARTICIPANTS_FILE, PROJECTS_FILE, write_cep_export
from .portal_base import PortalAddress
from .routing import Reply

PORTAL_COUNT = 5  # the IS VaVaI open-data page, the Databáze strategií replica, two good-practice catalogues, STARFOS
OPENDATA = "/dokumenty/opendata/"
PUBLISHED = format_datetime(datetime(2026, 10, 20, 6, 0, tzinfo=timezone.utc), usegmt=True)


@dataclass
class Portal(PortalAddress):
    portal_id: str
    source_kind: str
    name: str
    port: int
    start_path: str
    extra_paths: list[str] = field(default_factory=list)
    files: dict[str, tuple[str, Path]] = field(default_factory=dict)  # path -> (content type, file)
    _bodies: dict[str, bytes] = field(default_factory=dict)

    def respond(self, path_qs: str) -> Reply:
        path = urlsplit(path_qs).path
        if path == "/robots.txt":
            return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, b"User-agent: *\nDisallow: /admin/\n")
        if path in ("/", OPENDATA):
            links = "".join(f'<li><a href="{p}">{p.rsplit("/", 1)[-1]}</a></li>' for p in self.files)
            body = (f'<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>{self.name}</title></head>'
                    f"<body><h1>{self.name}</h1><ul>{links}</ul></body></html>").encode()
            return Reply(200, {"Content-Type": "text/html; charset=utf-8"}, body)
        if path not in self.files:
            return Reply(404, {"Content-Type": "text/plain; charset=utf-8"}, b"not found")
        ctype, file = self.files[path]
        if path not in self._bodies:
            self._bodies[path] = file.read_bytes()
        body = self._bodies[path]
        return Reply(200, {"Content-Type": ctype, "Last-Modified": PUBLISHED,
                           "Content-Disposition": f'attachment; filename="{file.name}"'}, body)


@dataclass
class CataloguePortal:
    """A good-practice catalogue served as a portal (demo_web.good_practices lays out its pages)."""
    catalogue: object
    port: int
    source_kind: str = "good_practice_catalogue"

    @property
    def portal_id(self) -> str:
        return self.catalogue.catalogue_id

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def source_row(self) -> list[str]:
        return [self.portal_id, self.source_kind, self.base_url + self.catalogue.start_path, "", self.catalogue.name, ""]

    def respond(self, path_qs: str) -> Reply:
        from .good_practices import respond

        return respond(self.catalogue, path_qs)


def build_portals(out_dir: Path, web, seed: int, cep_projects: int) -> list:
    """The portals (ports right after the web's sites) with their files and truth written under out_dir/portals/
    (the same files for the same seed)."""
    from .strategy_registry import build_registry, truth_rows

    first_port = web.base_port + len(web.sites)
    cep_dir = Path(out_dir) / "portals" / "isvavai"
    listing_only = min(40, max(5, cep_projects // 100))
    stamp = cep_dir / f".done-{seed}-{cep_projects}-{listing_only}"
    if not stamp.exists():
        write_cep_export(cep_dir, projects=cep_projects, seed=seed, listing_only=listing_only)
        stamp.write_text(hashlib.sha256(f"{seed}:{cep_projects}".encode()).hexdigest(), encoding="utf-8")
    isvavai = Portal(
        portal_id="isvavai-opendata", source_kind="rd_dataset", name="IS VaVaI – otevřená data (CEP)",
        port=first_port, start_path=OPENDATA + PROJECTS_FILE, extra_paths=[OPENDATA + PARTICIPANTS_FILE],
        files={OPENDATA + PROJECTS_FILE: ("text/csv; charset=utf-8", cep_dir / PROJECTS_FILE),
               OPENDATA + PARTICIPANTS_FILE: ("text/csv; charset=utf-8", cep_dir / PARTICIPANTS_FILE)})
    registry = build_registry(web, seed, port=first_port + 1)
    truth = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in truth_rows(registry))
    (Path(out_dir) / "portals" / "registry_truth.jsonl").write_text(truth, encoding="utf-8")
    from .good_practices import build_catalogues, truth_rows as practice_truth

    catalogues = build_catalogues(seed)
    practices = [CataloguePortal(c, first_port + 2 + i) for i, c in enumerate(catalogues)]
    truth = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in practice_truth(catalogues))
    (Path(out_dir) / "portals" / "good_practices_truth.jsonl").write_text(truth, encoding="utf-8")
    from .starfos import build_listing, truth_rows as listing_truth

    starfos = build_listing(cep_dir, port=first_port + 2 + len(catalogues))
    truth = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in listing_truth(starfos))
    (Path(out_dir) / "portals" / "starfos_truth.jsonl").write_text(truth, encoding="utf-8")
    return [isvavai, registry, *practices, starfos]
