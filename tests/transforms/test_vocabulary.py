"""The vocabulary is reviewed data: every term has a named source, taxonomy terms really are the taxonomy's."""
from __future__ import annotations

import json
import re

import pytest

from transforms.czech_text import casefold
from transforms.vocabulary import load_vocabulary, read_vocabulary_json

RAW = read_vocabulary_json()


def groups(node, path=""):
    """Every {"source", "terms"} group anywhere in the file, with where it sits."""
    if isinstance(node, dict):
        if "source" in node and "terms" in node:
            yield path, node
        for k, v in node.items():
            yield from groups(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from groups(v, f"{path}[{i}]")


def test_every_group_names_a_declared_source_and_has_terms():
    found = list(groups(RAW))
    assert len(found) > 40
    for path, g in found:
        assert g["source"] in RAW["sources"], (path, g["source"])
        assert g["terms"] and all(isinstance(t, str) and t.strip() for t in g["terms"]), path


def test_no_term_is_listed_twice_in_one_role():
    for path, g in groups(RAW):
        terms = [casefold(t) for t in g["terms"]]
        assert len(terms) == len(set(terms)), (path, sorted(t for t in terms if terms.count(t) > 1))


def test_every_regex_compiles_and_the_vocabulary_loads_once():
    for t in RAW["document_types"]:
        for key in ("title_regex", "url_regex"):
            if t.get(key):
                re.compile(t[key])
    assert load_vocabulary() is load_vocabulary()
    assert len(load_vocabulary().areas) == 17


@pytest.mark.shared
def test_terms_said_to_come_from_the_taxonomy_are_in_it(shared_dir):
    """A 'taxonomy' term is one of the shared taxonomy's keywords, markers or first-page cues, or built on its stems."""
    tax = json.loads((shared_dir / "domain" / "taxonomy.json").read_text(encoding="utf-8"))
    marker = re.compile(tax["smart_markers"]["regex"])
    known = ({casefold(k) for a in tax["areas"] for k in a["keywords_cs"]} | {casefold(k) for k in tax["smart_markers"]["keywords_cs"]}
             | {casefold(c) for t in tax["document_types"] for c in t.get("first_page_cues") or []})
    stems = {casefold(s) for a in tax["areas"] for s in a["stems_cs"]}
    for path, g in groups(RAW):
        if g["source"] != "taxonomy":
            continue
        for term in g["terms"]:
            t = casefold(term.lstrip("=").split("|")[0])
            ok = t in known or marker.search(term) or any(w.startswith(s) for w in t.split() for s in stems)
            assert ok, (path, term)
