"""What changed in a table between two export bundles, by its key: the changes file and the digest are built on it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

Key = Any  # one value for a one-column key, a tuple for a composite one


@dataclass(frozen=True)
class TableChanges:
    """Keys of rows new, changed and removed since the previous bundle (each sorted), and what changed in each."""

    new: tuple = ()
    changed: tuple = ()
    removed: tuple = ()
    changed_columns: Mapping[Key, tuple[str, ...]] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return {"new": len(self.new), "changed": len(self.changed), "removed": len(self.removed)}

    def as_json(self, key_columns: Sequence[str]) -> dict:
        """The changes-file entry: composite keys as lists, each changed key with the columns that changed."""
        out = lambda k: list(k) if isinstance(k, tuple) else k  # noqa: E731
        return {"key": list(key_columns), "counts": self.counts,
                "new": [out(k) for k in self.new], "changed": [out(k) for k in self.changed],
                "removed": [out(k) for k in self.removed],
                "changed_columns": [{"key": out(k), "columns": list(self.changed_columns[k])} for k in self.changed]}


def row_key(row: Mapping, key_columns: Sequence[str]) -> Key:
    return row[key_columns[0]] if len(key_columns) == 1 else tuple(row[c] for c in key_columns)


def _sort_key(key: Key) -> tuple:
    """Keys with nulls sort (nulls last) without comparing None to a string."""
    parts = key if isinstance(key, tuple) else (key,)
    return tuple((p is None, "" if p is None else str(p)) for p in parts)


def diff_rows(previous: Iterable[Mapping], current: Iterable[Mapping], key_columns: Sequence[str],
              ignore: Iterable[str] = ()) -> TableChanges:
    """Compare two versions of a table by key. Columns in `ignore` (a last-seen time, a line number that moves
    when a file grows) change every night without the row changing, so they do not make a row changed."""
    ignored = set(ignore)
    old = {row_key(r, key_columns): r for r in previous}
    new = {row_key(r, key_columns): r for r in current}
    changed_columns = {}
    for k in old.keys() & new.keys():
        cols = tuple(c for c in new[k] if c not in ignored and old[k].get(c) != new[k][c])
        cols += tuple(c for c in old[k] if c not in new[k] and c not in ignored)  # a column the new bundle dropped
        if cols:
            changed_columns[k] = cols
    ordered = lambda keys: tuple(sorted(keys, key=_sort_key))  # noqa: E731
    return TableChanges(new=ordered(new.keys() - old.keys()), changed=ordered(changed_columns),
                        removed=ordered(old.keys() - new.keys()), changed_columns=changed_columns)
