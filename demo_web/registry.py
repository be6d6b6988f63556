"""Municipality and region registry: the real names and populations the demo web dresses up.

Reads the committed seed registry (data/seeds/municipalities) so demo sites carry real
RÚIAN codes, names, districts and regions. The size classes are the project's population
bands (the warehouse's `size_class` uses the same bands), written out here so the demo web
depends on nothing in transforms/.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from demo_web import REPO_ROOT

SEEDS_DIR = REPO_ROOT / "data" / "seeds" / "municipalities"

# (code, lowest population, highest population or None)
SIZE_CLASSES: tuple[tuple[str, int, int | None], ...] = (
    ("village_xs", 0, 499), ("village", 500, 1999), ("small_town", 2000, 9999), ("town", 10000, 49999),
    ("city", 50000, None))
CLASS_CODES = tuple(c for c, _, _ in SIZE_CLASSES)


def size_class(population: int) -> str:
    for code, low, high in SIZE_CLASSES:
        if population >= low and (high is None or population <= high):
            return code
    raise ValueError(f"no size class for population {population}")
PRAGUE_CODE = "554782"  # "hlavní město Praha" has its own grammar; left out of the demo web
PRAGUE_KRAJ = "19"


@dataclass(frozen=True)
class Municipality:
    """One municipality of the registry (only the fields the demo web needs)."""

    code: str
    name: str
    official_name: str  # "Obec X", "Město X", "Městys X", "Statutární město X"
    okres: str
    kraj_kod: str
    kraj_name: str
    population: int
    size_class: str
    ico: str = ""

    @cached_property
    def status_genitive(self) -> str:
        """"obce" / "města" / "městyse": the word used in titles ("Program rozvoje obce X")."""
        head = self.official_name.lower()
        if head.startswith("městys"):
            return "městyse"
        if head.startswith("město") or head.startswith("statutární"):
            return "města"
        return "obce"

    @cached_property
    def office_name(self) -> str:
        return "Městský úřad" if self.status_genitive == "města" else (
            "Úřad městyse" if self.status_genitive == "městyse" else "Obecní úřad")


@dataclass(frozen=True)
class Kraj:
    kod: str
    name: str

    @property
    def genitive(self) -> str:
        """"Středočeský kraj" -> "Středočeského kraje"; "Kraj Vysočina" -> "Kraje Vysočina"."""
        if self.name.startswith("Kraj "):
            return "Kraje " + self.name[5:]
        adj, _, _ = self.name.partition(" ")
        if adj.endswith("ý"):
            adj = adj[:-1] + "ého"
        return f"{adj} kraje"


@lru_cache(maxsize=1)
def load_municipalities(path: Path | None = None) -> tuple[Municipality, ...]:
    """All municipalities with a known population, Prague excluded, in registry order."""
    path = path or SEEDS_DIR / "municipalities.csv"
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kod_obce"] == PRAGUE_CODE or not row.get("pocet_obyvatel_sp"):
                continue
            pop = int(float(row["pocet_obyvatel_sp"]))
            official = row.get("nazev_ucetni_jednotky") or f"Obec {row['nazev_obce']}"
            out.append(Municipality(
                code=row["kod_obce"], name=row["nazev_obce"], official_name=official,
                okres=row["okres_nazev"], kraj_kod=row["kraj_kod"], kraj_name=row["kraj_nazev"],
                population=pop, size_class=size_class(pop), ico=row["ico"].zfill(8) if row.get("ico") else ""))
    return tuple(out)


@lru_cache(maxsize=1)
def load_kraje(path: Path | None = None) -> tuple[Kraj, ...]:
    path = path or SEEDS_DIR / "kraje.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(Kraj(kod=r["kod"], name=r["nazev"]) for r in csv.DictReader(fh))


def choose_municipalities(rng: random.Random, classes: list[str]) -> list[Municipality]:
    """One distinct municipality per requested size class; an exhausted class borrows from the nearest one."""
    pools: dict[str, list[Municipality]] = {c: [] for c in CLASS_CODES}
    for m in load_municipalities():
        pools[m.size_class].append(m)
    for code in CLASS_CODES:
        rng.shuffle(pools[code])
    chosen = []
    for wanted in classes:
        idx = CLASS_CODES.index(wanted)
        order = sorted(range(len(CLASS_CODES)), key=lambda i: (abs(i - idx), -i))
        for i in order:
            pool = pools[CLASS_CODES[i]]
            if pool:
                chosen.append(pool.pop())
                break
        else:
            raise ValueError(f"registry has only {len(chosen)} municipalities; asked for {len(classes)}")
    return chosen


def choose_kraje(rng: random.Random, first: str, count: int) -> list[Kraj]:
    """`count` regions, the first being `first` (so a region can republish one of its municipalities' plans)."""
    kraje = [k for k in load_kraje() if k.kod != PRAGUE_KRAJ]
    head = [k for k in kraje if k.kod == first]
    rest = [k for k in kraje if k.kod != first]
    rng.shuffle(rest)
    return (head + rest)[:count]
