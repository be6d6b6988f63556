"""Specification of linking Databáze strategií records to harvested strategies."""
from transforms.registry_link import link_records


def _s(sid, title, area="556001", vf=2021, vt=2030):
    return {"strategy_id": sid, "area": area, "title": title, "validity_from": vf, "validity_to": vt}


def _r(rid, name, area="556001", vf=None, vt=None):
    return {"record_id": rid, "area": area, "name": name, "valid_from": vf, "valid_to": vt}


def test_a_registry_title_worded_a_little_differently_links_to_its_strategy():
    links = link_records([_r("r1", "Strategický plán obce Lhota")],
                         [_s("s1", "Strategický plán rozvoje obce Lhota 2021–2030"), _s("s2", "Program rozvoje obce Lhota")])
    assert [(link.record_id, link.strategy_id) for link in links] == [("r1", "s1")]


def test_another_municipality_s_strategy_of_the_same_name_is_never_linked():
    assert link_records([_r("r1", "Program rozvoje obce", area="556001")],
                        [_s("s1", "Program rozvoje obce", area="599999")]) == []


def test_an_edition_of_another_period_is_not_linked():
    assert link_records([_r("r1", "Strategický plán rozvoje obce Lhota", vf=2010, vt=2015)],
                        [_s("s1", "Strategický plán rozvoje obce Lhota 2021–2030")]) == []


def test_one_record_one_strategy_the_best_pair_wins():
    links = link_records([_r("r1", "Plán udržitelné městské mobility Lhota"), _r("r2", "Plán mobility")],
                         [_s("s1", "Plán udržitelné městské mobility města Lhota")])
    assert [(link.record_id, link.strategy_id) for link in links] == [("r1", "s1")]


def test_a_record_of_an_older_edition_links_to_that_edition_of_the_strategy():
    editions = [{**_s("s1", "Strategický plán rozvoje města Lhota 2021–2030"), "edition_id": "new"},
                {**_s("s1", "Strategický plán rozvoje města Lhota 2013–2019", vf=2013, vt=2019), "edition_id": "old"}]
    links = link_records([_r("r-old", "Strategický plán rozvoje města Lhota 2013-2019", vf=2013, vt=2019),
                          _r("r-new", "Strategický plán rozvoje města Lhota", vf=2021, vt=2030)], editions)
    assert {(link.record_id, link.strategy_id, link.edition_id) for link in links} == {
        ("r-old", "s1", "old"), ("r-new", "s1", "new")}


def test_among_titles_that_contain_the_record_s_words_the_closest_one_wins():
    links = link_records([_r("r1", "Strategie rozvoje Zlínského kraje 2021–2027", area="72", vf=2021, vt=2027)],
                         [_s("ap", "Akční plán Strategie rozvoje Zlínského kraje 2025–2026", area="72", vf=2025, vt=2026),
                          _s("sr", "Strategie rozvoje Zlínského kraje 2021–2027", area="72", vf=2021, vt=2027)])
    assert [link.strategy_id for link in links] == ["sr"]
