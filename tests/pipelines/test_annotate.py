"""The annotation stage: every extracted text is annotated once, the pool holds a bounded window of texts, and an
input lost before its turn is a recorded failure that the next run retries."""
import json
from concurrent.futures import ThreadPoolExecutor

from core.settings import Settings
from pipelines import annotate
from pipelines.extract import result_path as extracted_path

TEXT = ("Zastupitelstvo obce schválilo na svém zasedání rozpočet na příští rok. Obec opraví chodník u školy, "
        "vybuduje nové hřiště a rozšíří veřejné osvětlení v místní části. ") * 5


def _extracted(settings: Settings, sha: str, text: str = TEXT) -> None:
    path = extracted_path(settings.extracted_dir, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"doc_id": sha, "extraction_status": "ok", "title": "Zápis ze zasedání",
                                "text": text, "extractor_version": "test", "meta": {}}), encoding="utf-8")


def test_every_extracted_text_is_annotated_once(tmp_path):
    settings = Settings(data_dir=tmp_path)
    shas = [f"{i:064x}" for i in range(40)]
    for sha in shas:
        _extracted(settings, sha)
    first = annotate.annotate_documents(settings, workers=2)
    assert (first.candidates, first.annotated, first.failed) == (40, 40, 0)
    assert [annotate.read_annotation(settings, sha)["doc_id"] for sha in shas] == shas
    again = annotate.annotate_documents(settings, workers=2)
    assert (again.annotated, again.already_done) == (0, 40)


def test_the_pool_is_given_a_bounded_window_of_texts_and_answers_in_order():
    pulled = 0

    def jobs():
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield {"doc_id": str(i), "unreadable": "cheap to answer"}

    with ThreadPoolExecutor(2) as pool:
        results = annotate._in_order(pool, jobs(), in_flight=3)
        first = next(results)
        assert pulled <= 3 * annotate.CHUNK  # pool.map would have taken all 200 texts at once
        rest = list(results)
    assert [r["doc_id"] for r in [first, *rest]] == [str(i) for i in range(200)]


def test_an_extraction_result_lost_before_its_turn_is_a_failure_the_next_run_retries(tmp_path):
    settings = Settings(data_dir=tmp_path)
    sha = "ab" * 32
    job = annotate._job(settings, sha, {}, {})  # listed, then gone before the pool reached it
    failed = annotate._annotate_job(job)
    assert failed["annotation_status"] == "failed" and "unreadable" in failed["annotation_error"]
    path = annotate.result_path(settings, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(failed), encoding="utf-8")
    _extracted(settings, sha)  # the next run finds it again
    stats = annotate.annotate_documents(settings, workers=1)
    assert (stats.annotated, stats.failed) == (1, 0)
    assert annotate.read_annotation(settings, sha)["annotation_status"] == "ok"


def test_a_damaged_extraction_result_is_a_failure_with_its_reason_not_a_crash(tmp_path):
    settings = Settings(data_dir=tmp_path)
    sha = "cd" * 32
    path = extracted_path(settings.extracted_dir, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    for damage in (b"\xff\xfe not UTF-8", b'{"doc_id": "cut in the mid'):
        path.write_bytes(damage)
        failed = annotate._annotate_job(annotate._job(settings, sha, {}, {}))
        assert failed["annotation_status"] == "failed" and path.name in failed["annotation_error"]
