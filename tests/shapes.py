"""Pathological input shapes, each a function of a target length in characters.

Shared by tests/test_pathological.py (every shape at 100k characters, under a time guard) and
benchmarks/limits.py (every shape at two sizes, to show that time grows linearly).
"""

from __future__ import annotations

import random
from collections.abc import Callable

# Common characters in frequency order: a random paragraph of them looks like text to every layer.
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
LEAD = "市委书记蔡奇到通州区调研。"


def random_han(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(COMMON) for _ in range(n))


def times(unit: str, n: int) -> str:
    return unit * max(1, n // len(unit))


SHAPES: dict[str, Callable[[int], str | bytes]] = {
    "paragraph without punctuation": lambda n: LEAD + random_han(n),
    "one character repeated": lambda n: "他强调，" + times("要", n),
    "digits": lambda n: LEAD + times("1", n),
    "latin only": lambda n: times("The Party secretary visited Tongzhou. ", n),
    "latin without spaces": lambda n: LEAD + times("a", n),
    "emoji": lambda n: times("😀🇨🇳", n // 2) + LEAD + times("🎉", n // 2),
    "whitespace runs": lambda n: "市委书记" + times(" \u3000\t", n) + "到通州区调研。",
    "newlines": lambda n: LEAD + times("\n", n) + LEAD,
    "short lines": lambda n: times("市委书记\n", n),
    "repeated punctuation": lambda n: "市委书记" + times("，、。；", n) + "到通州区调研。",
    "unbalanced quotes": lambda n: times("“", n) + "市委书记到通州区调研" + "”" * 10,
    "quote pairs": lambda n: times("“五子”", n),
    "book-title marks": lambda n: times("《", n // 2) + LEAD + times("》", n // 2),
    "open brackets": lambda n: LEAD + times("（", n),
    "deeply nested html": lambda n: times("<div>", n // 2) + LEAD + times("</div>", n // 2),
    "unclosed tags": lambda n: "<p><div><span style='x" + times(LEAD, n),
    "unclosed comment": lambda n: LEAD + "<!--" + times("注释", n),
    "unclosed style": lambda n: LEAD + "<style>" + times("a{}", n),
    "huge attribute": lambda n: "<p title='" + times("属性", n) + "'>" + LEAD + "</p>",
    "entity runs": lambda n: "<p>" + LEAD + times("&amp;", n // 2) + times("&#", n // 2) + "</p>",
    "markdown brackets": lambda n: times("[", n // 2) + LEAD + times("](", n // 2),
    "front matter never closed": lambda n: "---\ntitle: x\n" + times("key: value\n", n) + LEAD,
    "pinyin annotations": lambda n: times("發(fā)", n),
    "titles without names": lambda n: times("市委书记、", n),
    "names without end": lambda n: "市领导" + times("张三、", n),
    "directive run": lambda n: LEAD + times("他强调，要坚持", n),
    "date-like run": lambda n: times("1月", n // 2) + times("2日至", n // 2),
    "year run": lambda n: LEAD + times("2024年", n),
    "numbered formulation run": lambda n: times("四个", n),
    "meeting words": lambda n: times("召开会议", n),
    "place run": lambda n: times("北京市通州区", n),
    "byline run": lambda n: LEAD + times("（记者 张三 李四）", n),
    "nul bytes among text": lambda n: "\x00".join(times(LEAD, n // 2)),
    # Word's \x0b line breaks and stray controls, about one per paragraph (far more reads as binary).
    "control characters": lambda n: times(LEAD * 8 + "\x0b\x01", n),
    "combining marks": lambda n: LEAD + times("\u0301", n),
    "zero-width characters": lambda n: "\u200b".join(times(LEAD, n // 2)),
    "compatibility characters": lambda n: LEAD + times("①㈠ﬁ２０２４", n),
    "mixed encodings": lambda n: times(LEAD, n // 2).encode() + times("市长到海淀区调研。", n // 2).encode("gbk"),
    "invalid utf-8": lambda n: LEAD.encode() + bytes(range(0x80, 0x100)) * max(1, n // 128),
    "utf-16 with bom": lambda n: ("\ufeff" + times(LEAD, n)).encode("utf-16-le"),
}
