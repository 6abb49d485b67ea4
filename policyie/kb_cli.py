"""``policyie kb build`` and ``policyie kb show``: make a knowledge base of office-holders, and read it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path


def add_parser(sub) -> None:
    kb = sub.add_parser("kb", help="build or read a knowledge base of office-holders (Official.id, untitled officials)")
    kbs = kb.add_subparsers(dest="kb_command")
    b = kbs.add_parser("build", help="harvest posts from extracted documents and merge curated name lists")
    b.add_argument("inputs", nargs="*", help="documents policyie extracted: .jsonl(.gz) files of Documents or .duckdb files")
    b.add_argument("-o", "--output", required=True, help="the KB file to write (.jsonl or .jsonl.gz)")
    b.add_argument("--lists", help="folder with the curated lists (cc19_central_committee_2017.tsv, "
                                   "provincial_leaders_1998_2017.tsv, prefecture_mayors_1990_2019.tsv, background1.csv)")
    b.add_argument("--min-count", type=int, default=2,
                   help="leave out a name not on a list that documents name with a title fewer times (default 2)")
    b.add_argument("--base", help="start from this KB (e.g. the shipped one: --base shipped) and add to it")
    b.set_defaults(run=_cmd_build)
    s = kbs.add_parser("show", help="a person's posts over time")
    s.add_argument("name")
    s.add_argument("--kb", help="a KB file (default: the one shipped with policyie)")
    s.add_argument("--json", action="store_true", help="print the KB records as JSON")
    s.set_defaults(run=_cmd_show)
    kb.set_defaults(run=lambda args: (kb.print_help(), 2)[1])


def read_documents(paths: list[str]) -> Iterator[dict]:
    """Documents as JSON dicts from policyie's JSONL output (or a .jsonl.gz of it) and DuckDB files."""
    from policyie.outputs.jsonl import json_lines

    for spec in paths:
        path = Path(spec)
        if path.suffix in (".duckdb", ".db"):
            yield from _from_duckdb(path)
            continue
        yield from json_lines(path)


def _from_duckdb(path: Path) -> Iterator[dict]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        pub = dict(con.execute("SELECT id, published FROM documents").fetchall())
        cols = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'official_titles'").fetchall()}
        country = dict(((d, n), c) for d, n, c in con.execute(
            "SELECT doc_id, name, country FROM officials").fetchall()) if "doc_id" in cols else {}
        docs: dict[str, dict] = {}
        for doc_id, name, title, org, post in con.execute(
                "SELECT doc_id, name, title, org, post FROM official_titles ORDER BY doc_id").fetchall():
            d = docs.setdefault(doc_id, {"published": pub.get(doc_id), "officials": {}})
            o = d["officials"].setdefault(name, {"name": name, "country": country.get((doc_id, name)), "titles": []})
            o["titles"].append({"text": title, "org": org, "post": post})
    finally:
        con.close()
    for d in docs.values():
        yield {"published": d["published"], "officials": list(d["officials"].values())}


def _cmd_build(args: argparse.Namespace) -> int:
    from policyie import kb, kb_lists

    people = []
    if args.lists:
        if not Path(args.lists).is_dir():
            print(f"policyie kb build: --lists {args.lists}: no such folder", file=sys.stderr)
            return 2
        people = kb_lists.read_all(args.lists)
    try:
        docs = list(read_documents(args.inputs))
    except (OSError, json.JSONDecodeError, EOFError) as exc:
        print(f"policyie kb build: cannot read the documents: {exc}", file=sys.stderr)
        return 2
    if args.base:
        base = kb.open_kb(None if args.base == "shipped" else args.base)
        people = list(base or []) + people
    built = kb.build(docs, people, min_count=args.min_count, meta={"inputs": [Path(p).name for p in args.inputs]})
    built.save(args.output)
    print(f"policyie kb build: {args.output}: {len(built)} persons from {len(docs)} documents"
          f"{' and the lists in ' + args.lists if args.lists else ''}", file=sys.stderr)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from policyie import kb

    try:
        base = kb.open_kb(args.kb)
    except kb.KBError as exc:
        print(f"policyie kb show: {exc}", file=sys.stderr)
        return 2
    if base is None:
        print("policyie kb show: no knowledge base (none shipped, and no --kb given)", file=sys.stderr)
        return 2
    people = base.by_name(args.name)
    if not people:
        print(f"policyie kb show: {args.name} is not in the knowledge base", file=sys.stderr)
        return 1
    if args.json:
        for p in people:
            print(json.dumps(p.to_json(), ensure_ascii=False))
        return 0
    for p in people:
        born = f", born {p.born}" if p.born else ""
        print(f"{p.name}  id {p.id}  ({p.country or 'country unknown'}{born}; named with a title in {p.count} documents)")
        for post in sorted(p.posts, key=lambda x: (x.first or "", x.last or "")):
            span = f"{post.first or '?'} – {post.last or '?'}"
            seen = f"  ×{post.count}" if post.count else ""
            print(f"  {span:<25} {post.title}{seen}  [{post.source}]")
    return 0
