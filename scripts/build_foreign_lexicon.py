#!/usr/bin/env python3
"""Build the lexicons that recognise foreign office-holders (SPEC.md §2 `Official.country`).

Reads ../shared/data (relative to the repo root) and writes into policyie/lexicons/:

* countries.tsv — a form that opens a foreign title (法国, 法, 巴黎, 白宫, 联合国, 世卫组织 …) → the country
                  or international body it stands for, as a Chinese short name (法国, 联合国, 世界卫生组织).
                  Sources: names/countries_zh.tsv (pycountry + jionlp, LGPL-2.1 / Apache-2.0: short and
                  official names, capitals), names/intl_orgs_supraverden.tsv (confirmordeny/supraverden,
                  CC BY-SA 4.0: Chinese names of international organisations), and the curated foreign
                  forms of scripts/build_officials_lexicon.py (FOREIGN, FOREIGN_SHORT) with their country.
* foreign_cities.tsv — capitals and major cities of foreign countries (names/countries_zh.tsv, same licences),
                  listed by the gazetteer as cities of their country (喀麦隆首都雅温得, 在帝力举行).
* translit.tsv  — per character: log odds of appearing inside a transliterated foreign name against
                  running text. Counted from HanLP's transliteration name parts (names/hanlp_nrf_components.txt)
                  and its nrf person names (names/hanlp_person_dict.tsv; hankcs/HanLP 1.x, Apache-2.0),
                  against the character frequencies of jieba's dictionary (MIT). Only character statistics.
* foreign_names.tsv — transliterated names and name parts of two or more characters that HanLP lists
                  (same sources), used to prefer a known name's end over a guess. Names are facts about
                  public persons and name parts; no article text.

Re-run: ``python scripts/build_foreign_lexicon.py``.
"""

from __future__ import annotations

import csv
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "policyie" / "lexicons"
sys.path.insert(0, str(ROOT / "scripts"))

from build_officials_lexicon import FOREIGN, FOREIGN_SHORT  # noqa: E402

# Forms of the curated list that are no country's own name: the country they stand for.
CURATED_COUNTRY = {
    "美": "美国", "俄": "俄罗斯", "日": "日本", "英": "英国", "法": "法国", "德": "德国", "韩": "韩国", "朝": "朝鲜",
    "印": "印度", "澳": "澳大利亚", "加": "加拿大", "意": "意大利", "越": "越南", "泰": "泰国", "伊": "伊朗",
    "以": "以色列", "乌": "乌克兰", "土": "土耳其", "沙": "沙特阿拉伯", "埃": "埃及", "巴": "巴基斯坦",
    "菲": "菲律宾", "墨": "墨西哥", "欧": "欧盟",
    "沙特": "沙特阿拉伯", "阿联酋": "阿联酋", "阿拉伯联合酋长国": "阿联酋", "蒙古": "蒙古国", "印尼": "印度尼西亚",
    "孟加拉": "孟加拉国", "波黑": "波斯尼亚和黑塞哥维那", "刚果（金）": "刚果（金）", "刚果（布）": "刚果（布）",
    "斯威士兰": "埃斯瓦蒂尼", "欧洲联盟": "欧盟", "欧洲理事会": "欧盟", "欧盟委员会": "欧盟", "欧洲议会": "欧盟",
    "欧洲央行": "欧盟", "世卫组织": "世界卫生组织", "世贸组织": "世界贸易组织", "国际奥林匹克委员会": "国际奥委会",
    "非洲联盟": "非盟", "亚投行": "亚洲基础设施投资银行", "美联储": "美国", "白宫": "美国", "五角大楼": "美国",
    "克里姆林宫": "俄罗斯", "越共": "越南", "越共中央": "越南", "老挝人民革命党": "老挝", "朝鲜劳动党": "朝鲜",
    "古共": "古巴", "古共中央": "古巴", "共和党": "美国",
    "纽约": "美国", "加州": "美国", "加利福尼亚": "美国", "得克萨斯": "美国", "德克萨斯": "美国", "佛罗里达": "美国",
    "夏威夷": "美国", "华盛顿": "美国", "伊利诺伊": "美国", "密歇根": "美国", "俄亥俄": "美国", "宾夕法尼亚": "美国",
    "马萨诸塞": "美国", "犹他": "美国", "洛杉矶": "美国", "芝加哥": "美国", "旧金山": "美国", "休斯敦": "美国",
    "大阪": "日本", "伊斯坦布尔": "土耳其", "迪拜": "阿联酋", "多伦多": "加拿大", "温哥华": "加拿大", "悉尼": "澳大利亚",
    "墨尔本": "澳大利亚", "奥克兰": "新西兰", "圣保罗": "巴西", "里约热内卢": "巴西", "墨西哥城": "墨西哥",
    "圣地亚哥": "智利", "日内瓦": "瑞士",
}  # fmt: skip
# Official names as the Chinese press writes them where the source lists another order (多民族玻利维亚国).
PRESS_FORMS = {"玻利维亚多民族国": "玻利维亚", "委内瑞拉玻利瓦尔共和国": "委内瑞拉",
               # short forms the press writes before a post (埃塞国防军参谋长, 巴新总理)
               "埃塞": "埃塞俄比亚", "巴新": "巴布亚新几内亚", "集安组织": "集体安全条约组织"}
# Bodies that are not states, known by these names in the news.
BODIES = (
    "联合国 欧盟 北约 东盟 非盟 阿盟 上海合作组织 世界卫生组织 世界贸易组织 国际货币基金组织 世界银行 国际奥委会 "
    "金砖国家新开发银行 亚洲基础设施投资银行 二十国集团 七国集团 国际原子能机构 国际劳工组织 联合国教科文组织 "
    "世界经济论坛 国际足联 联合国开发计划署 联合国儿童基金会 联合国难民署 世界粮食计划署 国际红十字委员会 "
    "世界知识产权组织 国际电信联盟 国际民航组织 国际海事组织 世界气象组织 联合国粮农组织 国际移民组织 "
    "亚洲开发银行 新开发银行 欧亚经济联盟 海湾阿拉伯国家合作委员会 海合会 独联体 集体安全条约组织 亚太经合组织 "
    "欧佩克 石油输出国组织 红十字国际委员会 国际红十字会 国际红十字与红新月运动 联合国环境规划署 联合国人权理事会 "
    "联合国安理会 联合国大会 世界旅游组织 联合国工业发展组织 国际能源署 经济合作与发展组织 经合组织 东南亚国家联盟 "
    "亚奥理事会 国际残奥委会 世经论坛 国际可再生能源署 国际太阳能联盟 国际标准化组织 国际刑警组织 国际海底管理局 联合国贸发会议 联合国贸易和发展会议"
).split()
BODY_ALIASES = {"世经论坛": "世界经济论坛", "海合会": "海湾阿拉伯国家合作委员会", "欧洲联盟": "欧盟", "石油输出国组织": "欧佩克", "国际红十字会": "红十字国际委员会",
                "经合组织": "经济合作与发展组织", "东南亚国家联盟": "东盟"}


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in read_tsv(DATA / "names" / "countries_zh.tsv"):
        short = (r.get("jionlp_short") or r.get("name_zh_pycountry") or "").strip()
        if not short or len(short) < 2:
            continue
        for form in (short, r.get("name_zh_pycountry"), r.get("official_zh_pycountry"), r.get("jionlp_full")):
            form = (form or "").strip()
            if len(form) >= 2:
                out.setdefault(form, short)
        capital = (r.get("capital") or "").strip()
        if len(capital) >= 2:
            out.setdefault(capital, short)
    for body in BODIES:
        out[body] = BODY_ALIASES.get(body, body)
    for r in read_tsv(DATA / "names" / "intl_orgs_supraverden.tsv"):
        zh = (r.get("name_zh_simplified") or "").strip()
        if len(zh) >= 4 and "、" not in zh:
            out.setdefault(zh, zh)
    for form in FOREIGN:
        out[form] = CURATED_COUNTRY.get(form, out.get(form, form))
    out.update(PRESS_FORMS)
    # The UN's own organs and programmes are the UN's posts (联合国环境规划署执行主任 → 联合国).
    for form in list(out):
        if form.startswith("联合国") and form not in ("联合国教科文组织",):
            out[form] = "联合国"
    out["蒙古国"] = out["蒙古"] = "蒙古国"
    out.update({k: "蒙古国" for k, v in out.items() if v == "蒙古"})  # (乌兰巴托, the capital read before the fix above)
    for form in FOREIGN_SHORT:
        out[form] = CURATED_COUNTRY[form]
    # China's own: the country, its capital, and Hong Kong, Macao and Taiwan (whose posts are China's, SPEC §2).
    chinese = ("中国", "香港", "澳门", "台湾")
    return dict(sorted((k, v) for k, v in out.items() if not any(c in k or c in v for c in chinese) and k != "北京"))


# Capitals and cities whose name reads first as a common word or a given name (包罗万象; 维多利亚, 圣约翰, 亚历山大):
# left to the rules that read a town after its country.
NOT_CITY_FIRST = frozenset("万象 维多利亚 圣约翰 圣乔治 罗索 亚历山大".split())

# Cities the diplomatic and trade news names that the source lists do not (summit venues, ports of the Belt and
# Road, border cities), curated from general knowledge; only names that read as nothing else in Chinese text
# (海防, 泗水, 新山, 光州 and 达尔文 are words, Chinese places or persons first).
CURATED_CITIES = {
    "宿务": "菲律宾", "达沃": "菲律宾", "岘港": "越南", "名古屋": "日本", "休斯敦": "美国", "达沃斯": "瑞士",
    "普拉托": "意大利", "喀山": "俄罗斯", "新西伯利亚": "俄罗斯", "伊尔库茨克": "俄罗斯", "哈巴罗夫斯克": "俄罗斯",
    "布拉戈维申斯克": "俄罗斯", "乌兰乌德": "俄罗斯", "撒马尔罕": "乌兹别克斯坦", "布哈拉": "乌兹别克斯坦",
    "瓜达尔": "巴基斯坦", "白沙瓦": "巴基斯坦", "吉大港": "孟加拉国", "曼德勒": "缅甸", "皎漂": "缅甸",
    "槟城": "马来西亚", "万隆": "印度尼西亚", "暹粒": "柬埔寨", "西哈努克城": "柬埔寨", "琅勃拉邦": "老挝",
    "蒙巴萨": "肯尼亚", "吉达": "沙特阿拉伯", "伊兹密尔": "土耳其", "安塔利亚": "土耳其", "巴统": "格鲁吉亚",
    "奥什": "吉尔吉斯斯坦", "比雷埃夫斯": "希腊", "汉班托塔": "斯里兰卡", "瓜亚基尔": "厄瓜多尔", "钱凯": "秘鲁",
    "马瑙斯": "巴西", "安特卫普": "比利时", "杜伊斯堡": "德国", "布里奇敦": "巴巴多斯", "恩德培": "乌干达", "芒街": "越南",
    "丹吉尔": "摩洛哥", "马拉喀什": "摩洛哥", "斯法克斯": "突尼斯",
}


def foreign_cities(country_forms: dict[str, str]) -> list[tuple[str, str, str]]:
    """(city, country, kind) for each country's capital and major cities (names/countries_zh.tsv), where the
    name is no country's own form and does not read first as something else (`NOT_CITY_FIRST`)."""
    out: dict[str, tuple[str, str]] = {}
    for r in read_tsv(DATA / "names" / "countries_zh.tsv"):
        country = (r.get("jionlp_short") or r.get("name_zh_pycountry") or "").strip()
        country = country_forms.get(country, "")  # (China's own places are the gazetteer's divisions)
        if len(country) < 2:
            continue
        cities = [("capital", (r.get("capital") or "").strip())]
        cities += [("major", c.strip()) for c in (r.get("major_cities") or "").split("/")]
        for kind, city in cities:
            if kind == "capital" and country_forms.get(city) == city:
                city += "市"  # 突尼斯市, 吉布提市: a capital named as its state is written with 市 to be the city
            if len(city) < 2 or country_forms.get(city) == city or city in NOT_CITY_FIRST:
                continue
            out.setdefault(city, (country, kind))
    for city, country in CURATED_CITIES.items():
        if country_forms.get(country) == country:
            out.setdefault(city, (country, "major"))
    word_first = _reads_first_as_other()
    lines = [ln for ln in CURATED_CITIES_TSV.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t"):
        city, country = r["city"].strip(), r["country"].strip()
        country = country_forms.get(country, "")
        if len(country) < 2 or len(city) < 2 or country_forms.get(city) == city or city in NOT_CITY_FIRST:
            continue
        if city in word_first:
            print(f"curated city left out ({word_first[city]}): {city}")
            continue
        out.setdefault(city, (country, "curated"))
    return sorted((city, country, kind) for city, (country, kind) in out.items())


# Second cities, ports, regional capitals and venues the news names, curated from general knowledge (see its header).
CURATED_CITIES_TSV = ROOT / "scripts" / "foreign_cities_curated.tsv"
# How often jieba's dictionary may count a word that is not a place's for a city of that name still to be listed.
WORD_FIRST = 0
# jieba's tags of proper names: a city may be one (its tags of transliterations, nr and nrt, are as often a town's as a
# person's: 杜布罗夫尼克 nrt); any other tag makes the name a common word first.
NAME_TAGS = ("ns", "nr", "nz")


def _reads_first_as_other() -> dict[str, str]:
    """Names a curated city may not take, with why: a word of jieba's dictionary tagged no proper name (a common word),
    a Chinese division's name or short form (黑山), a Chinese person's name HanLP lists (钱凯)."""
    sys.path.insert(0, str(ROOT))
    from policyie import lexicons
    from policyie.nlp import tag_table, word_freq

    out: dict[str, str] = {}
    tags = tag_table()
    for word, freq in word_freq().items():
        if freq > WORD_FIRST and not tags.get(word, "").startswith(NAME_TAGS):
            out[word] = f"a word, {tags.get(word, '?')}"
    for cols in lexicons.rows("divisions.tsv", header=True):
        for form in [cols[1], *(f.lstrip("=") for f in (cols[2].split(",") if len(cols) > 2 and cols[2] else []))]:
            if len(form) >= 2:
                out.setdefault(form, "a Chinese division")
    for r in read_tsv(DATA / "names" / "hanlp_person_dict.tsv"):
        name = (r.get("name") or "").strip()
        if len(name) >= 2 and r.get("tag") == "nr":
            out.setdefault(name, "a Chinese person's name")
    return out


def translit_chars() -> tuple[dict[str, float], list[str]]:
    parts = [w.strip() for w in (DATA / "names" / "hanlp_nrf_components.txt").read_text(encoding="utf-8").splitlines()]
    names = [r["name"] for r in read_tsv(DATA / "names" / "hanlp_person_dict.tsv") if r.get("tag") == "nrf"]
    fg: Counter[str] = Counter()
    for w in parts + names:
        for c in w:
            if "\u4e00" <= c <= "\u9fff":
                fg[c] += 1
    import jieba

    jieba.initialize()
    bg: Counter[str] = Counter()
    for word, freq in jieba.dt.FREQ.items():
        if freq:
            for c in word:
                if "\u4e00" <= c <= "\u9fff":
                    bg[c] += freq
    nf, nb = sum(fg.values()), sum(bg.values())
    scores = {}
    for c, n in fg.items():
        if n < 3:
            continue
        scores[c] = math.log((n / nf) / ((bg.get(c, 0) + 1) / nb))
    known = sorted({w for w in parts + names if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w)})
    return scores, known


def write_tsv(path: Path, header: str, rows) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")


def main() -> None:
    if not DATA.exists():
        raise SystemExit(f"build_foreign_lexicon: needs the shared data at {DATA} (../shared beside the checkout)")
    table = countries()
    write_tsv(
        OUT / "countries.tsv",
        "# A form that opens a foreign title (country, short form, capital, international body) and the country or\n"
        "# body it stands for. Sources: pycountry + jionlp country names (LGPL-2.1 / Apache-2.0), supraverden\n"
        "# international organisations (CC BY-SA 4.0), curated forms. Built by scripts/build_foreign_lexicon.py.\n"
        "# form\tcountry\n",
        table.items(),
    )
    cities = foreign_cities(table)
    write_tsv(
        OUT / "foreign_cities.tsv",
        "# Capitals and major cities of foreign countries (pycountry + jionlp world_location, LGPL-2.1 / Apache-2.0),\n"
        "# without forms that are a country's own name or read first as a word or a person. The gazetteer lists them as\n"
        "# cities of their country. Built by scripts/build_foreign_lexicon.py.\n# city\tcountry\tkind\n",
        cities,
    )
    scores, known = translit_chars()
    write_tsv(
        OUT / "translit.tsv",
        "# Per character: log odds of appearing inside a transliterated foreign name against running text.\n"
        "# Sources: HanLP transliteration name parts and nrf names (Apache-2.0) against jieba's dictionary (MIT).\n"
        "# Built by scripts/build_foreign_lexicon.py.\n# char\tlogodds\n",
        sorted((c, f"{s:.3f}") for c, s in scores.items()),
    )
    write_tsv(
        OUT / "foreign_names.tsv",
        "# Transliterated names and name parts of two or more characters (HanLP 1.x, Apache-2.0).\n"
        "# Built by scripts/build_foreign_lexicon.py.\n# name\n",
        ((w,) for w in known),
    )
    print(f"countries {len(table)}, translit chars {len(scores)}, foreign names {len(known)}")


if __name__ == "__main__":
    main()
