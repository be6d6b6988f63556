"""Specification of the dedup cache: what one night computed is there the next night, for the same parameters only."""
from pipelines import dedup_cache
from transforms.near_duplicates import fingerprint, fingerprint_params

LONG = " ".join(f"slovo{i} obec rozvoj" for i in range(40))


def test_fingerprints_and_similarities_survive_to_the_next_night(tmp_path):
    path, params = tmp_path / "dedup.sqlite", fingerprint_params()
    fps = {"a": fingerprint(LONG), "b": fingerprint("krátký text"), "c": fingerprint("")}
    assert dedup_cache.save(path, params, fps, {("a", "b"): 0.0}) == {"new_fingerprints": 3, "new_pairs": 1}
    assert dedup_cache.load(path, params) == (fps, {("a", "b"): 0.0})
    assert fps["a"].signature and fps["b"].short_key and fps["c"].words == 0


def test_saving_again_adds_only_what_is_new(tmp_path):
    path, params = tmp_path / "dedup.sqlite", fingerprint_params()
    dedup_cache.save(path, params, {"a": fingerprint(LONG)}, {})
    counts = dedup_cache.save(path, params, {"a": fingerprint(LONG), "b": fingerprint(LONG + " konec")},
                              {("a", "b"): 0.99})
    assert counts == {"new_fingerprints": 1, "new_pairs": 1}


def test_a_cache_made_with_other_parameters_is_not_reused(tmp_path):
    path = tmp_path / "dedup.sqlite"
    dedup_cache.save(path, fingerprint_params(seed=1), {"a": fingerprint(LONG, seed=1)}, {("a", "b"): 0.5})
    assert dedup_cache.load(path, fingerprint_params()) == ({}, {})
    dedup_cache.save(path, fingerprint_params(), {"b": fingerprint(LONG)}, {})
    assert set(dedup_cache.load(path, fingerprint_params())[0]) == {"b"}


def test_no_cache_is_an_empty_cache(tmp_path):
    assert dedup_cache.load(tmp_path / "missing.sqlite", fingerprint_params()) == ({}, {})
