"""Demo web: a deterministic generator plus a loopback HTTP server of realistic Czech municipal
websites (several CMS families, strategy documents among ordinary ones, crawler traps).

Used by the README demo run, tests and benchmarks; the harvest pipeline never reads its
manifest. Entry points: `python -m demo_web {build,serve}` (demo_web.cli.main) and
demo_web.process.DemoWebProcess.
"""
