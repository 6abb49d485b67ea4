"""Command line: ``policyie extract PATH... [-o OUT]`` and ``policyie show FILE``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from policyie.batch import BatchReport, Defaulted, extract_many
from policyie.errors import InputError
from policyie.records import Document
from policyie.sources import Unreadable, iter_sources


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policyie", description="Typed records from Chinese government and Party news.")
    sub = p.add_subparsers(dest="command")

    ex = sub.add_parser("extract", help="extract records from articles (files, folders, globs, - for stdin)")
    ex.add_argument("paths", nargs="+", help="files, folders, glob patterns, .jsonl corpora, or - for stdin")
    ex.add_argument("-o", "--output", help="output: .jsonl file (default: stdout), .duckdb file, or .parquet/.csv folder")
    ex.add_argument("--format", choices=["jsonl", "parquet", "duckdb", "csv"],
                    help="output format when the output's suffix does not say (csv: a folder, one file per table)")
    ex.add_argument("--published", help="publication date for documents that do not carry one (resolves 今年, 23日)")
    ex.add_argument("--title", help="title for documents that do not carry one")
    ex.add_argument("--source", dest="source_name", help="publisher (source) for documents that do not name one")
    ex.add_argument("-j", "--workers", type=int, default=1, help="worker processes (default 1)")
    ex.add_argument("--report", help="write one JSON line per skipped document (id, reason, message) here")
    ex.add_argument("--strict", action="store_true", help="exit 1 if any document was skipped")
    ex.add_argument("--timeout", type=float, help="skip a document that takes longer than this many seconds (Unix)")
    ex.add_argument("--slow", type=float, default=1.0, help="list documents slower than this many seconds (default 1)")
    ex.add_argument("--slow-report", help="write one JSON line per slow document (id, seconds) here")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    ex.set_defaults(run=_cmd_extract)

    sh = sub.add_parser("show", help="print one article's records as readable tables")
    sh.add_argument("path", help="an article file, or - for stdin")
    sh.add_argument("--published", help="publication date, when the article does not carry one")
    sh.set_defaults(run=_cmd_show)

    tr = sub.add_parser("train", help="rebuild the shipped NER pipeline (models/policyie_zh) from BIO files")
    tr.add_argument("--data-dir", default=None, help="folder with pd1998_dev.bio and msra_test.bio (default ../shared/data/ner)")
    tr.add_argument("--output", default=None, help="pipeline directory to write (default models/policyie_zh)")
    tr.add_argument("--epochs", type=int, default=8)
    tr.set_defaults(run=_cmd_train)
    return p


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.output not in (None, "-") and args.format is None:
        from policyie.outputs import detect_format

        try:
            detect_format(args.output)
        except ValueError as exc:
            print(f"policyie: {exc}", file=sys.stderr)
            return 2
    if args.published:
        from policyie.normalize.meta import parse_datetime

        if parse_datetime(args.published) is None:
            print(f"policyie: --published {args.published!r} is not a date policyie can read", file=sys.stderr)
            return 2
    defaults = {k: v for k, v in (("published", args.published), ("title", args.title),
                                  ("source", args.source_name)) if v}
    items = [i if isinstance(i, Unreadable) or not defaults else Defaulted(i, defaults) for i in iter_sources(args.paths)]
    failures: list[Unreadable] = [i for i in items if isinstance(i, Unreadable)]
    good = [i for i in items if not isinstance(i, Unreadable)]
    report = BatchReport()
    docs = _with_progress(
        _extract(good, args.workers, failures, report, args.slow, args.timeout), len(good), quiet=args.quiet or len(good) < 2
    )

    from policyie.outputs import OutputError

    try:
        n_ok = _write(docs, args.output, args.format)
    except OutputError as exc:
        print(f"policyie: {exc}", file=sys.stderr)
        return 2
    slow = sorted(report.slow, key=lambda s: -s[1])
    if args.slow_report:
        with open(args.slow_report, "w", encoding="utf-8") as fh:
            for doc_id, seconds in slow:
                fh.write(json.dumps({"id": doc_id, "seconds": seconds}, ensure_ascii=False) + "\n")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(json.dumps({"id": f.id, "reason": f.reason, "message": f.message}, ensure_ascii=False) + "\n")
    for f in failures:
        print(f"policyie: skipped {f.id}: {f.message}", file=sys.stderr)
    if not args.quiet:
        print(f"policyie: {_count(n_ok, 'document')} extracted, {len(failures)} skipped", file=sys.stderr)
        if slow:
            worst = ", ".join(f"{i} {t:.2f} s" for i, t in slow[:5])
            print(f"policyie: {len(slow)} took over {args.slow:g} s (slowest: {worst})", file=sys.stderr)
    if failures and (args.strict or n_ok == 0):
        return 1
    return 0


def _extract(
    items: list, workers: int, failures: list[Unreadable], report: BatchReport, slow: float, timeout: float | None
) -> Iterator[Document]:
    yield from extract_many(items, workers=workers, report=report, slow_threshold=slow, timeout=timeout)
    failures.extend(Unreadable(f.id, f.reason, f.message) for f in report.failures)


def _with_progress(docs: Iterator[Document], total: int, quiet: bool) -> Iterator[Document]:
    if quiet or not sys.stderr.isatty():
        yield from docs
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=total)
        for d in docs:
            progress.advance(task)
            yield d


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _write(docs: Iterator[Document], output: str | None, fmt: str | None = None) -> int:
    from policyie import outputs

    if output is None or output == "-":
        if fmt not in (None, "jsonl"):
            raise outputs.OutputError(f"{fmt} output needs a path (-o), not standard output")
        return outputs.write(docs, sys.stdout, fmt="jsonl").documents
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    return outputs.write(docs, output, fmt=fmt).documents


def _cmd_show(args: argparse.Namespace) -> int:
    from policyie import extract
    from policyie.show import render

    try:
        source = sys.stdin.buffer.read() if args.path == "-" else Path(args.path)
        doc = extract(source, published=args.published)
    except InputError as exc:
        # The message names the file already when it came from reading it (nope.txt: cannot read …).
        msg = str(exc) if str(exc).startswith(str(args.path)) else f"{args.path}: {exc}"
        print(f"policyie: {msg}", file=sys.stderr)
        return 1
    render(doc)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from policyie import training

    kwargs: dict = {"epochs": args.epochs}
    if args.data_dir:
        kwargs["data_dir"] = args.data_dir
    if args.output:
        kwargs["output"] = args.output
    result = training.train(**kwargs)
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
