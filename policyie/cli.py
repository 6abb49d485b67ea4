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
    # Corpora as tables (.csv, .tsv, .parquet) or JSONL: which column holds what (default: the usual names).
    for field, usual in (("text", "text, html, content or body"), ("id", "id"), ("date", "published, pubtime, date or datetime"),
                         ("title", "title"), ("url", "url"), ("source", "source")):
        ex.add_argument(f"--{field}-column", metavar="NAME",
                        help=f"in a .csv/.tsv/.parquet/.jsonl corpus, the column holding the {field} (default: {usual})")
    ex.add_argument("-j", "--workers", type=int, default=1, help="worker processes (default 1)")
    ex.add_argument("--report", help="write one JSON line per skipped document (id, reason, message) here")
    ex.add_argument("--strict", action="store_true", help="exit 1 if any document was skipped")
    ex.add_argument("--timeout", type=float, help="skip a document that takes longer than this many seconds (Unix)")
    ex.add_argument("--slow", type=float, default=1.0, help="list documents slower than this many seconds (default 1)")
    ex.add_argument("--slow-report", help="write one JSON line per slow document (id, seconds) here")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    ex.add_argument("--kb", default=None,
                    help="knowledge base of office-holders for Official.id and untitled officials: a KB file "
                         "(policyie kb build), or 'none' (default: the one shipped with policyie)")
    ex.set_defaults(run=_cmd_extract)

    sh = sub.add_parser("show", help="print one article's records as readable tables, or write them as an HTML page")
    sh.add_argument("path", help="an article file, a .jsonl/.jsonl.gz corpus (one item of it is shown), or - for stdin")
    sh.add_argument("--published", help="publication date, when the article does not carry one")
    sh.add_argument("--id", dest="item_id", help="in a .jsonl corpus, the id of the item to show (default: the first)")
    sh.add_argument("--html", action="store_true",
                    help="write one self-contained review page (highlighted text, records, evidence) instead")
    sh.add_argument("-o", "--output", help="write to this file instead of stdout (.html/.htm implies --html)")
    sh.add_argument("--why", action="store_true", help="show which rule made each record (its evidence)")
    sh.set_defaults(run=_cmd_show)

    from policyie import kb_cli

    kb_cli.add_parser(sub)

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
    items = [i if isinstance(i, Unreadable) or not defaults else Defaulted(i, defaults) for i in iter_sources(args.paths, columns=_columns(args))]
    failures: list[Unreadable] = [i for i in items if isinstance(i, Unreadable)]
    good = [i for i in items if not isinstance(i, Unreadable)]
    report = BatchReport()
    kb = _kb_option(args.kb)
    if kb is not None and kb is not False and not Path(kb).is_file():
        print(f"policyie: --kb {args.kb}: no such file (build one with `policyie kb build`, or --kb none)", file=sys.stderr)
        return 2
    docs = _with_progress(
        _extract(good, args.workers, failures, report, args.slow, args.timeout, kb), len(good),
        quiet=args.quiet or len(good) < 2,
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


def _columns(args: argparse.Namespace):
    from policyie.sources import Columns

    return Columns(text=args.text_column, id=args.id_column, title=args.title_column, url=args.url_column,
                   source=args.source_column, published=args.date_column)


def _kb_option(value: str | None) -> str | bool | None:
    """--kb: None → the shipped KB, 'none' → no KB, else a path."""
    if value is None:
        return None
    return False if value.lower() in ("none", "off", "false", "no") else value


def _extract(
    items: list, workers: int, failures: list[Unreadable], report: BatchReport, slow: float, timeout: float | None,
    kb: str | bool | None = None,
) -> Iterator[Document]:
    yield from extract_many(items, workers=workers, report=report, slow_threshold=slow, timeout=timeout, kb=kb)
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
    from policyie.sources import CORPUS_SUFFIXES

    try:
        if args.path != "-" and args.path.endswith(CORPUS_SUFFIXES):
            doc = _corpus_item(args.path, args.item_id, args.published)
            if doc is None:
                return 1
        else:
            if args.item_id is not None:
                print("policyie: --id picks an item of a .jsonl corpus; this input is one article", file=sys.stderr)
                return 2
            source = sys.stdin.buffer.read() if args.path == "-" else Path(args.path)
            doc = extract(source, published=args.published)
    except InputError as exc:
        # The message names the file already when it came from reading it (nope.txt: cannot read …).
        msg = str(exc) if str(exc).startswith(str(args.path)) else f"{args.path}: {exc}"
        print(f"policyie: {msg}", file=sys.stderr)
        return 1
    html = args.html or (args.output or "").lower().endswith((".html", ".htm"))
    if html:
        from policyie.display import page

        text = page(doc)
    elif args.output not in (None, "-"):
        import io

        from rich.console import Console

        from policyie.show import render

        buffer = io.StringIO()  # a file, not a terminal: plain text, no colour codes
        render(doc, Console(file=buffer, width=120, color_system=None, force_terminal=False), why=args.why)
        text = buffer.getvalue()
    else:
        from policyie.show import render

        render(doc, why=args.why)
        return 0
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def _corpus_item(path: str, item_id: str | None, published: str | None) -> Document | None:
    """The item of a JSONL corpus that `policyie show` shows: the one with ``item_id``, else the first
    readable one (saying so on stderr). None, after saying why on stderr, when there is none."""
    from policyie import extract
    from policyie.batch import extract_arguments  # what `extract_many` gives `extract` for a corpus record

    for item in iter_sources([path]):
        if isinstance(item, Unreadable):
            if item.reason in ("not-found", "unreadable") or item.id == item_id:
                print(f"policyie: {item.message}", file=sys.stderr)
                return None
            continue  # a bad line: the next one may do
        rec_id = str(item.get("id"))
        if item_id is not None and rec_id != item_id:
            continue
        call_args, kwargs = extract_arguments(Defaulted(item, {"published": published}) if published else item)
        doc = extract(*call_args, **kwargs)
        if item_id is None:
            print(f"policyie: showing the first item of {path}, id {rec_id}; choose another with --id ID", file=sys.stderr)
        return doc
    what = f"no item with id {item_id!r}" if item_id is not None else "no readable item"
    print(f"policyie: {path}: {what}", file=sys.stderr)
    return None


def _cmd_train(args: argparse.Namespace) -> int:
    from policyie import training

    kwargs: dict = {"epochs": args.epochs}
    if args.data_dir:
        kwargs["data_dir"] = args.data_dir
    if args.output:
        kwargs["output"] = args.output
    try:
        result = training.train(**kwargs)
    except training.MissingData as exc:  # data beside the checkout (../shared): one line, not a traceback
        print(f"policyie train: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
