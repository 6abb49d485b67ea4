"""Measure main-content extractors on the saved whole pages of tests/pages (docs/pages.md).

    python scripts/eval_pages.py                  # policyie now, policyie before (fragment path), libraries if installed
    python scripts/eval_pages.py --pages          # plus one row per page for policyie
    python scripts/eval_pages.py --only policyie  # one candidate
    python scripts/eval_pages.py --heldout ../magic-html/benchmark/data/article   # plus magic-html's pages

For each page tests/pages/expected.json holds the title, publication date and the first and last sentence of
the body, written by reading the page, and a few strings of its navigation, sidebars and footer. Each
candidate is scored on the same pages:

* title: the headline exactly (whitespace ignored);
* published: the day (the first 10 characters of ISO 8601);
* first / last: the sentence is in the extracted text (whitespace ignored);
* clean: none of the navigation strings is in the extracted text;
* places outside the body (policyie and before): Place mentions of the Document that map back outside the
  raw span of the article body;
* ms: mean time per page.

Candidates: ``policyie`` (policyie.normalize.page: the GeneralNewsExtractor approach written for the offset
map), ``before`` (policyie with whole-page extraction switched off: the HTML-fragment path every page took
until then), and, when importable, ``trafilatura``, ``readability-lxml`` and ``gne`` (GeneralNewsExtractor
itself). Libraries get the page as policyie decodes it, so encoding is not what is measured, and are
given the text only (no URL), so none of them fetches anything.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

PAGES = ROOT / "tests" / "pages"
_WS = regex.compile(r"\s+")


def squash(s: str | None) -> str:
    return _WS.sub("", s or "")


def domain(host: str) -> str:
    """The site of a host: www.news.cn and he.news.cn are one, news.cn; a *.gov.cn portal is its own."""
    parts = host.split(".")
    keep = 3 if len(parts) >= 3 and parts[-2] in ("com", "gov", "org", "edu", "net") and parts[-1] == "cn" else 2
    return ".".join(parts[-keep:])


def load() -> dict[str, dict]:
    return json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------ candidates
# Each takes (raw bytes, decoded text) and returns (title, published ISO or None, body text).


def run_policyie(raw: bytes, _text: str) -> tuple[str | None, str | None, str]:
    from policyie.normalize import normalise

    n = normalise(raw)
    return n.title, n.published, n.text


def places_outside(raw: bytes, exp: dict) -> int | None:
    """Place mentions of the Document that map back outside the article body (from the paragraph of its
    first expected sentence to that of its last): places taken from menus, sidebars and footers."""
    from policyie import extract
    from policyie.normalize import normalise

    n, doc = normalise(raw), extract(raw)
    text = n.text
    flat = [i for i, c in enumerate(text) if not c.isspace()]
    joined = "".join(text[i] for i in flat)
    f, la = squash(exp["first"]), squash(exp["last"])
    if f not in joined or la not in joined:
        return None
    start = text.rfind("\n", 0, flat[joined.index(f)]) + 1
    end = text.find("\n", flat[joined.index(la) + len(la) - 1] + 1)
    lo, hi = n.offsets[start], n.offsets[len(text) if end < 0 else end]
    return sum(not lo <= n.offsets[m.start] < hi for p in doc.places for m in p.mentions)


def run_before(raw: bytes, text: str) -> tuple[str | None, str | None, str]:
    return _with_pages("before", lambda: run_policyie(raw, text))


def _with_pages(name: str, fn: Callable):
    """Run ``fn`` with whole-page extraction on (policyie) or off (before: every page as an HTML fragment)."""
    import policyie.normalize as norm

    keep = norm.is_whole_page
    if name == "before":
        norm.is_whole_page = lambda _t: False
    try:
        return fn()
    finally:
        norm.is_whole_page = keep


def run_trafilatura(_raw: bytes, text: str) -> tuple[str | None, str | None, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, output_format="python")
    if doc is None:
        return None, None, ""
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return get("title"), _iso(get("date")), get("text") or ""


def run_readability(_raw: bytes, text: str) -> tuple[str | None, str | None, str]:
    import lxml.html
    from readability import Document

    d = Document(text)
    body = lxml.html.fromstring(d.summary()).text_content() if d.summary().strip() else ""
    return d.short_title(), None, body


def run_gne(_raw: bytes, text: str) -> tuple[str | None, str | None, str]:
    from gne import GeneralNewsExtractor

    r = GeneralNewsExtractor().extract(text)
    return r.get("title"), _iso(r.get("publish_time")), r.get("content") or ""


def _iso(value: object) -> str | None:
    from policyie.normalize.meta import parse_datetime

    try:
        return parse_datetime(value)
    except Exception:  # noqa: BLE001 - a library's odd date string is a miss, not a crash
        return None


CANDIDATES: dict[str, tuple[Callable, str | None]] = {
    "policyie": (run_policyie, None),
    "before": (run_before, None),
    "trafilatura": (run_trafilatura, "trafilatura"),
    "readability-lxml": (run_readability, "readability"),
    "gne": (run_gne, "gne"),
}


def available(name: str) -> bool:
    module = CANDIDATES[name][1]
    if module is None:
        return True
    try:
        __import__(module)
    except Exception:  # noqa: BLE001 - not installed (or broken): skipped and said so
        return False
    return True


# ------------------------------------------------------------------------------------------ scoring


def score_page(exp: dict, title: str | None, published: str | None, body: str) -> dict[str, bool]:
    b = squash(body)
    return {
        "title": squash(title) == squash(exp["title"]),
        "published": (published or "")[:10] == exp["published"],
        "first": squash(exp["first"]) in b,
        "last": squash(exp["last"]) in b,
        "clean": not any(squash(a) in b for a in exp["absent"]),
    }


def evaluate(name: str, expected: dict[str, dict]) -> tuple[dict[str, float], dict[str, dict]]:
    from policyie.normalize.decode import decode_bytes

    fn = CANDIDATES[name][0]
    per: dict[str, dict] = {}
    total_ms = 0.0
    for page, exp in expected.items():
        raw = (PAGES / f"{page}.html").read_bytes()
        text = decode_bytes(raw)
        t0 = time.perf_counter()
        try:
            title, published, body = fn(raw, text)
        except Exception as e:  # noqa: BLE001 - a candidate that fails on a page scores nothing on it
            title, published, body = None, None, ""
            print(f"{name}: {page}: {type(e).__name__}: {e}", file=sys.stderr)
        total_ms += (time.perf_counter() - t0) * 1000
        per[page] = {**score_page(exp, title, published, body), "got_title": title, "got_published": published}
        if name in ("policyie", "before"):
            per[page]["outside"] = _with_pages(name, lambda raw=raw, exp=exp: places_outside(raw, exp))
    n = len(per)
    summary = {k: sum(p[k] for p in per.values()) / n for k in ("title", "published", "first", "last", "clean")}
    summary["body"] = sum(p["first"] and p["last"] for p in per.values()) / n
    summary["ms"] = total_ms / n
    if name in ("policyie", "before"):
        # only where the body is found: elsewhere there is no body to be outside of
        counts = [p["outside"] for p in per.values() if p["outside"] is not None]
        summary["outside"] = f"{sum(counts)} ({sum(c > 0 for c in counts)} pages)"
    return summary, per


# ------------------------------------------------------------------------------------------ held out

_HAN = regex.compile(r"\p{Han}")
_SENT = regex.compile(r"[^。！？]*[。！？”]+")
_PROSE = regex.compile(r"[，。！？]")
_BYLINE_TAIL = regex.compile(r"[（(][^（）()]{1,30}[）)]\s*$")


def heldout_pages(bench: Path, skip: set[str]) -> list[tuple[str, bytes, list[str]]]:
    """Chinese article pages of magic-html's benchmark (benchmark/data/article: htmls/*.html and the gold
    body text in base.json, written by its authors) up to 300 KB, less those already in tests/pages."""
    gold = json.loads((bench / "base.json").read_text(encoding="utf-8"))
    out = []
    for key, item in sorted(gold.items()):
        path = bench / "htmls" / f"{key}.html"
        content = item.get("content") or ""
        if key in skip or not path.exists() or path.stat().st_size > 300_000:
            continue
        han = len(_HAN.findall(content))
        if han < 200 or han < 0.5 * len(squash(content)):
            continue
        lines = [ln.strip() for ln in content.split("\n") if len(squash(ln)) >= 12 and "责任编辑" not in ln]
        if lines:
            out.append((key, path.read_bytes(), lines))
    return out


def evaluate_heldout(name: str, pages: list[tuple[str, bytes, list[str]]]) -> dict[str, float]:
    """Per page: the share of gold lines found in the output (recall), the share of output lines found in the
    gold (precision), and whether the first sentence and the last line of prose of the gold (less a closing
    byline in brackets) are both in the output."""
    from policyie.normalize.decode import decode_bytes

    fn = CANDIDATES[name][0]
    rec = prec = both = 0.0
    for _key, raw, lines in pages:
        try:
            body = fn(raw, decode_bytes(raw))[2]
        except Exception:  # noqa: BLE001
            body = ""
        b = squash(body)
        g = squash("".join(lines))
        rec += sum(squash(ln) in b for ln in lines) / len(lines)
        mine = [squash(ln) for ln in body.split("\n") if len(squash(ln)) >= 8]
        prec += sum(ln in g for ln in mine) / len(mine) if mine else 0.0
        # the body's first and last sentence: lines of prose, less a closing byline such as （郭旭）
        prose = [ln for ln in lines if _PROSE.search(ln)] or lines
        first = (_SENT.match(prose[0]) or [prose[0]])[0]
        last = _BYLINE_TAIL.sub("", prose[-1])
        both += squash(first) in b and squash(last) in b
    n = len(pages)
    return {"recall": rec / n, "precision": prec / n, "body": both / n}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", action="append", choices=sorted(CANDIDATES))
    ap.add_argument("--pages", action="store_true", help="one row per page for policyie")
    ap.add_argument("--heldout", type=Path, metavar="DIR",
                    help="also score on magic-html's benchmark/data/article (a checkout of opendatalab/magic-html)")
    args = ap.parse_args(argv)
    expected = load()
    names = args.only or list(CANDIDATES)
    sites = {domain(e["site"]) for e in expected.values()}
    print(f"{len(expected)} pages from {len(sites)} sites "
          f"({sum(e['kind'] == 'government' for e in expected.values())} government portal pages)\n")
    print("| candidate | title | published | body first | body last | first and last | no navigation | "
          "places outside the body | ms/page |")
    print("|---|---|---|---|---|---|---|---|---|")
    details = {}
    for name in names:
        if not available(name):
            print(f"| {name} | not installed | | | | | | | |")
            continue
        s, per = evaluate(name, expected)
        details[name] = per
        print(f"| {name} | {s['title']:.2f} | {s['published']:.2f} | {s['first']:.2f} | {s['last']:.2f} | "
              f"{s['body']:.2f} | {s['clean']:.2f} | {s.get('outside', '–')} | {s['ms']:.0f} |")
    if args.heldout:
        skip = {Path(e["origin"]["path"]).stem for e in expected.values() if e["origin"]["repo"] == "opendatalab/magic-html"}
        held = heldout_pages(args.heldout, skip)
        print(f"\nHeld out: {len(held)} Chinese pages of magic-html's benchmark with its authors' body text\n")
        print("| candidate | gold lines found (recall) | output lines in gold (precision) | first and last |")
        print("|---|---|---|---|")
        for name in names:
            if not available(name):
                continue
            h = evaluate_heldout(name, held)
            print(f"| {name} | {h['recall']:.2f} | {h['precision']:.2f} | {h['body']:.2f} |")
    if args.pages and "policyie" in details:
        print("\n| page | title | published | first | last | clean | title got | published got |")
        print("|---|---|---|---|---|---|---|---|")
        for page, p in details["policyie"].items():
            mark = {True: "✓", False: "✗"}
            print(f"| {page} | {mark[p['title']]} | {mark[p['published']]} | {mark[p['first']]} | {mark[p['last']]} | "
                  f"{mark[p['clean']]} | {p['got_title']} | {p['got_published']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
