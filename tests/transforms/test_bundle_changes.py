"""Changes between two bundles of a table: by key, ignoring columns that move every night."""
from transforms.bundle_changes import diff_rows


def test_rows_are_new_changed_or_removed_by_their_key_and_a_changed_row_names_its_columns():
    before = [{"id": "a", "title": "A", "seen": 1}, {"id": "b", "title": "B", "seen": 1}]
    after = [{"id": "b", "title": "B2", "seen": 2}, {"id": "c", "title": "C", "seen": 2}]

    changes = diff_rows(before, after, ["id"], ignore=["seen"])

    assert (changes.new, changes.changed, changes.removed) == (("c",), ("b",), ("a",))
    assert changes.changed_columns == {"b": ("title",)}


def test_a_row_whose_only_difference_is_an_ignored_column_is_unchanged():
    changes = diff_rows([{"id": "a", "seen": 1}], [{"id": "a", "seen": 2}], ["id"], ignore=["seen"])
    assert changes.counts == {"new": 0, "changed": 0, "removed": 0}


def test_composite_keys_with_nulls_sort_and_serialise_as_lists():
    after = [{"kraj": "Zlínský kraj", "size": None}, {"kraj": "Zlínský kraj", "size": "town"}]
    entry = diff_rows([], after, ["kraj", "size"]).as_json(["kraj", "size"])
    assert entry["new"] == [["Zlínský kraj", "town"], ["Zlínský kraj", None]] and entry["counts"]["new"] == 2
