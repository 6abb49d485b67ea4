"""Extraction over a dask cluster: a bag of articles in, partitioned Parquet tables out.

    >>> from policyie.distributed import extract_bag
    >>> extract_bag("corpus.jsonl.gz", scheduler="tcp://scheduler:8786", output_dir="out.parquet")

or from a shell: ``python -m policyie.distributed corpus.jsonl.gz -o out.parquet --scheduler tcp://…``.

Each partition becomes ``<output_dir>/<table>/part-NNNNN.parquet`` for every table of
`policyie.outputs.tables.SCHEMA`: the layout `policyie.outputs.write` gives a ``.parquet`` path, so
the same readers work, and reading the parts in name order gives the documents in input order.
Each worker process loads the pipeline once (a worker plugin warms it at start-up; the pipeline
is a per-process cache after that). Needs ``pip install policyie[dask]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyie.batch import Failure, Source, extract_many, warm_up
from policyie.outputs.jsonl import json_lines
from policyie.sources import CORPUS_SUFFIXES


@dataclass
class DistributedSummary:
    output_dir: str
    partitions: int = 0
    documents: int = 0
    failures: list[Failure] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def extract_bag(
    sources: str | Path | Sequence[str | Path] | Iterable[Source] | Any,
    *,
    output_dir: str | Path,
    client: Any = None,
    scheduler: str | None = None,
    npartitions: int | None = None,
    partition_size: int = 200,
) -> DistributedSummary:
    """Run extraction on a dask cluster and write partitioned Parquet under ``output_dir``.

    ``sources`` is a JSONL(.gz) corpus path (or a list of them: each line a record with ``text``
    or ``html``), an in-memory sequence of anything `policyie.batch.extract_many` accepts, or a
    ready ``dask.bag.Bag`` of those. ``client`` is a ``distributed.Client``; without one,
    ``scheduler`` is an address (``tcp://10.0.0.5:8786``) to connect to, and without either the
    dask default scheduler runs it locally. Partitions hold about ``partition_size`` documents
    unless ``npartitions`` fixes their number.
    """
    import time

    import dask

    from policyie.outputs.parquet import clear_parts

    t0 = time.perf_counter()
    own_client = None
    if client is None and scheduler is not None:
        from distributed import Client

        client = own_client = Client(scheduler)
    try:
        if client is not None:
            _register_warm_up(client)
        bag = _bag(sources, npartitions, partition_size)
        out = Path(output_dir)
        clear_parts(out)
        tasks = [dask.delayed(_run_partition)(part, i, str(out)) for i, part in enumerate(bag.to_delayed())]
        if client is not None:
            results = client.gather(client.compute(tasks))
        else:
            results = dask.compute(*tasks)
    finally:
        if own_client is not None:
            own_client.close()
    summary = DistributedSummary(str(out), partitions=len(results))
    for docs, failures, rows in results:
        summary.documents += docs
        summary.failures.extend(failures)
        for t, n in rows.items():
            summary.rows[t] = summary.rows.get(t, 0) + n
    summary.seconds = time.perf_counter() - t0
    return summary


def _bag(sources: Any, npartitions: int | None, partition_size: int):
    import dask.bag as db

    if isinstance(sources, db.Bag):
        return sources.repartition(npartitions) if npartitions else sources
    if isinstance(sources, (str, Path)):
        sources = [sources]
    items = list(sources)
    if items and all(isinstance(s, (str, Path)) and _is_corpus(s) for s in items):
        # Lines are read on the driver: a gzip file cannot be split, and ids must follow line order.
        records = [rec for p in items for rec in json_lines(p)]
    else:
        records = items
    n = npartitions or max(1, -(-len(records) // partition_size))
    return db.from_sequence(records, npartitions=min(n, max(1, len(records))))


def _is_corpus(s: str | Path) -> bool:
    name = str(s).lower()
    return name.endswith(CORPUS_SUFFIXES) and Path(s).is_file()


def _run_partition(items: list, part: int, output_dir: str) -> tuple[int, list[Failure], dict[str, int]]:
    """On a worker: extract one partition serially (the pipeline is cached per process) and write its part."""
    from policyie.outputs.parquet import write_parquet

    run = extract_many(items, workers=1)
    summary = write_parquet(run, output_dir, part=part, clear=False)
    return summary.documents, list(run.report.failures), summary.rows


def _register_warm_up(client) -> None:
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmPipeline(WorkerPlugin):
        name = "policyie-warm-pipeline"

        def setup(self, worker) -> None:
            warm_up()

    client.register_plugin(WarmPipeline())


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m policyie.distributed", description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="+", help="JSONL(.gz) files, one article record per line")
    ap.add_argument("-o", "--output-dir", required=True, help="directory for <table>/part-NNNNN.parquet")
    ap.add_argument("--scheduler", help="address of a running dask scheduler, e.g. tcp://10.0.0.5:8786")
    ap.add_argument("--workers", type=int, default=0, help="without --scheduler: local worker processes (0 = CPUs)")
    ap.add_argument("--partition-size", type=int, default=200)
    args = ap.parse_args(argv)
    client = None
    if args.scheduler is None:
        import os

        from distributed import Client, LocalCluster

        n = args.workers or os.cpu_count() or 1
        client = Client(LocalCluster(n_workers=n, threads_per_worker=1, processes=True))
    try:
        s = extract_bag(
            args.corpus,
            output_dir=args.output_dir,
            client=client,
            scheduler=args.scheduler,
            partition_size=args.partition_size,
        )
    finally:
        if client is not None:
            client.close()
    print(
        f"{s.documents} documents in {s.partitions} partitions, {len(s.failures)} failed, "
        f"{s.seconds:.1f} s ({s.docs_per_s:.1f} docs/s) -> {s.output_dir}"
    )
    for f in s.failures[:20]:
        print(f"  {f.id}: {f.reason}: {f.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
