"""`smartharvest`: the top floor. Runs the nightly job through Dagster, serves the demo web, opens the UI."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from core.settings import PROFILES, REPO_ROOT, Settings, export_env, load_settings, writable_dir
from smartharvest import outputs

DEFAULT_DEMO_SITES = 40
DEFAULT_DEMO_PORT = 18100
DEFAULT_DEMO_CEP_PROJECTS = 1000


def _add_paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="DuckDB warehouse file (default: data/warehouse.duckdb, env SMARTHARVEST_DB)")
    p.add_argument("--data-dir", metavar="DIR",
                   help="where raw store, fetch log and extraction cache live (default: data/, env SMARTHARVEST_DATA_DIR)")


def _add_demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--demo-sites", type=int, default=DEFAULT_DEMO_SITES, metavar="N",
                   help=f"municipal sites of the demo web when no --sources is given (default {DEFAULT_DEMO_SITES}, plus 3 regional)")
    p.add_argument("--demo-port", type=int, default=DEFAULT_DEMO_PORT, metavar="P",
                   help=f"first loopback port of the demo web; site i listens on P+i (default {DEFAULT_DEMO_PORT})")
    p.add_argument("--demo-cep-projects", type=int, default=DEFAULT_DEMO_CEP_PROJECTS, metavar="N",
                   help="projects in the demo IS VaVaI portal's synthetic CEP export (default "
                        f"{DEFAULT_DEMO_CEP_PROJECTS}; `make demo` serves a realistic 50000)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smartharvest",
        description="Harvest SMART strategies of Czech municipalities and regions into DuckDB (Scrapy + Dagster).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run", help="run the nightly harvest job (crawl, extract, publish) through Dagster, in process",
        description="Run the same Dagster job the 02:00 schedule runs: crawl the sources, extract new documents, "
        "publish the DuckDB warehouse. Without --sources it starts the embedded demo web on 127.0.0.1, harvests it "
        "and stops it. Progress goes to stderr; a summary closes the run.")
    run.add_argument("--sources", metavar="FILE",
                     help="sources CSV (source_id,kind,start_url,municipality_code[,name]); default: the demo web. "
                     "The real web: --sources data/seeds/sources.csv --profile production")
    run.add_argument("--profile", choices=PROFILES, default=None,
                     help="crawl profile: local (fast, for loopback webs; default), test, production (polite: 1 request "
                     "per site at a time, delays, AutoThrottle)")
    _add_paths(run)
    _add_demo(run)

    demo = sub.add_parser("demo-web", help="generate and serve the demo web of Czech municipal sites on 127.0.0.1",
                          add_help=False)
    demo.add_argument("demo_args", nargs=argparse.REMAINDER, help="arguments of `python -m demo_web` (try --help)")

    ui = sub.add_parser("ui", help="open the Dagster UI (dagster dev) on http://127.0.0.1:3000",
                        description="Start `dagster dev` for this project. Without --sources the demo web is served "
                        "too, so materialising from the UI harvests it.")
    ui.add_argument("--sources", metavar="FILE", help="sources CSV for runs launched from the UI (default: demo web)")
    ui.add_argument("--profile", choices=PROFILES, default=None, help="crawl profile (default local)")
    ui.add_argument("--port", type=int, default=3000, help="UI port (default 3000)")
    _add_paths(ui)
    _add_demo(ui)

    langid = sub.add_parser("langid", help="identify the language of each line on stdin",
                            description="Read text lines on stdin and print one line per input line: "
                            "<ISO 639-1 code>\t<confidence> ('und' only when the line has no language content: no letters, a lone name "
                            "or label, or a script no candidate language writes). Deterministic.")
    langid.set_defaults(db=None)

    evaluate = sub.add_parser(
        "evaluate", help="measure extraction and classification against human labels (tune and check parts)",
        description="Extract and annotate every labelled file exactly as the nightly job does and print, side by "
        "side for the check part, the tune part and each corpus: accuracy of language, title and doc_type; precision "
        "and recall of is_strategic, is_smart and the SMART areas; invented validity; confusions. Without --labels it "
        "reads the real corpora ../shared/corpus/dev and dev2 beside the checkout. Which files are tune and which are "
        "check is fixed in data/evaluation/split.json (by issuer; issuers not listed there are check).")
    evaluate.add_argument("--labels", action="append", metavar="FILE",
                          help="labels JSONL (file, folder, title, doc_type, ...); repeat with --documents for several corpora")
    evaluate.add_argument("--documents", action="append", metavar="DIR",
                          help="directory holding the labelled files (DIR/folder/file or DIR/file), one per --labels")
    evaluate.add_argument("--shared", metavar="DIR", default=None,
                          help="the shared folder whose corpus/dev and corpus/dev2 are read when no --labels is given "
                          "(default: ../shared beside the checkout)")
    evaluate.add_argument("--errors", action="store_true", help="also list every document with a wrong field")
    evaluate.add_argument("--json", metavar="OUT", help="also write every document's gold and predicted values to OUT")
    evaluate.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")

    query = sub.add_parser("query", help="run one SQL query against the warehouse (read-only) and print the result",
                           description="Open the warehouse read-only for one query; e.g. "
                           "smartharvest query \"SELECT file_format, count(*) FROM documents GROUP BY 1\"")
    query.add_argument("sql", help="SQL to run")
    query.add_argument("--db", metavar="PATH", help="DuckDB warehouse file (default: data/warehouse.duckdb)")

    rebuild = sub.add_parser(
        "rebuild", help="recompute extraction, annotation and the warehouse from the raw store and the fetch log",
        description="Throw away the per-document caches and compute everything again from the raw bytes (e.g. "
        "after a change of extractor or vocabulary); the old caches and warehouse stay in place until the new ones "
        "are complete. Takes the night lock: never runs beside a night on the same data dir.")
    rebuild.add_argument("--data-dir", metavar="DIR", help="data directory (default: data/)")
    rebuild.add_argument("--db", metavar="PATH", help="warehouse file (default: <data-dir>/warehouse.duckdb)")

    health = sub.add_parser(
        "health", help="spider health across nights: sources whose yield fell, whose CMS changed, that are blocked "
        "or unreachable", description="Print each source's latest crawl judged against its own recent history "
        "(table source_health). Exit code 0 when no source is flagged, 1 when some are, 2 without a warehouse.")
    health.add_argument("--db", metavar="PATH", help="DuckDB warehouse file (default: data/warehouse.duckdb)")
    health.add_argument("--all", action="store_true", help="also list the healthy sources")
    outputs.add_parsers(sub)
    return parser


def _settings(args: argparse.Namespace, sources: str | None) -> Settings:
    return load_settings(data_dir=getattr(args, "data_dir", None), db_path=getattr(args, "db", None),
                         sources_path=sources, profile=getattr(args, "profile", None))


def _checked_settings(args: argparse.Namespace) -> Settings:
    """Settings of a run with every operator-given path checked before anything starts (one line if one is bad)."""
    from core.sources import load_sources
    from pipelines.warehouse import check_target

    settings = _settings(args, args.sources)
    if args.sources:
        load_sources(settings.sources_path)  # a bad sources file fails here, with its file and line
    check_target(settings.db_path)
    writable_dir(settings.data_dir, "--data-dir")
    return settings


def _start_demo_web(stack: ExitStack, args: argparse.Namespace, data_dir: Path) -> Path:
    from demo_web.process import DemoWebProcess

    out = data_dir / "demo_web"
    print(f"[demo-web] starting {args.demo_sites} municipal + 3 regional sites on 127.0.0.1:{args.demo_port}+ ...",
          file=sys.stderr, flush=True)
    web = stack.enter_context(DemoWebProcess(out, sites=args.demo_sites, base_port=args.demo_port,
                                             cep_projects=args.demo_cep_projects))
    print(f"[demo-web] serving; sources {web.sources_csv}", file=sys.stderr, flush=True)
    return web.sources_csv


def cmd_run(args: argparse.Namespace) -> int:
    from pipelines.recovery import sweep_leftovers
    from smartharvest.dagster_home import ensure_dagster_home, open_instance
    from smartharvest.night import LAUNCHED_BY, NightLock, recover

    t0 = time.time()
    base = _checked_settings(args)
    with ExitStack() as stack:
        stack.enter_context(NightLock(base.data_dir))  # one night per data dir; a dead one's lock is already gone
        swept = sweep_leftovers(base)
        if any(swept.values()):
            print(f"[run] swept temp files of an interrupted run: {swept}", file=sys.stderr, flush=True)
        sources = args.sources or str(_start_demo_web(stack, args, base.data_dir))
        settings = base.with_(sources_path=Path(sources))
        home = ensure_dagster_home(settings.data_dir)
        from core.sources import load_sources, partition_keys
        from dagster_project.definitions import defs
        from dagster_project.partitions import SOURCES, range_tags, register
        from dagster_project.resources import harvest_run_config

        job = defs.resolve_job_def("nightly_harvest")
        print(f"[run] nightly_harvest: sources {settings.sources_path}, profile {settings.profile}, db {settings.db_path}",
              file=sys.stderr, flush=True)
        with open_instance(home) as instance:
            interrupted = recover(instance)
            if interrupted:
                print(f"[run] {len(interrupted)} interrupted run(s) marked failed, their writer slots freed: "
                      f"{', '.join(r[:8] for r in interrupted)}", file=sys.stderr, flush=True)
            wanted = partition_keys(load_sources(settings.sources_path))
            if not wanted:
                raise SettingsError(f"{settings.sources_path}: every source is disabled (enabled=false); nothing to crawl")
            added, removed = register(instance, wanted)
            keys = instance.get_dynamic_partitions(SOURCES.name)
            print(f"[run] {len(keys)} source partitions ({added} new, {removed} removed), one run over all",
                  file=sys.stderr, flush=True)
            result = job.execute_in_process(
                instance=instance, raise_on_error=False,
                run_config={**harvest_run_config(settings),
                            "loggers": {"console": {"config": {"log_level": "WARNING"}}}},
                tags={LAUNCHED_BY[0]: LAUNCHED_BY[1], **range_tags(keys)},
            )
        if not result.success:  # the run-failure sensor alerts under the Dagster daemon; this run has none
            from pipelines.alerts import record_alert

            failed = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
            record_alert(settings, {"run_id": result.run_id, "job": "nightly_harvest",
                                    "summary": f"nightly_harvest failed (steps: {', '.join(failed)})"})
        print(render_summary(result, settings, time.time() - t0))
        return 0 if result.success else 1


def _materialized(result, key: str) -> dict:
    for event in result.all_events:
        if event.event_type_value == "ASSET_MATERIALIZATION":
            mat = event.event_specific_data.materialization
            if mat.asset_key.to_user_string() == key:
                return {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
    return {}


def render_summary(result, settings: Settings, seconds: float) -> str:
    crawl = _materialized(result, "crawl")
    extract = _materialized(result, "extracted_documents")
    docs = _materialized(result, "warehouse/documents")
    urls = _materialized(result, "warehouse/document_urls")
    annotated = _materialized(result, "annotated_documents")
    strategies = _materialized(result, "warehouse/strategies")
    clusters = _materialized(result, "warehouse/document_clusters")
    bundle = _materialized(result, "portal_export")
    rows = {name: _materialized(result, f"warehouse/{name}").get("rows", "?")
            for name in ("notice_board_records", "rd_projects", "rd_participants", "strategy_registry",
                         "good_practices", "record_problems")}
    failed = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    lines = [
        "",
        "smartharvest run: " + ("OK" if result.success else "FAILED (steps: " + ", ".join(failed) + ")"),
        f"  sites      {crawl.get('sources', '?')} crawled: {crawl.get('sources_ok', '?')} with documents, "
        f"{crawl.get('sources_blocked', 0)} blocked by robots.txt, {crawl.get('sources_unreachable', 0)} unreachable, "
        f"{crawl.get('sources_no_documents', 0)} without documents",
        f"  pages      {crawl.get('pages', '?')} fetched; {crawl.get('not_modified', 0)} URLs unchanged since the last "
        f"night (304, nothing downloaded), {crawl.get('bytes_downloaded', 0) / 1e6:.1f} MB downloaded",
        f"  documents  {docs.get('rows', '?')} distinct in the warehouse, {docs.get('new_documents', '?')} new; "
        f"{urls.get('rows', '?')} document URLs",
        f"  extraction {extract.get('extracted', '?')} extracted now: {extract.get('ok', '?')} ok, "
        f"{extract.get('needs_ocr', '?')} need OCR, {extract.get('failed', '?')} failed, {extract.get('refused', 0)} refused",
        f"  understood {docs.get('strategic', '?')} strategy documents, {docs.get('smart', '?')} about SMART solutions "
        f"(annotated now: {annotated.get('annotated', '?')})",
        f"  strategies {strategies.get('rows', '?')} (one row per strategy: copies, twins and editions collapsed)",
        f"  dedup      {clusters.get('dedup_new_fingerprints', '?')} documents fingerprinted and "
        f"{clusters.get('dedup_new_pairs', '?')} pairs compared now (of {clusters.get('dedup_fingerprints', '?')} "
        f"documents and {clusters.get('dedup_pairs', '?')} pairs; the rest kept from earlier nights)",
        f"  beyond     {rows['notice_board_records']} notice-board records, {rows['rd_projects']} R&D projects "
        f"({rows['rd_participants']} participants), {rows['strategy_registry']} Databáze strategií records, "
        f"{rows['good_practices']} good practices; {rows['record_problems']} records not read or read in part "
        f"(table record_problems)",
        f"  errors     {crawl.get('errors', '?')} failed fetches, {crawl.get('forbidden_by_robots', 0)} URLs forbidden "
        f"by robots.txt, {crawl.get('too_large', 0)} over the size limit",
        f"  time       {seconds:.1f} s",
        f"  warehouse  {settings.db_path}",
        f"  export     {bundle.get('bundle', '?')} (preview: index.html; `smartharvest search`, `inspiromat`)",
    ]
    return "\n".join(lines)


def cmd_ui(args: argparse.Namespace) -> int:
    from smartharvest.dagster_home import ensure_dagster_home

    base = _checked_settings(args)
    with ExitStack() as stack:
        sources = args.sources or str(_start_demo_web(stack, args, base.data_dir))
        settings = base.with_(sources_path=Path(sources))
        env = {**os.environ, **export_env(settings)}
        env["DAGSTER_HOME"] = str(ensure_dagster_home(settings.data_dir))
        cmd = [sys.executable, "-m", "dagster", "dev", "-m", "dagster_project.definitions", "-h", "127.0.0.1",
               "-p", str(args.port)]
        print(f"[ui] {' '.join(cmd[2:])} -> http://127.0.0.1:{args.port} (Ctrl-C stops)", file=sys.stderr, flush=True)
        proc = subprocess.Popen(cmd, env=env, cwd=REPO_ROOT, start_new_session=True)
        try:
            return proc.wait()
        except KeyboardInterrupt:
            _stop_group(proc)
            return 0


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _stop_group(proc: subprocess.Popen) -> None:
    """dagster dev leaves its children running when only the parent dies: end the whole group."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    settings = load_settings(db_path=args.db)
    if not Path(settings.db_path).exists():
        print(f"error: no warehouse at {settings.db_path}; run `smartharvest run` first", file=sys.stderr)
        return 2
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        con.sql(args.sql).show(max_rows=100, max_width=200)
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from pipelines.rebuild import rebuild
    from pipelines.warehouse import check_target
    from smartharvest.night import NightLock

    settings = _settings(args, None)
    check_target(settings.db_path)
    writable_dir(settings.data_dir, "--data-dir")
    if not settings.raw_dir.is_dir() or not settings.fetchlog_dir.is_dir():
        print(f"error: no raw store and fetch log under {settings.data_dir}; run `smartharvest run` first",
              file=sys.stderr)
        return 2
    t0 = time.time()
    with NightLock(settings.data_dir):
        stats = rebuild(settings, progress=lambda msg: print(f"[rebuild] {msg}", file=sys.stderr, flush=True))
    print(f"smartharvest rebuild: {stats['documents']} documents, {stats['strategies']} strategies in "
          f"{time.time() - t0:.1f} s -> {stats['db_path']}")
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    from pipelines.health import latest_source_health

    settings = load_settings(db_path=args.db)
    if not Path(settings.db_path).exists():
        print(f"error: no warehouse at {settings.db_path}; run `smartharvest run` first", file=sys.stderr)
        return 2
    rows = latest_source_health(settings)
    flagged = [r for r in rows if r["flags"]]
    print(f"{len(rows)} sources, {len(flagged)} flagged (latest crawl of each, against its recent history)")
    for r in rows if args.all else flagged:
        median = "-" if r["median_documents"] is None else f"{r['median_documents']:g}"
        print(f"  {'!' if r['flags'] else ' '} {r['source_id']:<28} {r['status'] or '?':<18} cms {r['cms'] or '-':<10} "
              f"documents {r['documents'] or 0:>5} (median {median:>5}, new {r['new_documents'] or 0}, "
              f"changed {r['changed_documents'] or 0})" + (f"  {r['flag_reasons']}" if r["flags"] else ""))
    return 1 if flagged else 0


def cmd_langid(args: argparse.Namespace) -> int:
    from transforms.language import detect_language

    for line in sys.stdin:
        guess = detect_language(line.rstrip("\n"))
        sys.stdout.write(f"{guess.code or 'und'}\t{guess.confidence:.4f}\n")
    sys.stdout.flush()
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from pipelines.evaluate import corpus_of, evaluate, shared_corpora

    labels, documents = args.labels or [], args.documents or []
    if len(labels) != len(documents):
        print("error: give one --documents DIR for each --labels FILE", file=sys.stderr)
        return 2
    for path, what in [*((p, "labels file") for p in labels), *((p, "documents directory") for p in documents)]:
        if not Path(path).exists():
            print(f"error: {what} {path} does not exist", file=sys.stderr)
            return 2
    if labels:
        corpora = [corpus_of(Path(lab), Path(doc)) for lab, doc in zip(labels, documents)]
    else:
        shared = Path(args.shared) if args.shared else Path(__file__).resolve().parents[1].parent / "shared"
        corpora = shared_corpora(shared)
        if not corpora:
            print(f"error: no labelled corpora under {shared}/corpus (dev, dev2); give --labels and --documents",
                  file=sys.stderr)
            return 2
    progress = lambda m: print(f"[evaluate] {m}", file=sys.stderr, flush=True)  # noqa: E731
    progress("corpora: " + ", ".join(f"{c.name} ({c.labels})" for c in corpora))
    result = evaluate(corpora, load_settings(), workers=args.workers, progress=progress)
    print(result.report(errors=args.errors))
    if args.json:
        Path(args.json).write_text(json.dumps(result.rows, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, _raise_interrupt)  # clean up child processes (demo web, dagster dev) on `kill`
    if argv and argv[0] == "demo-web":
        from demo_web.cli import main as demo_main

        return demo_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        commands = {"run": cmd_run, "ui": cmd_ui, "query": cmd_query, "health": cmd_health, "rebuild": cmd_rebuild,
                    "langid": cmd_langid, "evaluate": cmd_evaluate, **outputs.COMMANDS}
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (ValueError, FileNotFoundError) as exc:  # SourcesError is a ValueError
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
