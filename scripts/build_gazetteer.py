#!/usr/bin/env python3
"""Build ``policyie/lexicons/divisions.tsv`` from the gazetteer sources in ../shared/data/gazetteer.

Sources (see policyie/lexicons/ATTRIBUTION.md):
  * modood/Administrative-divisions-of-China (WTFPL): GB/T 2260 codes and names to township level;
  * xiangyuecn/AreaCity-JsSpider-StatsGov (MIT): short names (通州 for 通州区);
  * Vonng/adcode (CC BY 4.0): latitude/longitude of each division's centre;
  * HK-MO-TW.json (modood): Hong Kong, Macao, Taiwan.

Output columns: code, name, shorts (comma-separated; one marked = is another full name), level, parent
code, lat, lon.
Levels: province, city, district (any county-level unit), town (any township-level unit).
Municipalities' pseudo-cities (市辖区, 县) are dropped, so a Beijing district's parent is 110000.

Also writes ``policyie/lexicons/gazetteer.pkl.gz``, the load cache (parsed tables + pickled automaton);
after editing zones.tsv by hand, refresh it with ``--cache-only``.

Run from the repository root:  python scripts/build_gazetteer.py [--src ../shared/data/gazetteer]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "policyie" / "lexicons" / "divisions.tsv"

# Short forms that are everyday words in political prose (复兴 is 复兴区 in Handan, 新华 a dozen
# 街道, 长安 several districts): matching them bare would flood the output, so only full names match.
COMMON_SHORTS = set(
    "新区 新城 城区 东区 南区 北区 西区 城东 城西 城南 城北 城中 市中 郊区 矿区 开发 高新 中心 经济 新华 人民 "
    "太平 永安 和平 民主 共和 团结 胜利 先锋 光明 东风 红星 新村 向阳 前进 建设 解放 文化 工业 五一 七一 八一 新兴 "
    "振兴 复兴 富强 文明 和谐 友谊 幸福 长征 红旗 东方 中华 华夏 东南 西南 东北 西北 华北 华南 华东 华中 江南 江北 "
    "河东 河西 山南 城关 中山 长安 安全 发展 创新 开放 合作 共享 协调 绿色 新时代 青年 工农 农业 科技 新民 安定 "
    "和顺 吉利 平安 长寿 安宁 永和 大同 正义 仁爱 新生 兴业 金融 新港 海港 港口 站前 铁西 铁东 桥西 桥东 城厢 "
    "前锋 新市 白云 白银 大兴 新乡 新会 顺德 青山 秀山 龙山 宝山 金山 南山 北山 东山 西山 黄山 泰山 天山 "
    "龙华 福田 天河 新津 新都 金牛 武侯 江东 江海 海城 海安 安康 长乐 乐山 通化 开平 安阳 丰城 双城 永川 "
    "西安 吉安 新安 建安 淮安 长宁 普陀 静安 松江 嘉定 崇明 虹口 黄浦 徐汇 杨浦 宝安 "
    # border policy's 富民、兴边、强国、睦邻 (兴边富民): 富民 is a county of Kunming only when named in full
    "富民".split()
)
# Well-known places whose short form is also a word but which news uses bare all the time.
KEEP_SHORTS = set(
    "西安 淮安 吉安 乐山 安阳 通化 新乡 大同 安康 白银 黄山 泰山 长宁 普陀 静安 松江 嘉定 崇明 虹口 黄浦 徐汇 杨浦 宝安 福田 天河 龙华 南山 金山 宝山 顺德 新都 武侯 金牛 淮安 海安 长乐 开平 丰城 永川 新会".split()
)
COMMON_SHORTS -= KEEP_SHORTS
COMMON_SHORTS |= {"来宾", "阿里", "红河", "文山"}  # prefectures named like everyday words (guests, a river)
# County shorts that news mostly uses as words: lakes, seas and mountains (西湖, 东海, 庐山), plains
# and regions (平原, 中原), verbs and adjectives (新建 "newly built", 沿河 "along the river", 滨海 "coastal").
COMMON_SHORTS |= set(
    "新建 中原 平原 古城 南海 东湖 南湖 河口 商城 江山 甘泉 东海 龙门 天桥 路桥 沿河 滨海 太湖 新河 衡山 巫山 庐山 "
    "西湖 牡丹 故城 西夏 东坡 恒山 兴国 泰山 沙市 港口 城关 新城 海棠 延寿".split()
)
COMMON_SHORTS -= {"大兴"}  # 大兴区 is a Beijing staple; 大兴调查研究之风 is caught by the extractor

PSEUDO_CITY = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def common_word(short: str, level: str, freq: dict[str, int], tags: dict[str, str]) -> bool:
    """A short form that jieba knows as a frequent non-place word (平安 a, 开发 v)."""
    if short in COMMON_SHORTS:
        return True
    if short in KEEP_SHORTS or level in ("province", "city"):  # prefecture names are news staples
        return False
    if level == "town" and freq.get(short, 0) >= 400:  # 古城, 河口, 温泉: too common to name one township
        return True
    tag = tags.get(short)
    return tag is not None and not tag.startswith("ns") and freq.get(short, 0) >= 300


# Prefectures the news names by one character and 州 (克州党委书记), where that form names nothing else (巴州 of
# 巴音郭楞 is left out: 巴州区 is Bazhong's).
ABBREVIATED = {"克孜勒苏柯尔克孜自治州": "克州", "博尔塔拉蒙古自治州": "博州"}


def extra_names(name: str, short: str, level: str) -> list[str]:
    """Other full names news uses (marked ``=`` in the shorts column: matched like the full name).

    Beijing lists many townships as 地区办事处 (西北旺地区) while news says 西北旺镇 or 南磨房乡;
    autonomous prefectures go by short + 州 (阿坝州, 凉山州), autonomous counties by short + 县 (通道县, 恭城县).
    """
    if level == "town" and name.endswith("地区") and len(name) >= 4:
        stem = name.removesuffix("地区")
        return [stem + "镇", stem + "乡"]
    if level == "city" and name in ABBREVIATED:
        return [short + "州", ABBREVIATED[name]]
    if level == "city" and name.endswith("自治州") and len(short) >= 2 and name.startswith(short):
        return [short + "州"]
    if level == "district" and name.endswith("自治县") and len(short) >= 2 and name.startswith(short) and short != name:
        return [short + "县"]  # 通道侗族自治县 is 通道县 in news, though 通道 alone is a word
    if level == "district" and (own := _PEOPLES_COUNTY.fullmatch(name)) is not None:
        return [own.group(1) + "县"]  # 本溪满族自治县 is 本溪县 (its bare short is the city's, 本溪市), 东乡族自治县 东乡县
    return []


# An autonomous county's name: its own stem, then its peoples (满族, 土家族苗族) or 族 alone where a people names it (东乡族).
_PEOPLES_COUNTY = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:(?:[\u4e00-\u9fff]{1,3}?族)+|族)自治县")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT.parent / "shared" / "data" / "gazetteer")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache-only", action="store_true", help="only rebuild gazetteer.pkl.gz (after editing zones.tsv)")
    args = ap.parse_args()
    if args.cache_only:
        write_load_cache()
        return
    src: Path = args.src
    _require(src, "the gazetteer sources (divisions_level4_pinyin.csv, adcode_latlon.csv …)", "give their folder with --src")

    import jieba
    import jieba.posseg

    jieba.initialize()
    freq = jieba.dt.FREQ
    tags = jieba.posseg.dt.word_tag_tab

    shorts: dict[str, str] = {}
    for row in read_csv(src / "divisions_level4_pinyin.csv"):
        code = row["ext_id"][:6] if row["deep"] in "012" else row["ext_id"][:9]
        shorts[code] = row["name"]

    coords: dict[str, tuple[str, str]] = {}
    with (src / "adcode_latlon.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            key = code[:9] if row["level"] == "town" else code[:6]
            if row["latitude"] and row["longitude"]:
                coords[key] = (f"{float(row['latitude']):.4f}", f"{float(row['longitude']):.4f}")

    rows: list[tuple[str, str, str, str, str]] = []  # code, name, level, parent, short
    provinces = {r["code"]: r["name"] for r in read_csv(src / "provinces.csv")}
    for code, name in provinces.items():
        rows.append((code + "0000", name, "province", "100000", shorts.get(code + "0000", "")))
    city_parent: dict[str, str] = {}
    for r in read_csv(src / "cities.csv"):
        if r["name"] in PSEUDO_CITY:
            city_parent[r["code"]] = r["provinceCode"] + "0000"
            continue
        code6 = r["code"] + "00"
        city_parent[r["code"]] = code6
        rows.append((code6, r["name"], "city", r["provinceCode"] + "0000", shorts.get(code6, "")))
    city_codes = {r[0] for r in rows}
    for r in read_csv(src / "areas.csv"):
        if r["code"] in city_codes:  # 东莞, 中山: prefecture cities without counties list themselves again
            continue
        parent = city_parent.get(r["cityCode"], r["provinceCode"] + "0000")
        rows.append((r["code"], r["name"], "district", parent, shorts.get(r["code"], "")))
    for r in read_csv(src / "streets.csv"):
        rows.append((r["code"], r["name"], "town", r["areaCode"], shorts.get(r["code"], "")))

    # Hong Kong, Macao and Taiwan: codes 81/82/71 per GB/T 2260; their subdivisions carry no code.
    sar = {"香港特别行政区": ("810000", "香港"), "澳门特别行政区": ("820000", "澳门"), "台湾省": ("710000", "台湾")}
    hmt = json.loads((src / "HK-MO-TW.json").read_text(encoding="utf-8"))
    for name, (code, short) in sar.items():
        rows.append((code, name, "province", "100000", short))
        if name == "台湾省":  # its cities are well known; HK/MO districts (东区, 南区) would only add noise
            for i, city in enumerate(hmt.get(name, {})):
                rows.append((f"71{i + 1:02d}00", city, "city", code, city.removesuffix("市")))
    coords.setdefault("810000", ("22.3193", "114.1694"))
    coords.setdefault("820000", ("22.1987", "113.5439"))
    coords.setdefault("710000", ("25.0330", "121.5654"))

    # Where the 2016 coordinate table lacks a newer code, borrow the parent's centre.
    by_code = {r[0]: r for r in rows}

    def latlon(code: str) -> tuple[str, str]:
        seen = 0
        while code and seen < 4:
            if code in coords:
                return coords[code]
            row = by_code.get(code)
            if row is None:
                break
            code, seen = row[3], seen + 1
        return ("", "")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# GB/T 2260 divisions to township level. Built by scripts/build_gazetteer.py; sources and\n")
        fh.write("# licences in ATTRIBUTION.md (modood WTFPL, AreaCity MIT, Vonng/adcode CC BY 4.0).\n")
        fh.write("# lat/lon of a code missing from the 2016 coordinate table are its parent's (approximate).\n")
        fh.write("code\tname\tshorts\tlevel\tparent\tlat\tlon\n")
        fh.write("100000\t中华人民共和国\t中国\tcountry\t\t39.9151\t116.3683\n")
        for code, name, level, parent, short in rows:  # noqa: B007
            # a short must begin its name: the two sources disagree where codes were reassigned
            ok = [
                s
                for s in {short}
                if len(s) >= 2 and s != name and name.startswith(s) and not common_word(s, level, freq, tags)
            ]
            ok += [f"={a}" for a in extra_names(name, short, level)]
            if level == "town" and name.endswith("地区") and not ok:
                stem = name.removesuffix("地区")
                if len(stem) >= 2 and not common_word(stem, level, freq, tags):
                    ok.append(stem)
            lat, lon = latlon(code)
            fh.write(f"{code}\t{name}\t{','.join(ok)}\t{level}\t{parent}\t{lat}\t{lon}\n")
    print(f"wrote {len(rows) + 1} divisions to {args.out}")
    if args.out == OUT:
        write_load_cache()


def _require(path: Path, what: str, how: str) -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from policyie.shared_data import require

    require([path], what, how)


def write_load_cache() -> None:
    """The parsed tables and automaton, pickled, so the package loads in milliseconds."""
    import sys

    sys.path.insert(0, str(ROOT))
    from policyie import gazetteer

    size = gazetteer.write_cache()
    print(f"wrote {size:,} bytes to {gazetteer.CACHE}")


if __name__ == "__main__":
    main()
