"""Build policyie/lexicons/slogans.tsv from the 新闻联播 corpus and the curated seed list.

    python scripts/build_slogans.py            # reads ../shared/data, writes the lexicon

Mining: every short phrase in “…” quote marks is counted with its first-seen date, the share of
its uses in domestic (not 国际资讯 / 大国外交) items, and cues that mark it as something else
than a watchword (a speech verb before it, 号/舰 after it, 台风 before it). Numbered phrases
(一二三…+X) whose article spells out their N members right after them get that list as gloss.
Curation: scripts/slogans_curated.tsv adds the well-known formulations with hand-written glosses
and the unquoted flag, and rejects mined noise (holidays, ordinary words). The output is data.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick
import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, installed or not
from policyie.extractors.slogans import article_gloss  # noqa: E402
from policyie.shared_data import require  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xwlb_2018_2026.jsonl.gz"
CURATED = Path(__file__).resolve().parent / "slogans_curated.tsv"
OUT = ROOT / "policyie" / "lexicons" / "slogans.tsv"

NUMERALS = "一二两三四五六七八九十百千万双"
NUM_VALUE = {
    "一": 1,
    "二": 2,
    "两": 2,
    "双": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
QUOTED = regex.compile(r"“([^“”\n]{2,40})”")
HAN = regex.compile(r"^\p{Han}{2,10}$")
PARALLEL = regex.compile(r"^\p{Han}{2,10}(?:[、，,]\p{Han}{2,10}){1,5}$")
SPEECH_CUE = regex.compile(r"(?:说|道|称|问|喊|表示|指出|写道|[：:])\s{0,1}$")
NAME_CUE_BEFORE = regex.compile(r"(?:台风|飓风|热带风暴|超强台风|命名为|取名|代号|号称)$")
NAME_CUE_AFTER = regex.compile(r"^(?:号|舰|轮|牌|杯|奖|品牌|公司|集团|系列|栏目|节目|晚会|大赛|客户端|APP)")
# Things the quote marks wrap that are names, not watchwords: awards, festivals, craft, weapons.
NAME_SUFFIX = regex.compile(r"(?:号|勋章|奖章|奖|杯|节|日|周|舰|导弹|系统|公司|集团|组织|部队|军|旅|协定|法案|法)$")
PURE_NUMERAL = regex.compile(rf"^[{NUMERALS}零〇]+$")


def numeral_value(text: str) -> int | None:
    """The N of a numbered formulation (四个意识 → 4), or None if it does not start with a small numeral."""
    head = text[0]
    if head == "十" and len(text) > 1 and text[1] in NUM_VALUE and text[1] != "十":
        return None  # 十四五 names a plan, not a list of fourteen
    return NUM_VALUE.get(head)


@dataclass
class Stat:
    count: int = 0
    docs: set[int] = field(default_factory=set)
    first: str = "99999999"
    domestic: int = 0
    speech: int = 0
    named: int = 0
    glosses: Counter = field(default_factory=Counter)

    def see(self, doc_no: int, date: str, domestic: bool) -> None:
        self.count += 1
        self.docs.add(doc_no)
        self.first = min(self.first, date)
        self.domestic += domestic


def mine(corpus: Path) -> dict[str, Stat]:
    stats: dict[str, Stat] = defaultdict(Stat)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for doc_no, line in enumerate(fh):
            item = json.loads(line)
            text, date = item.get("text") or "", str(item.get("date") or "")
            tags = item.get("tags") or ""
            domestic = "国际资讯" not in tags and "大国外交" not in tags
            for m in QUOTED.finditer(text):
                phrase = m.group(1)
                if not (HAN.match(phrase) or PARALLEL.match(phrase)):
                    continue
                st = stats[phrase]
                st.see(doc_no, date, domestic)
                before, after = text[max(0, m.start() - 6) : m.start()], text[m.end() : m.end() + 4]
                st.speech += bool(SPEECH_CUE.search(before))
                st.named += bool(NAME_CUE_BEFORE.search(before) or NAME_CUE_AFTER.match(after))
                n = numeral_value(phrase)
                if n and n > 1:
                    g = article_gloss(text, m.start(1), m.end(1), n)
                    if g:
                        st.glosses[g] += 1
    return stats


def agreed_gloss(st: Stat) -> str:
    """The member list articles spell out for a numbered phrase, if at least three articles agree."""
    if not st.glosses:
        return ""
    gloss, n = st.glosses.most_common(1)[0]
    return gloss if n >= 3 else ""


def count_curated(corpus: Path, texts: list[str]) -> dict[str, tuple[int, str]]:
    """Quoted or not, how often and since when each curated formulation occurs."""
    automaton = ahocorasick.Automaton()
    for t in texts:
        automaton.add_word(t, t)
    automaton.make_automaton()
    counts: Counter = Counter()
    first: dict[str, str] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            date = str(item.get("date") or "")
            for _end, t in automaton.iter(item.get("text") or ""):
                counts[t] += 1
                first[t] = min(first.get(t, "99999999"), date)
    return {t: (counts[t], first.get(t, "")) for t in texts}


NOT_SLOGAN_KINDS = ("reject", "name")


def read_curated(path: Path) -> tuple[list[dict], dict[str, str]]:
    """Slogan rows, and the strings curated as no slogan (text → reject|name)."""
    rows, rejects = [], {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["kind"] in NOT_SLOGAN_KINDS:
            rejects[row["text"]] = row["kind"]
        else:
            rows.append(row)
    return rows, rejects


def kind_of(phrase: str) -> str:
    if PARALLEL.match(phrase) and regex.search(r"[、，,]", phrase):
        return "parallel"
    if numeral_value(phrase) or phrase[0] in "百千万":
        return "numbered"
    return "quoted"


def keep_mined(phrase: str, st: Stat, min_count: int) -> bool:
    if st.count < min_count or len(st.docs) < 3:
        return False
    if st.domestic < 0.7 * st.count or st.speech > 0.3 * st.count or st.named > 0.2 * st.count:
        return False
    return not (PURE_NUMERAL.match(phrase) or NAME_SUFFIX.search(phrase))


def build(corpus: Path, out: Path, min_count: int) -> int:
    curated, rejects = read_curated(CURATED)
    stats = mine(corpus)
    seen_counts = count_curated(corpus, [r["text"] for r in curated])
    rows = []
    covered: set[str] = set()
    for r in curated:
        aliases = [a for a in (r.get("aliases") or "").split("|") if a]
        covered.update([r["text"], *aliases])
        count, first = seen_counts[r["text"]]
        gloss = r.get("gloss") or ""
        if not gloss and r["text"] in stats:
            gloss = agreed_gloss(stats[r["text"]])
        rows.append(
            [r["text"], r["kind"], "|".join(aliases), gloss, count, first, "curated", r.get("unquoted") or "no"]
        )
    for phrase, st in sorted(stats.items(), key=lambda kv: (-kv[1].count, kv[0])):
        if phrase in covered or phrase in rejects or not keep_mined(phrase, st, min_count):
            continue
        gloss = agreed_gloss(st)
        rows.append([phrase, kind_of(phrase), "", gloss, st.count, st.first, "xwlb-quoted", "no"])
    # The extractor needs the negatives too: a quoted name or ordinary word is judged no slogan.
    rows.extend([text, kind, "", "", "", "", "curated", "no"] for text, kind in rejects.items())
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Slogans (提法) lexicon. Built by scripts/build_slogans.py from the 新闻联播 corpus 2018-2026\n"
            "# (github china-data/xwlb: code MIT, text © CCTV for learning use; only phrases and counts are kept)\n"
            "# and scripts/slogans_curated.tsv (hand-curated by the policyie authors, MIT).\n"
            "# count/first_seen: occurrences in that corpus (curated: anywhere; mined: inside quote marks).\n"
            "# unquoted=yes: report the formulation even without quote marks.\n"
            "# kind=name|reject: a quoted string that is no slogan (honour, programme, venue; holiday, ordinary word).\n"
        )
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["text", "kind", "aliases", "gloss", "count", "first_seen", "source", "unquoted"])
        w.writerows(rows)
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=5, help="quoted uses a mined phrase needs")
    args = ap.parse_args()
    require([args.corpus, CURATED], "the 新闻联播 corpus and the curated list", "give another corpus with --corpus")
    n = build(args.corpus, args.out, args.min_count)
    print(f"wrote {n} entries to {args.out}")


if __name__ == "__main__":
    main()
