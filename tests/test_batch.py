"""extract_many: input order, per-document failures that never stop the batch, workers=2 == workers=1."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from policyie import InputError
from policyie.batch import BatchReport, extract_many

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))

GOOD = [
    "新华社北京3月5日电 国务院总理在人民大会堂作政府工作报告。",
    "本报讯 昨天上午，省委书记到宁波市调研制造业发展情况。",
    "记者从市政府获悉，全市今年将新建改建农村公路800公里。",
    "县委常委会召开会议，传达学习中央经济工作会议精神。",
    "市长主持召开市政府常务会议，研究部署防汛工作。",
    "区委书记到街道社区走访慰问困难群众。",
]


def records(texts: list[str]) -> list[dict]:
    return [{"id": f"doc{i:02d}", "text": t, "pubtime": "2023-06-01 19:00:00"} for i, t in enumerate(texts)]


def as_dicts(docs) -> list[dict]:
    return [d.to_dict(encode_json=False) for d in docs]


def test_order_kept_serial_and_parallel() -> None:
    recs = records(GOOD * 3)
    for workers in (1, 2):
        run = extract_many(recs, workers=workers, chunksize=2)
        assert [d.id for d in run] == [r["id"] for r in recs]
        assert run.report.ok == len(recs) and run.report.failures == []


def test_record_metadata_reaches_document() -> None:
    rec = {"id": "x1", "text": GOOD[0], "title": "标题", "url": "https://example.org/a", "source": "新华社", "date": "20240305"}
    (doc,) = extract_many([rec])
    assert (doc.id, doc.title, doc.url, doc.source) == ("x1", "标题", "https://example.org/a", "新华社")
    assert doc.published and doc.published.startswith("2024-03-05")


@pytest.mark.parametrize("workers", [1, 2])
def test_broken_inputs_among_good_ones(workers: int) -> None:
    good = records(GOOD)
    broken = [
        {"id": "no-text", "title": "只有标题"},
        {"id": "empty-text", "text": ""},
        {"id": "bad-date", "text": GOOD[0], "published": "not a date"},
        {"id": "not-a-source", "text": 42},
    ]
    mixed = [good[0], broken[0], good[1], good[2], broken[1], broken[2], good[3], broken[3], good[4], good[5]]
    run = extract_many(mixed, workers=workers, chunksize=3)
    docs = list(run)
    assert [d.id for d in docs] == [g["id"] for g in good]
    report: BatchReport = run.report
    assert report.ok == len(good) and report.failed == len(broken)
    by_id = {f.id: f for f in report.failures}
    assert list(by_id) == [b["id"] for b in broken]  # failures recorded in input order too
    assert by_id["no-text"].reason == "no-text" and by_id["empty-text"].reason == "no-text"
    assert by_id["bad-date"].reason == "bad-published"
    assert all(f.reason and f.message for f in report.failures)
    assert [f.index for f in report.failures] == [1, 4, 5, 7]


def test_workers_2_equals_workers_1() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + GOOD
    serial = as_dicts(extract_many(texts, workers=1))
    parallel = as_dicts(extract_many(texts, workers=2, chunksize=2))
    assert parallel == serial and len(serial) == len(texts)


def test_on_error_raise() -> None:
    with pytest.raises(InputError) as e:
        list(extract_many([GOOD[0], {"id": "broken"}], on_error="raise"))
    assert e.value.reason == "no-text" and "broken" in str(e.value)


def test_progress_callback_sees_every_document() -> None:
    seen: list[int] = []
    list(extract_many(records(GOOD) + [{"id": "bad"}], progress=lambda r: seen.append(r.done)))
    assert seen[: len(GOOD) + 1] == list(range(1, len(GOOD) + 2))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="monkeypatching reaches workers only under fork")
def test_worker_death_loses_only_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import policyie.pipeline

    real = policyie.pipeline.extract

    def crashing(source, **kw):
        if "致命" in source:
            os._exit(3)  # what a segfault or an OOM kill looks like to the pool
        return real(source, **kw)

    monkeypatch.setattr(policyie.pipeline, "extract", crashing)
    monkeypatch.setenv("POLICYIE_MP_START", "fork")
    recs = records(GOOD[:3] + ["致命的一篇文章。"] + GOOD[3:])
    run = extract_many(recs, workers=2, chunksize=2)
    assert [d.id for d in run] == [r["id"] for i, r in enumerate(recs) if i != 3]
    assert [(f.id, f.reason) for f in run.report.failures] == [("doc03", "worker-died")]


def test_paths_get_their_stem_and_garbage_is_an_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    run = extract_many([*SEEDS[:2], missing, b"\x00\x01\x02" * 100, "", "   "], workers=2, chunksize=1)
    assert [d.id for d in run] == [p.stem for p in SEEDS[:2]]
    assert [f.id for f in run.report.failures] == ["missing", "#3", "#4", "#5"]
    # SPEC §1: empty, binary or unreadable input is a clear InputError, never a crash.
    assert all(f.reason not in ("exception", "worker-died") for f in run.report.failures)


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="timeouts need SIGALRM")
@pytest.mark.parametrize("workers", [1, 2])
def test_timeout_fails_only_the_slow_document(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    import time

    import policyie.pipeline

    real = policyie.pipeline.extract

    def slow(source, **kw):
        if "很慢" in source:
            time.sleep(30)
        return real(source, **kw)

    monkeypatch.setattr(policyie.pipeline, "extract", slow)
    recs = records(GOOD[:2] + ["一篇很慢的文章。"] + GOOD[2:4])
    t0 = time.perf_counter()
    run = extract_many(recs, workers=workers, timeout=5.0)
    assert [d.id for d in run] == ["doc00", "doc01", "doc03", "doc04"]
    assert [(f.id, f.reason) for f in run.report.failures] == [("doc02", "timeout")]
    assert time.perf_counter() - t0 < 25
