"""Municipality size classes of the project taxonomy (from ../shared/domain/taxonomy.json project_classes)."""
from __future__ import annotations

# (code, min inclusive, max inclusive or None); smart_scope of a class follows the taxonomy.
SIZE_CLASSES: tuple[tuple[str, int, int | None], ...] = (
    ("village_xs", 0, 499),
    ("village", 500, 1999),
    ("small_town", 2000, 9999),
    ("town", 10000, 49999),
    ("city", 50000, None),
)


def size_class(population: float | int | None) -> str | None:
    """Project size class of a population count; None when the population is unknown."""
    if population is None:
        return None
    try:
        pop = int(population)
    except (TypeError, ValueError):
        return None
    for code, low, high in SIZE_CLASSES:
        if pop >= low and (high is None or pop <= high):
            return code
    return None
