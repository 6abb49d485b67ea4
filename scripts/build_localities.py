#!/usr/bin/env python3
"""Build the lexicons of villages, sites and physical regions (SPEC.md §2 place levels village, site, region).

Reads ../shared/data/places and writes into policyie/lexicons/:

* villages/NN.tsv.gz — 657k villages and communities (…村, …社区, …嘎查) with township and county code, in 64 shards by the name's first character, so a lookup reads one small shard, never the whole
  table (jionlp 1.5.31 dictionary/china_location.zip, Apache-2.0; places/jionlp_villages.tsv.gz);
* sites.tsv — landmarks and scenic sites: the 5A scenic areas (places/scenic_5a.tsv, from the Ministry of
  Culture and Tourism's list) with their short forms (八达岭长城 of 八达岭-慕田峪长城旅游区), and physical
  regions (plateaus, plains, basins, deserts, peninsulas, archipelagos, corridors, regions) from
  places/geo_features_derived.tsv (jieba MIT / HanLP Apache-2.0 place words), plus a curated list of
  informal regions the news uses (中东, 河西走廊, 长株潭, 成渝地区 …).

Re-run: ``python scripts/build_localities.py``.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "places"
OUT = ROOT / "policyie" / "lexicons"
SHARDS = 64

REGION_CLASSES = {"plateau", "plain", "basin", "desert", "peninsula", "archipelago", "region", "corridor", "grassland"}
# Informal and macro regions of the news (general knowledge), level region.
CURATED_REGIONS = (
    "中东 西亚 北非 中亚 东南亚 南亚 东北亚 拉美 拉丁美洲 加勒比 南太平洋 巴尔干 巴尔干半岛 高加索 欧亚大陆 "
    "河西走廊 黄土高原 青藏高原 云贵高原 内蒙古高原 四川盆地 塔里木盆地 准噶尔盆地 华北平原 东北平原 长江中下游平原 "
    "长株潭 长三角 珠三角 成渝地区 关中平原 中原 江南 岭南 西南地区 西北地区 东北地区 华北地区 华东地区 华南地区 华中地区 "
    "三江源 秦巴山区 武陵山区 乌蒙山区 大别山区 太行山区 六盘山区 罗霄山区 滇桂黔石漠化区 "
    "海峡西岸 北部湾 环渤海 黄河流域 长江流域 长江经济带 淮河流域 珠江流域 雅鲁藏布江流域 "
    "中西部 中西部地区 东北黑土区 大凉山 小凉山 "
    # parts of continents the diplomatic news names (南部非洲发展共同体 is an organisation: the longer name wins)
    "东非 西非 南部非洲 中部非洲 东部非洲 西部非洲 北部非洲 撒哈拉以南非洲 非洲之角 萨赫勒 马格里布 北极圈 拉普兰 "
    "北欧 南欧 东欧 西欧 中东欧 北美洲 南美洲 中美洲 大洋洲 "
    # disputed and war-torn areas the national news names as places of their own
    "加沙 约旦河西岸 戈兰高地 克里米亚 顿巴斯 "
    # the economic corridors of the Belt and Road
    "中蒙俄经济走廊 新亚欧大陆桥经济走廊 中国—中亚—西亚经济走廊 中国—中南半岛经济走廊 中巴经济走廊 孟中印缅经济走廊 "
    "中缅经济走廊 中老经济走廊 中尼印经济走廊 珠江—西江经济带 "
    # a province's historic part, and old base areas named by the provinces they straddle
    "关中 陕甘宁 鄂豫皖 湘鄂赣 湘鄂西 川陕 晋察冀 晋冀鲁豫 中央苏区"
).split()
# Provinces by their usual names: a listed region written after one (甘肃河西走廊) is the province and the region,
# two places, as the news means them (the geography lists carry a few such rows).
PROVINCE_NAMES = (
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 "
    "重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 台湾 香港 澳门"
).split()
# Other written forms of curated regions.
REGION_FORMS = {"加沙地带": "加沙", "南美": "南美洲", "北美": "北美洲", "南美地区": "南美洲", "北美地区": "北美洲"}  # (南美国家 … 南美洲东南部: one continent)
# Parts of a province named by its abbreviation and a direction, also written with 地区 (粤东北地区 → 粤东北).
PROVINCE_PARTS = (
    "粤东北 粤东 粤西 粤北 粤东西北 苏北 苏南 苏中 皖北 皖南 浙西南 陕北 陕南 晋北 晋南 豫南 豫北 鄂西 川西 川南 "
    "闽西 闽东 赣南 鲁西南 冀中南 桂西 滇西 滇南 湘南 蒙东 "
    # the same by two compass points (not 黔东南, 黔西南: prefectures)
    "黔东北 黔西北 桂西北 桂东南 桂东北 川东北 川西北 鄂西北 鄂东南 豫东南 豫西南 晋东南 晋西北 赣东北 滇东北 滇西北 "
    "滇东南 浙东南 浙西北 闽东北 闽西北 湘西北 湘东北 冀东北 皖东北 皖西南 苏西南 辽西北 鲁东南 陕西北 "
    # Beijing by two compass points (京 is left out of the generated ones for 京东, the firm)
    "京西北 京东北 京西南 京东南"
).split()
# The same, generated: every province abbreviation the news uses for such parts with every compass point and 中
# (藏东南, 桂北, 陇中, 渝东北), except a form that is a division's name or short form (陇南, 晋中, 黔东南, 津南),
# one that opens with a province's name (陕西|北 of 陕西北部), and the abbreviations that spell other words with a
# compass point (京东 the firm, 新西兰, 蒙中 = Mongolia–China, 宁东, 吉南, 青中, 沪中, 津北).
PART_ABBREVIATIONS = "冀晋辽苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕陇蒙"
PART_DIRECTIONS = ("东", "西", "南", "北", "中", "东北", "西北", "东南", "西南")
NOT_PARTS = frozenset(("蒙中", "苏东", "苏西"))


def province_parts() -> list[str]:
    """The curated parts and the generated ones (see PART_ABBREVIATIONS)."""
    divisions = _division_names()
    from policyie.gazetteer import load

    provinces = {e.name[:2] for e in load().entries.values() if e.level == "province"}  # 陕西, 山西 (not 湘西)
    made = [a + d for a in PART_ABBREVIATIONS for d in PART_DIRECTIONS]
    return PROVINCE_PARTS + [p for p in made if p not in PROVINCE_PARTS and p not in divisions and p not in NOT_PARTS
                             and p[:2] not in provinces]


# Landmarks and sites the news names that are no 5A scenic area (general knowledge): form → where.
CURATED_SITES = {
    "外滩": "上海市", "天安门广场": "北京市", "天安门": "北京市", "故宫": "北京市", "颐和园": "北京市", "天坛": "北京市",
    "八达岭长城": "北京市", "慕田峪长城": "北京市", "秦始皇兵马俑": "西安市", "兵马俑": "西安市", "布达拉宫": "拉萨市",
    "鼓浪屿": "厦门市", "黄鹤楼": "武汉市", "中山陵": "南京市", "莫高窟": "敦煌市", "都江堰": "成都市", "九寨沟": "阿坝藏族羌族自治州",
    "三峡大坝": "宜昌市", "红旗渠": "林州市", "西柏坡": "石家庄市", "嘉兴南湖": "嘉兴市", "宝塔山": "延安市",
    "遵义会议会址": "遵义市", "井冈山": "吉安市", "梁家河": "延安市", "小岗村": "滁州市", "陆家嘴": "上海市",
    "前海": "深圳市", "横琴": "珠海市", "南沙": "广州市", "洋山港": "上海市", "港珠澳大桥": "珠海市",
}
SITE_SUFFIXES = ("风景名胜区", "旅游景区", "旅游区", "风景区", "景区", "旅游度假区", "度假区", "生态旅游区", "文化旅游区",
                 "风光带", "文化园", "博物馆", "遗址公园")


# "X地区" names a region only when X is a proper name (亚太地区, 中东地区), not a quantifier or a kind
# of area (各地区, 本地区, 周边地区, 偏远地区, 沿海地区), which the geography word lists also hold.
NOT_PROPER = ("各", "本", "该", "此", "周边", "偏远", "边远", "沿海", "发达", "欠发达", "贫困", "农村", "城市", "山区", "边境",
              "重点", "部分", "其他", "有关", "相关", "受灾", "灾区", "疫区", "高风险", "中风险", "低风险", "少数民族", "民族",
              "落后", "干旱", "半干旱", "北方", "南方", "东部", "西部", "中部", "东北部", "西北部", "西南部", "东南部", "内陆")


# Straits, mountain ranges and bays the geography lists hold: a strait or range with a proper name of two
# characters or more before its ending (马六甲海峡, 横断山脉; not the fragments 斯海峡, 山山脉), a bay named after
# a state or a division (墨西哥湾, 孟加拉湾, 杭州湾; the lists also hold estates and beaches: 星河湾, 浅水湾), and the
# seas and oceans of three characters or more the news names (two-character seas are also counties and districts:
# 东海, 南海), and the island states of the Pacific as one group.
BAY_STEMS_EXTRA = ("波斯", "北部", "渤海", "辽东", "暹罗", "比斯开", "哈得孙", "巴芬", "亚喀巴", "几内亚", "加利福尼亚")
SEAS = ("地中海 加勒比海 阿拉伯海 波罗的海 爱琴海 亚得里亚海 日本海 挪威海 巴伦支海 白令海 鄂霍次克海 南中国海 珊瑚海 "
        "菲律宾海 北冰洋 印度洋 大西洋 太平洋岛国 南太平洋岛国").split()


# Mountains, ridges and peaks of three characters or more that HanLP's dictionary tags as places (祁连山, 贺兰山,
# 大别山; its other tags and jieba's alone hold idioms: 侃大山, 军令如山, 半壁江山), sites of their own; two foreign
# cities that end like mountains are left out. Two-character mountains are also words and divisions (东山, 南山),
# so only a few famous ones are listed.
MOUNTAIN_CLASSES = {"mountain", "peak", "ridge"}
NOT_MOUNTAINS = {"旧金山", "檀香山"}
FAMOUS_MOUNTAINS = "秦岭 苍山 天山 燕山 阴山 岷山 泰山 华山 嵩山 衡山 恒山 庐山 崂山 十万大山 九万大山".split()


def named_mountain(name: str, feature_class: str, sources: str) -> bool:
    return feature_class in MOUNTAIN_CLASSES and "hanlp:ns" in sources and 3 <= len(name) <= 6 \
        and name[-1] in "山岭峰" and name not in NOT_MOUNTAINS


def named_water_or_range(name: str, feature_class: str) -> bool:
    if feature_class == "strait":
        return len(name) >= 4 and name.endswith("海峡") and name[:2] not in ("斯海", "巴林")
    if feature_class == "range":
        return len(name) >= 4 and name.endswith("山脉") and name[-3] != "山" and name[:-2] not in ("斯", "桂", "中央")
    if feature_class == "bay":
        stem = name.removesuffix("湾")
        return len(stem) >= 2 and (stem in _division_names() or stem in BAY_STEMS_EXTRA)
    return False


def _division_names() -> frozenset[str]:
    """Names and short forms of countries and divisions (墨西哥, 孟加拉, 杭州), from the package's own
    gazetteer source lexicons."""
    global _DIVISIONS
    if _DIVISIONS is None:
        sys.path.insert(0, str(ROOT))
        from policyie.gazetteer import load

        gz = load()
        _DIVISIONS = frozenset(k for k, senses in gz.surfaces.items()
                               if any(gz.entries[key].level in ("country", "province", "city", "district")
                                      for key, _kind in senses if key in gz.entries))
    return _DIVISIONS


_DIVISIONS: frozenset[str] | None = None


# A size word before a landform names no place (大草原, 大沙漠): the lists carry a few of these.
GENERIC_LANDFORMS = ("草原", "平原", "沙漠", "峡谷", "盆地", "高原", "山区", "湖区")


def proper_region(name: str) -> bool:
    if name[:1] in "大小" and name[1:] in GENERIC_LANDFORMS:
        return False
    stem = name.removesuffix("地区").removesuffix("区域")
    return stem == name or (len(stem) >= 2 and not stem.startswith(NOT_PROPER))


def strip_suffix(name: str) -> str:
    for suf in SITE_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


# What a 5A area's name says of its kind after the site's own name (皇城相府|生态文化|旅游区, 采石矶|文化生态|旅游区).
SITE_QUALIFIERS = ("生态", "文化", "民俗", "休闲", "观光", "度假", "旅游", "历史", "山水", "红色", "养生", "温泉")
# The last characters of a site's own name left once the qualifiers go (城, 陵, 府, 湖 …): a core ending otherwise is a
# river, a region or a people's culture (大运河|文化, 古徽州|文化, 湄洲岛妈祖|文化), not a site's short form.
SITE_CORE_END = "城府陵湖矶塔山国楼寺宫阁园洞峡谷岛关"


def _without_qualifiers(base: str) -> str:
    """皇城相府生态文化 → 皇城相府: the qualifiers of SITE_QUALIFIERS stripped from the end, where what is left (three
    characters or more) ends as a site's name does; else ``base`` itself."""
    core = base
    while (q := next((q for q in SITE_QUALIFIERS if core.endswith(q) and len(core) - len(q) >= 3), None)) is not None:
        core = core[: -len(q)]
    return core if core[-1] in SITE_CORE_END else base


def site_forms(name: str) -> set[str]:
    """八达岭-慕田峪长城旅游区 → 八达岭长城, 慕田峪长城, …: the forms the news writes a 5A site by."""
    forms = {name}
    base = name
    for suf in SITE_SUFFIXES:
        if base.endswith(suf) and len(base) - len(suf) >= 2:
            base = base[: -len(suf)]
            break
    if not any(w in base for w in ("边境", "国际", "中国", "国家")):  # 中俄边境 of 中俄边境旅游区 is no site
        forms.add(base)
        core = _without_qualifiers(base)
        if core != base:
            forms.add(core)  # 皇城相府 of 皇城相府生态文化旅游区, 开平碉楼 of 开平碉楼文化旅游区
    if "-" in base or "—" in base:
        parts = re.split(r"[-—]", base)
        tail = ""
        # 八达岭-慕田峪长城: the last part's generic tail (长城) goes with each earlier part.
        m = re.search(r"(长城|古镇|古城|湿地|公园|山|湖|寺|园)$", parts[-1])
        if m:
            tail = m.group(1)
        for p in parts:
            p = p.strip()
            if len(p) >= 2:
                forms.add(p)
                if tail and not p.endswith(tail):
                    forms.add(p + tail)
    return {f for f in forms if 2 <= len(f) <= 16 and re.fullmatch(r"[\u4e00-\u9fff]+", f)}


def shard(name: str) -> int:
    return zlib.crc32(name[0].encode("utf-8")) % SHARDS


def main() -> int:
    if not DATA.exists():
        print(f"build_localities: needs the shared data at {DATA} (../shared beside the checkout)", file=sys.stderr)
        return 2
    villages: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    with gzip.open(DATA / "jionlp_villages.tsv.gz", "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            name = (r.get("village") or "").strip()
            if len(name) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
                continue
            # County name, city and province follow from the county code (policyie.gazetteer).
            villages[shard(name)].append((name, r["township"], r["county_code"]))
    vdir = OUT / "villages"
    vdir.mkdir(exist_ok=True)
    total = 0
    for n in range(SHARDS):
        rows = sorted(set(villages.get(n, [])))
        total += len(rows)
        with open(vdir / f"{n:02d}.tsv.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(("".join("\t".join(r) + "\n" for r in rows)).encode("utf-8"))
    sites: dict[str, tuple[str, str, str]] = {}
    with (DATA / "scenic_5a.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            for form in site_forms(r["name"].strip()):
                # The canonical name is the form without its generic suffix (布达拉宫, not 布达拉宫景区).
                sites.setdefault(form, ("site", strip_suffix(form), r.get("city") or r.get("province") or ""))
    with (DATA / "geo_features_derived.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["feature_class"] in REGION_CLASSES and 3 <= len(r["name"]) <= 10 and proper_region(r["name"]):
                sites.setdefault(r["name"], ("region", r["name"], ""))
    for name in CURATED_REGIONS:
        sites[name] = ("region", name, "")
        if not name.endswith(("地区", "流域", "区", "高原", "平原", "盆地", "走廊", "半岛", "大陆", "经济带")):
            sites.setdefault(name + "地区", ("region", name, ""))  # 南|太平洋地区: jieba's word ends after 地区
    with (DATA / "geo_features_derived.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if named_water_or_range(r["name"], r["feature_class"]):
                sites.setdefault(r["name"], ("region", r["name"], ""))
    for name in SEAS:
        sites.setdefault(name, ("region", name, ""))
    with (DATA / "geo_features_derived.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if named_mountain(r["name"], r["feature_class"], r["sources"]):
                sites.setdefault(r["name"], ("site", r["name"], ""))
    for name in FAMOUS_MOUNTAINS:
        sites.setdefault(name, ("site", name, ""))
    for form, name in REGION_FORMS.items():
        sites[form] = ("region", name, "")
    for name in PROVINCE_PARTS:
        sites[name] = sites[name + "地区"] = ("region", name, "")
    for name in province_parts():
        sites.setdefault(name, ("region", name, ""))
        sites.setdefault(name + "地区", ("region", name, ""))
    for name, where in CURATED_SITES.items():
        sites.setdefault(name, ("site", name, where))
    for name in [n for n, (level, _, _) in sites.items() if level == "region" and n.endswith("山脉") and len(n) >= 5]:
        sites.setdefault(name[:-1], ("region", name, ""))  # 念青唐古拉山 is the range 念青唐古拉山脉, where no mountain is so named
    for name in [n for n, (level, _, _) in sites.items() if level == "region"]:
        province = next((p for p in PROVINCE_NAMES if name.startswith(p)), None)
        if province and sites.get(name[len(province) :], ("",))[0] == "region":
            del sites[name]
    with (OUT / "sites.tsv").open("w", encoding="utf-8") as f:
        f.write("# Sites (5A scenic areas and their short forms) and physical or informal regions, with their level,\n"
                "# canonical name and where they are. Sources: places/scenic_5a.tsv, places/geo_features_derived.tsv\n"
                "# (jieba MIT, HanLP Apache-2.0), curated regions. Built by scripts/build_localities.py.\n"
                "# form\tlevel\tcanonical\tparent\n")
        for form, (level, canon, parent) in sorted(sites.items()):
            f.write(f"{form}\t{level}\t{canon}\t{parent}\n")
    print(f"villages {total} in {SHARDS} shards, sites and regions {len(sites)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
