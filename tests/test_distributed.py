"""policyie.distributed on a LocalCluster of 2 worker processes: output identical to the serial run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from policyie.batch import extract_many  # noqa: E402
from policyie.distributed import extract_bag  # noqa: E402
from policyie.outputs import write  # noqa: E402
from policyie.outputs.parquet import read_table  # noqa: E402
from policyie.outputs.tables import TABLES  # noqa: E402

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))

# Generated articles in the register of provincial and county news (names are invented).
_PROVINCES = [("四川", "成都市", "双流区"), ("河南", "洛阳市", "孟津区"), ("广东", "韶关市", "乐昌市"), ("甘肃", "天水市", "秦州区")]


def generated() -> list[dict]:
    out = []
    for i, (prov, city, county) in enumerate(_PROVINCES):
        text = (
            f"{i + 3}月{i + 10}日，{prov}省委书记张{i}文到{city}{county}调研乡村振兴工作。"
            f"他强调，要坚持稳中求进工作总基调，扎实推进“千村示范”工程。"
            f"{city}委书记刘{i}平参加调研。当天下午，{prov}省委常委会召开会议，研究部署防汛救灾工作。"
        )
        out.append({"id": f"gen{i}", "text": text, "published": f"2024-0{i + 3}-{i + 11}", "source": f"{prov}日报"})
    return out


def corpus() -> list[dict]:
    seeds = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in SEEDS]
    return seeds + generated() + [{"id": "broken"}]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def assert_same_tables(a: Path, b: Path) -> None:
    for t in TABLES:
        ta, tb = read_table(a, t), read_table(b, t)
        assert ta.to_pylist() == tb.to_pylist(), t


def test_cluster_output_identical_to_serial(tmp_path: Path, client) -> None:
    recs = corpus()
    serial = tmp_path / "serial.parquet"
    run = extract_many(recs)
    write(run, serial)
    assert [f.id for f in run.report.failures] == ["broken"]

    summary = extract_bag(recs, client=client, output_dir=tmp_path / "dask.parquet", partition_size=3)
    assert summary.partitions == 4 and summary.documents == len(recs) - 1
    assert [f.id for f in summary.failures] == ["broken"]
    assert len(list((tmp_path / "dask.parquet" / "officials").glob("part-*.parquet"))) == 4
    assert read_table(serial, "documents").num_rows == len(recs) - 1
    assert_same_tables(serial, tmp_path / "dask.parquet")


def test_cluster_reads_a_jsonl_corpus(tmp_path: Path, client) -> None:
    recs = generated()
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    write(extract_many(recs), tmp_path / "serial.parquet")
    summary = extract_bag(path, client=client, output_dir=tmp_path / "dask.parquet", npartitions=2)
    assert summary.documents == len(recs) and summary.partitions == 2
    assert_same_tables(tmp_path / "serial.parquet", tmp_path / "dask.parquet")
