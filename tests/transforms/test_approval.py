"""The document's own approval (date, body, resolution number) - and the many approvals it only cites."""
from __future__ import annotations

import pytest

from tests.transforms.test_validity import dev_documents, needs_dev_corpus
from transforms.approval import APPROVAL_BODIES, Approval, find_approval, normalise_body, parse_date


def test_dates_numeric_and_genitive_month_names():
    assert parse_date("12. 3. 2020") == "2020-03-12"
    assert parse_date("14.12.2022") == "2022-12-14"
    assert parse_date("5. května 2021") == "2021-05-05"
    months = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
              "listopadu", "prosince"]
    for i, m in enumerate(months, start=1):
        assert parse_date(f"1. {m} 2019") == f"2019-{i:02d}-01"
    assert parse_date("31. 2. 2020") is None
    assert parse_date("bez data") is None


@pytest.mark.parametrize("raw, body", [
    ("Zastupitelstvem obce", "zastupitelstvo obce"),
    ("zastupitelstvo městyse", "zastupitelstvo městyse"),
    ("Zastupitelstvem města Kolína", "zastupitelstvo města"),
    ("Zastupitelstvem statutárního města Ostravy", "zastupitelstvo města"),
    ("Zastupitelstvo městské části Praha 7", "zastupitelstvo městské části"),
    ("Zastupitelstvem hl. m. Prahy", "zastupitelstvo hlavního města prahy"),
    ("Zastupitelstvem Jihomoravského kraje", "zastupitelstvo kraje"),
    ("Zastupitelstvo Kraje Vysočina", "zastupitelstvo kraje"),
    ("Radou města", "rada města"),
    ("usnesením Rady kraje", "rada kraje"),
    ("Radou Zlínského kraje", "rada kraje"),
    ("vládou", "vláda"),
    ("Valnou hromadou MAS", "valná hromada"),
    ("členskou schůzí spolku", "členská schůze"),
    ("řídicím orgánem", "řídicí orgán"),
    ("usnesením ZM", "zastupitelstvo města"),
    ("usnesením RK", "rada kraje"),
])
def test_bodies_are_normalised_to_a_generic_lowercase_form(raw, body):
    assert normalise_body(raw) == body
    assert body in APPROVAL_BODIES


@pytest.mark.parametrize("text, approved_on, body, number", [
    ("Strategický plán rozvoje města Dobříš 2021–2030\n\n"
     "Schváleno Zastupitelstvem města dne 12. 3. 2020, usnesení č. ZM/123/2020",
     "2020-03-12", "zastupitelstvo města", "ZM/123/2020"),
    ("Koncepce rozvoje cestovního ruchu Zlínského kraje\n\n"
     "Dokument byl schválen usnesením Rady kraje č. 123/RK/2021 ze dne 5. května 2021.",
     "2021-05-05", "rada kraje", "123/RK/2021"),
    ("Program rozvoje obce Lhota pod Libčany 2023–2027\n\n"
     "Zastupitelstvo obce schválilo tento program na svém zasedání dne 14.12.2022 usnesením č. 5/2022.",
     "2022-12-14", "zastupitelstvo obce", "5/2022"),
    ("Koncepce Smart Cities\nDne 10. 5. 2021 byla vládou schválena Koncepce Smart Cities.",
     "2021-05-10", "vláda", None),
    ("Strategie komunitně vedeného místního rozvoje MAS Lašsko\n"
     "Strategie byla schválena Valnou hromadou MAS dne 29. 3. 2016.",
     "2016-03-29", "valná hromada", None),
    ("Územní energetická koncepce města Písek\nDatum schválení: 18. 6. 2019",
     "2019-06-18", None, None),
    ("Plán udržitelné městské mobility Olomouc\n\nPlán byl schválen Zastupitelstvem statutárního města Olomouce "
     "dne 22. června 2020 usnesením č. 12/3/2020.",
     "2020-06-22", "zastupitelstvo města", "12/3/2020"),
])
def test_own_approval_statements(text, approved_on, body, number):
    a = find_approval(text)
    assert (a.approved_on, a.approval_body, a.resolution_number) == (approved_on, body, number)
    assert a.evidence


def test_resolution_document_heading_is_its_own_approval():
    text = ("Usnesení zastupitelstva obce Blešno č. 5/2022 ze dne 14. 12. 2022\n"
            "Zastupitelstvo obce schvaluje rozpočet obce na rok 2023.")
    a = find_approval(text)
    assert (a.approved_on, a.approval_body, a.resolution_number) == ("2022-12-14", "zastupitelstvo obce", "5/2022")


def test_approval_on_the_last_page():
    text = ("Akční plán rozvoje obce Těrlicko na roky 2024–2025\n\f" + "Opatření a aktivity. " * 400 +
            "\f\nTento akční plán byl schválen zastupitelstvem obce dne 7. 12. 2023 usnesením č. ZO/41/2023.")
    a = find_approval(text)
    assert (a.approved_on, a.approval_body, a.resolution_number) == ("2023-12-07", "zastupitelstvo obce", "ZO/41/2023")


@pytest.mark.parametrize("text", [
    # another document's approval, cited by an implementation plan
    "IMPLEMENTAČNÍ PLÁN PRO ROKY 2026 AŽ 2028\nÚvod\nDokument navazuje na Strategii pro správu dat ve veřejné správě "
    "ČR (2024–2030) (dále jen Strategie), která byla schválena usnesením vlády č. 287 ze dne 30. 4. 2024.",
    # a methodology citing the strategy it implements
    "METODIKA POPISU DAT\nMetodika vychází ze Strategie pro správu dat (schválená vládou v usnesení č. 287 z 30. dubna 2024).",
    # a cited government resolution without any approval verb
    "Akční plán\nV souladu s usnesením vlády č. 123 ze dne 5. 1. 2020 k Národní strategii kybernetické bezpečnosti ...",
    # future and proposals
    "Plán odpadového hospodářství obce Kostelec\nNávrh bude schválen zastupitelstvem obce dne 12. 3. 2020.",
    "Strategie rozvoje města Kolína\nMateriál je předkládán ke schválení Zastupitelstvu města dne 4. 9. 2023.",
    # a decision, not an approval of this notice
    "Obec Blešno\nZastupitelstvo obce na 30. zasedání dne 18.12.2017 projednalo výsledky hospodaření provozu kanalizace.",
    # minutes approve many other things
    "Zápis z 5. zasedání zastupitelstva obce Vrbice\nZastupitelstvo obce schválilo rozpočet obce na rok 2021 dne 3. 2. 2021.",
    # negated
    "Územní studie veřejného prostranství\nZastupitelstvo neschválilo studii dne 3. 3. 2021.",
    # an approval without a date
    "Strategický plán rozvoje obce Lipník\nPlán byl schválen zastupitelstvem obce.",
    # a statement in the middle of a long text, not about this document
    "Program rozvoje obce Bystřice\n\f" + "Analytická část. " * 400 + "\nRegionální akční plán byl schválen radou "
    "kraje dne 3. 3. 2021.\n" + "Návrhová část. " * 400,
])
def test_cited_or_unclear_approvals_give_none(text):
    assert find_approval(text) == Approval(None, None, None, None)


def test_never_raises():
    assert find_approval("") == Approval(None, None, None, None)
    assert find_approval(None) == Approval(None, None, None, None)  # type: ignore[arg-type]
    assert find_approval("schváleno dne 99. 99. 2020").approved_on is None


def test_dev_corpus_approvals_are_not_invented():
    """No dev document states its own approval (only cited ones): every prediction would be a false positive."""
    needs_dev_corpus()
    tp = fp = fn = 0
    wrong = []
    for label, res in dev_documents():
        a = find_approval(res.text or "")
        gold = label["approved_on"]
        if a.approved_on:
            if a.approved_on == gold:
                tp += 1
            else:
                fp += 1
                wrong.append((label["file"], gold, a.approved_on, a.evidence))
        if gold and a.approved_on != gold:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\napproved_on: tp={tp} fp={fp} fn={fn} precision={precision:.2f} recall={recall:.2f}")
    for w in wrong:
        print("  wrong:", w)
    assert fp == 0
