"""Command line of the demo web: `python -m demo_web {build,serve}` (also `smartharvest demo-web`)."""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

DESCRIPTION = """\
A deterministic web of fake-but-realistic Czech municipal websites on 127.0.0.1 for tests,
benchmarks and the README demo. Five CMS families (Vismo, Antee/IPO, WordPress, AS4U, Nette),
ordinary municipal paperwork with a few per cent of strategy documents and planted hard
negatives (minutes approving a plan, hearing notices, budgets, tenders, a smart-lamp
newsletter), and crawler traps (robots, redirects, 404/500,
slow and oversized files, encrypted/scanned/corrupt PDFs, an endless calendar, a windows-1250
page, mislabelled content types, duplicates, links to a foreign host).

Writes DIR/sources.csv (the crawler's input), DIR/sites.json and DIR/manifest.jsonl (ground
truth for tests; the pipeline never reads it); `serve` also appends every request to
DIR/requests.jsonl and creates DIR/ready once every port listens."""

EPILOG = """\
examples:
  python -m demo_web serve --out /tmp/demo            # 40 municipal + 3 regional sites on 18100..
  python -m demo_web build --out /tmp/big --sites 2000 --hashes no
Site i listens on 127.0.0.1:(BASE_PORT+i); the foreign host (not in sources.csv) follows the sites, then
the portals (the IS VaVaI open-data page with a synthetic CEP export, kind rd_dataset; the Databáze strategií
replica, kind strategy_registry; two good-practice catalogues, kind good_practice_catalogue)."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m demo_web", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="{build,serve}")
    for name, help_text in (("build", "write sources.csv, sites.json and manifest.jsonl, then exit"),
                            ("serve", "build, then serve every site until SIGTERM/SIGINT")):
        sp = sub.add_parser(name, help=help_text, description=help_text,
                            formatter_class=argparse.ArgumentDefaultsHelpFormatter)
        sp.add_argument("--out", required=True, type=Path, help="output directory (created if missing)")
        sp.add_argument("--sites", type=int, default=40, help="number of municipal sites (3 regional sites are added)")
        sp.add_argument("--base-port", type=int, default=18100, help="port of the first site; site i gets BASE_PORT+i")
        sp.add_argument("--seed", type=int, default=2026, help="seed of the deterministic generator")
        sp.add_argument("--night", type=int, default=1,
                        help="the web as it is on this night: later nights add, replace and remove documents, "
                             "redesign one site (from night 3) and take one down (from night 4); see changes.jsonl")
        sp.add_argument("--cep-projects", type=int, default=1000,
                        help="projects in the synthetic CEP export the IS VaVaI portal serves (the benchmark uses 50000)")
        sp.add_argument("--hashes", choices=("auto", "yes", "no"), default="auto",
                        help="fill manifest sha256 (renders every document; auto = yes up to 200 sites)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .manifest import write_outputs
    from .model import build_web

    if args.sites < 1:
        print("--sites must be at least 1", file=sys.stderr)
        return 2
    if not (1024 <= args.base_port and args.base_port + args.sites + 8 <= 65535):
        print("--base-port out of range", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "ready").unlink(missing_ok=True)
    t0 = time.perf_counter()
    if args.night < 1:
        print("--night must be at least 1", file=sys.stderr)
        return 2
    web = build_web(sites=args.sites, seed=args.seed, base_port=args.base_port, night=args.night)
    t_model = time.perf_counter() - t0
    hashes = {"auto": None, "yes": True, "no": False}[args.hashes]
    from .portals import build_portals

    portals = build_portals(out, web, args.seed, args.cep_projects)
    summary = write_outputs(web, out, hashes=hashes, portals=portals)
    summary["model_seconds"] = round(t_model, 3)
    summary["total_build_seconds"] = round(time.perf_counter() - t0, 3)
    if args.command == "build":
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    print(f"demo_web: built {summary['municipal_sites']}+{summary['regional_sites']} sites, "
          f"{summary['documents']} documents ({summary['strategy_documents']} strategies) in "
          f"{summary['total_build_seconds']} s", file=sys.stderr, flush=True)
    from .server import DemoServer, PortInUse

    try:
        asyncio.run(DemoServer(web, out, portals).run())
    except PortInUse as exc:
        print(f"demo_web: {exc}", file=sys.stderr)
        return 3
    return 0
