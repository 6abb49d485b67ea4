"""Officials: a name with the surface titles written next to it (SPEC.md §2, §3).

Recognised shapes, all driven by lexicons/posts.tsv and lexicons/orgs.tsv:

* titles before the name, chained by 、: 中共中央政治局常委、国务院副总理丁薛祥, 市委副书记、市长陈吉宁;
* a title shared over a list of names: 市领导崔述强、殷勇、杨晋柏，… (each gets 市领导);
* a few posts after the name: 习近平总书记;
* later bare mentions of an established name: 蔡奇、陈吉宁来到… .

Each title's org is normalised with the document's home jurisdiction (a Beijing paper's 市委 is 北京市委).
Reporters and editors (``ctx.doc.authors``) are never officials.

Only holders of Chinese public posts count (SPEC.md §3: Party, government, people's congress, CPPCC,
court, state firm). Set aside, by decision: foreign office-holders (a title under a country or
international body of lexicons/foreign.tsv — 印度总理莫迪, 世卫组织总干事 —, or a transliterated or
dotted name under no Chinese organ — 欧尔班总理, 彼得·莫雷尔; 中国驻法国大使 is China's own), people whose
only posts are at a firm not shown to be the state's (京东集团董事局主席, 该公司总经理; 首钢集团党委书记、
董事长 and 北京城建集团总经理 stay), and hospital department heads (重症医学科主任).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import cache

import regex

from policyie import gazetteer, lazy_pattern, lexicons, name_runs, nlp
from policyie.extractors._events import paragraph_at
from policyie.extractors._foreign import (
    FOREIGN_FOLLOWERS,
    HAN_NAME_LENGTHS,
    HOME_STATE,
    JOINERS,
    REGNAL,
    STRONG_TRANSLIT,
    countries,
    country_of,
    extend_transliterated,
    foreign_name_at,
    han_name_at,
    is_body,
    known_names,
    only_foreign_posts,
    prefix_country,
    translit,
)
from policyie.extractors._literals import LiteralMatch, Literals
from policyie.extractors._model_places import han_only
from policyie.extractors._people import (
    AFTER_POST_WORDS,
    COMPOUND_SURNAMES,
    HAN,
    LOCAL_HEAD_POST,
    OBJECT_PREPOSITIONS,
    RARE_SURNAME,
    STATE_POSTS,
    NameGuess,
    adverb_or_verb,
    clear_follower,
    foreign,
    given_score,
    inside_common_word,
    is_common_word,
    is_foreign_org,
    jieba_freq,
    looks_transliterated,
    mentions_foreign,
    minority_name_at,
    model_person_end,
    name_at,
    name_ending_at,
    orgs,
    person_starts_ending_at,
    place_forms,
    posts,
    resolve_pronoun,
    surname_at,
    surnames,
    transcript_speakers,
)
from policyie.extractors._spans import in_work_title, occurrences, quoted_parallel_item
from policyie.extractors._untitled import core_names, kb_names, list_names
from policyie.extractors.base import Context, register
from policyie.gazetteer import load as load_gazetteer
from policyie.kb import KB, resolve
from policyie.nlp import Analysis, Token
from policyie.records import Document, Official, Span, Title

__all__ = ["extract", "resolve_pronoun", "normalise_title", "home_jurisdiction"]

# The curated words of titles (posts that may follow a name, words a title never runs across, state-firm
# marks …): data, in lexicons/title_words.tsv.
_WORDS = lexicons.lists("title_words.tsv")

# Posts that may follow the name (习近平总书记); others after a name are too often something else.
SUFFIX_POSTS = _WORDS["suffix-post"]
# Segmenter tags a title's organ part is made of.
TITLE_POS = ("n", "ns", "nt", "nz", "j", "b", "nr", "un", "vn", "an", "l")  # (an: 安全|生产…督导检查组组长; l: 水旱灾害|防御司)
# Words that open a clause, never part of a title.
NOT_TITLE = set(_WORDS["not-title"])
DROPPED = _WORDS["dropped"]
# Verbs the segmenter tags as nouns; a title never runs across one (会见|新加坡总理李显龙, 委托|秘书长杨振武).
TITLE_STOP = set(_WORDS["title-stop"])
LIST_STANDING = tuple(_WORDS["list-standing"])
LEADING_FUNC = frozenset(_WORDS["leading-function"])
# Function characters jieba's guesser glues onto the word after them (从亚奥, 据黎, 还同).
GLUED_FUNC = LEADING_FUNC | frozenset("还也曾又和及")
# …and the conjunctions it glues onto the end of a name (丁薛|祥和, 李成|勋及).
CONJUNCTIONS = frozenset("和与同及")
SCOPE_START = frozenset(_WORDS["scope-start"])
# Last characters of an organ's short form (环资委, 外事委, 市文旅局): such a word is no person's name.
ORGAN_END = _WORDS["organ-end"]
FIELD_VERBS = frozenset(_WORDS["field-verb"])
# The standing bodies whose names hold such a verb (a committee, a leading or working group, a headquarters).
# (国务院|西部|地区开发领导小组: the part of the country it serves, which jieba tags a direction)
_COMPASS_REGIONS = frozenset(("东部", "西部", "中部", "东北", "西北", "西南", "东南"))
_STANDING_BODY = lazy_pattern.compile(r"小组|委员会|工作组|指挥部|联席会议")
_LEGISLATURE_HEADS = ("议会", "会", "院", "委员会")  # 立法议会, 立法会, 立法院, 立法委员会
# Last characters of a working unit jieba does not know (专班, 工作组, 突击队): an organ, not a name.
UNIT_END = _WORDS["unit-end"]
# Posts of a company: a person holding only these is an official only at a state firm (SPEC.md §3).
FIRM_POSTS = _WORDS["firm-post"]
FIRM_ORG_END = _WORDS["firm-organ-end"]
# An organ that says the firm is the state's: a central or Beijing state firm, a state bank, 国资委.
STATE_FIRM = lazy_pattern.compile(
    "^(?:" + "|".join(map(regex.escape, _WORDS["state-prefix"])) + ")"
    r"|^北京\p{Han}{0,8}(?:集团|集团公司|集团有限责任公司|总公司|银行|控股|投资有限公司)$"
    "|" + "|".join(map(regex.escape, _WORDS["state-mark"]))
)
# The level an organ serves, standing alone before it (村党支部书记, 镇党委书记, 区人大常委会主任).
SCOPE_WORDS = frozenset(_WORDS["scope-word"])
ORDINAL = lazy_pattern.compile(r"第[一二三四五六七八九十\d]{1,3}")
# Words ending in 代 that are no acting prefix (新时代, 年代, 替代 …).
ACTING_NOT = frozenset(_WORDS["acting-not"])
DIVISION_ENDS = _WORDS["division-end"]
# Between two titles of one person; a bare comma counts too (市委常委、副市长，城市副中心党工委书记孟景伟),
# since only a post that ends right at it chains (a name before the comma ends the chain).
TITLE_SEP = lazy_pattern.compile(r"[,，]?、[,，]?|兼|[,，]")
LIST_SEP = lazy_pattern.compile(r"[,，]?、[,，]?|和|及|以及")
MAX_TITLE = 24
# The organ implied by a bare post (市长 → 市政府).
IMPLIED_ORG = lexicons.tables("title_words.tsv")["implied-organ"]
MUNICIPALITIES = _WORDS["municipality"]


@cache
def post_pattern() -> Literals:
    return Literals(posts())


@cache
def base_posts() -> list[str]:
    """Posts without an organ folded in (书记, not 党委书记), longest first: the `post` of a Title."""
    folded = _WORDS["folded-organ"]
    table = posts()
    keep = [
        p
        for p, k in table.items()
        if k != "group" and not any(p.startswith(f) and p[len(f) :] in table for f in folded)
    ]
    return sorted(keep, key=len, reverse=True)


@cache
def _base_posts_by_length() -> tuple[tuple[int, frozenset[str]], ...]:
    lengths: dict[int, set[str]] = {}
    for p in base_posts():
        lengths.setdefault(len(p), set()).add(p)
    return tuple((n, frozenset(ps)) for n, ps in sorted(lengths.items(), reverse=True))


def _base_post_ending(text: str) -> str | None:
    """The longest of `base_posts` that ``text`` ends with (a lookup per length, not a scan of every post)."""
    return next((text[-n:] for n, ps in _base_posts_by_length() if n <= len(text) and text[-n:] in ps), None)


@cache
def _organ_forms() -> frozenset[str]:
    # Foreign countries and international bodies too, so that a foreign title is read whole (黎巴嫩总理,
    # 欧佩克秘书长) and its country known.
    return (
        frozenset(orgs())
        | frozenset(place_forms())
        | frozenset(p for p, k in posts().items() if k != "group")
        | foreign()[0]
        | frozenset(f for f in countries() if len(f) >= 2)
    )


@cache
def _organ_form_lengths() -> dict[str, tuple[int, ...]]:
    """Last character → the lengths (12 down to 2) of the organ forms ending in it: `_segment_start` then
    tries only lengths that can match, instead of slicing every length at every step."""
    by_last: dict[str, set[int]] = {}
    for f in _organ_forms():
        if 2 <= len(f) <= 12:
            by_last.setdefault(f[-1], set()).add(len(f))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in by_last.items()}


@cache
def place_pattern() -> Literals:
    return Literals(f for f in place_forms() if len(f) >= 2)


# ---------------------------------------------------------------------------------------------
# titles


def _post_ends_cleanly(an: Analysis, end: int) -> bool:
    """False when the post is the head of a longer word (委员|会, 书记|处)."""
    tok = an.token_at(end - 1)
    return tok is None or tok.end == end or tok.pos.startswith(("nr", "un"))


@cache
def _post_lengths() -> list[tuple[int, frozenset[str]]]:
    """Posts other than group titles, by length: a few set lookups instead of an endswith per post."""
    by_len: dict[int, set[str]] = {}
    for p, kind in posts().items():
        if kind != "group":
            by_len.setdefault(len(p), set()).add(p)
    return [(n, frozenset(ws)) for n, ws in sorted(by_len.items())]


def _post_ends_at(text: str, end: int) -> bool:
    """A post (no group title) ends at ``end`` within the six characters before it."""
    room = min(6, end)
    return any(n <= room and text[end - n : end] in ws for n, ws in _post_lengths())


# A reading this sure makes a name of a rarer surname too (乡长|沙映泉: the segmenter read 长沙, 沙 is no common surname).
SURE_NAME = 5.0


# What closes a two-character name read across a post's end: a verb of attending or speaking, or punctuation.
_CLOSES_TWO = lazy_pattern.compile(r"陪同|一同|主持|出席|参加|表示|指出|强调|介绍|讲话|带队|一行|率队|率领|先后|来到|深入|调研|察看|[，、。；]")


def _name_follows(text: str, an: Analysis, m: LiteralMatch) -> bool:
    """主任|何立峰, 院长|江小涓, 县长|沙马拉达: the segmenter read 任何, 长江, 长沙 across the post's end, but a clear
    name follows."""
    if text[m.start() : m.end() + 1] in posts():
        return False  # the post runs on (书记处 is no 书记 + 处…)
    g = name_at(text, m.end(), an)
    return (
        g is not None
        and ((g.end - g.start == 3 and surnames().get(text[m.end()], 0) >= (100 if g.score < SURE_NAME else RARE_SURNAME)
              and g.score >= 1.5 and not inside_common_word(an, m.start()))  # (地处|长江|上游: not 改革|委主|任何)
             # 常务副区长|沙璟|陪同: a two-character name, where a word that follows names closes it at once and the
             # post opens a word of the segmenter's (not 业|主委|员会)
             or (g.end - g.start == 2 and g.score >= 1.0 and surnames().get(text[m.end()], 0) >= RARE_SURNAME
                 and _CLOSES_TWO.match(text, g.end) is not None and an.is_token_boundary(m.start()))
             or (minority_name_at(text, m.end()) == g and g.end - g.start <= 6
                 and all(HAN.match(c) for c in text[g.start : g.end])))  # 县长|沙马拉达: a Yi, Tibetan or Mongolian name
        and text[g.end - 1] not in "村镇乡县区市省街路庄屯"  # 镇长江源村: a place, not a name
        and clear_follower(text, g.end)  # 部长江水利委员会: an organ follows, not a verb
    )


def _title_piece(piece: str, pos: str) -> bool:
    if not piece or not all(HAN.match(c) for c in piece) or piece in NOT_TITLE:
        return False
    if piece in orgs() or piece in posts() or piece in place_forms() or piece in ORGAN_END or piece in SCOPE_WORDS:
        return True  # ORGAN_END: 外事|委 is cut off its organ; SCOPE_WORDS: 村|党支部书记
    if piece in AID_WORDS or piece in ORGAN_WORDS:
        return True  # 广州市对口支援新疆前方指挥部: the organ's name says what it does; 立法|大会, 立法|委员会
    return pos.startswith(TITLE_POS) or _division_name(piece)


# Words in the names of aid and front-line organs (对口支援新疆前方指挥部, 援藏工作队).
AID_WORDS = frozenset(_WORDS["aid-word"])
ORGAN_WORDS = frozenset(_WORDS["organ-word"])


def _division_short_ending_at(text: str, an: Analysis, x: int) -> int:
    """The length of a province's, city's or county's name of three or four characters that ends at ``x`` and
    starts where a word does (阿克塞 before 县委书记), of a prefecture's two (克州 before 党委书记), or of a county's two
    whose full name the post's 县 completes (颍|上|县委书记: jieba cut the short form), or 0."""
    # (平定|县委书记: a county whose short name is a common word, which the gazetteer holds only in full, is named by
    # the full name the post's 县 completes)
    return next((k for k in (4, 3, 2) if k <= x and an.is_token_boundary(x - k) and (
        (k > 2 or text[x - 1] == "州") and _division_name(text[x - k : x])
        or k == 2 and text[x : x + 1] in ("县", "旗") and _is_division(text[x - 2 : x + 1]))), 0)


@cache
def _division_name(word: str) -> bool:
    """疏附|县委书记: a county's short name the segmenter tagged as something else opens its organ's title."""
    return len(word) >= 2 and any(e.level in ("province", "city", "district") for e in load_gazetteer().lookup(word))


@cache
def _is_state(name: str) -> bool:
    """A foreign state (the gazetteer's level country), not an international body."""
    return any(e.level == "country" for e in load_gazetteer().lookup(name))


def _is_division(word: str) -> bool:
    """A county- or township-level division's full name (西集镇, 温泉镇, 永顺镇)."""
    return word.endswith(DIVISION_ENDS) and any(e.level in ("town", "district") for e in load_gazetteer().lookup(word))


DIVISION_LAST_CHARS = frozenset(c for end in DIVISION_ENDS for c in end[-1:])


def _division_ending_at(text: str, x: int) -> int:
    """The length of the longest known county or township name (`_is_division`) ending at ``x``, or 0."""
    return next((k for k in range(min(x, 8), 2, -1) if _is_division(text[x - k : x])), 0)


def _one_character_county(text: str, an: Analysis, x: int) -> int:
    """2 where a county or banner of one character and its kind (随县, 浚县) ends at ``x`` as one word of its own, or 0:
    jieba tags few of them as places (随县 is ``un``), and two characters alone are read only so (全县, 该县 are no
    county's names)."""
    tok = an.token_at(x - 1)
    ok = x >= 2 and text[x - 1] in "县旗" and tok is not None and (tok.start, tok.end) == (x - 2, x)
    return 2 if ok and _is_division(text[x - 2 : x]) else 0


# Characters that end a name read on to a list's separator (王海|在会上、…).
_NOT_IN_LISTED_NAME = frozenset("在和与同及的了是为对把被将从向由等并")


def _to_list_separator(text: str, an: Analysis, g: NameGuess) -> NameGuess:
    """副主席阿旺此里、李春燕: a name the models read short (阿旺, a Tibetan name has no surname) runs on to
    the list's separator when what lies between is no common word and a name follows the separator."""
    k = g.end
    while k < len(text) and k - g.start < 5 and HAN.match(text[k]) and text[k] not in _NOT_IN_LISTED_NAME:
        k += 1
    if k == g.end or text[k : k + 1] != "、" or is_common_word(text[g.end : k]):
        return g
    if name_at(text, k + 1, an, after_post=True) is None:
        return g
    return NameGuess(g.start, k, g.score)


def _minority_listed(text: str, at: int) -> NameGuess | None:
    """A listed name of three to five characters with no Han surname (a Tibetan or Mongolian name) that a word
    following names closes (…、七林农布出席), read as the transliteration reader reads one after a post."""
    fg = foreign_name_at(text, at)
    if fg is None or not 3 <= fg.end - fg.start <= 5 or not clear_follower(text, fg.end):
        return None
    if _holds_common_word(text, fg.start, fg.end):
        return None
    return fg


def _holds_common_word(text: str, start: int, end: int) -> bool:
    """Whether a common word of two characters lies anywhere in text[start:end]: a phrase, not a name (市长|向大会作报告)."""
    return any(is_common_word(text[k : k + 2]) for k in range(start, end - 1))


# A seconded official's post is marked in brackets after it (副市长（挂职）).
SECONDED = lazy_pattern.compile(r"[（(]挂职[）)]")


# A date's unit after its digits ends a title's walk left, whatever word the segmenter made of it.
DATE_UNITS = frozenset("年月日号")
PARTS_OF_DAY = frozenset("晚早午夜晨")


# An ordinal's 第 before its number (连续第|36年): no name ends in it.
_ORDINAL_END = lazy_pattern.compile(r"第[\d一二三四五六七八九十百]")
RANKED_POSTS = tuple(_WORDS["ranked-post"])
OFFICE_HEADS = tuple(_WORDS["office-head"])
# Posts that name their organ (党委书记, 人大常委会主任): a division's short name right before one is its organ's.
_ORGAN_POSTS = ("党委", "党工委", "人大", "政府", "政协")


def _regnal_length(text: str, end: int) -> int:
    """The length of the regnal number (二世) that ends a name at ``end``, or 0."""
    m = REGNAL.search(text, max(0, end - 4), end)
    return end - m.start() if m is not None and m.end() == end else 0


def _inside_place_word(an: Analysis, x: int) -> bool:
    """Whether ``x`` falls inside a word jieba reads as a place (波哥|大同: the form 大同 starts inside 波哥大, the
    city where someone is, before 同 'with')."""
    tok = an.token_at(x)
    return tok is not None and tok.start < x and tok.pos == "ns"


def _walk_start(text: str, an: Analysis, s: int) -> int:
    """Where the walk left from the post at ``s`` starts: before 代 of an acting post (jieba knows 代市长 but not 代区长,
    代县长, 代镇长), or at the division its own head's post follows."""
    if s >= 1 and text[s - 1] == "代" and text[max(0, s - 2) : s] not in ACTING_NOT:
        return s - 1
    return _own_division_start(text, an, s, s)


def _own_division_start(text: str, an: Analysis, x: int, s: int) -> int:
    """里什坦区|区长, 卡拉什市|市长: a division the NER reads right before its own head's post (the post opens with the
    division's character) is that post's organ, however jieba cut its name (里|什坦区); else ``x``."""
    if x != s or text[s - 1 : s] not in "区州省市县郡" or text[s : s + 1] != text[s - 1]:
        return x
    span = next((e for e in an.ner if e.end == s and e.label == "LOC" and e.end - e.start >= 3), None)
    return span.start if span is not None and han_only(text[span.start : s]) else x


def _segment_start(text: str, an: Analysis, s: int) -> int:
    """Where the title whose post starts at ``s`` begins: walk left over organ and place words."""
    x = _walk_start(text, an, s)
    forms = _organ_forms()
    lengths = _organ_form_lengths()
    while x > 0 and s - x < MAX_TITLE:
        if x < s and text.endswith(LIST_STANDING, 0, x):
            break  # 上海合作组织成员国|白俄罗斯总统: the guest's standing, then the title
        # A known organ or place wins over the segmenter (发展改革委 is cut 发展/改革/委).
        k = next((k for k in lengths.get(text[x - 1], ()) if k <= x and text[x - k : x] in forms
                  and not _inside_place_word(an, x - k)), 0)
        if k and not text[x - k - 2 : x - k].endswith(DROPPED):
            x -= k
            continue
        if text[x - 1] in DIVISION_LAST_CHARS and (d := _division_ending_at(text, x) or _one_character_county(text, an, x)):
            x -= d  # 嘎|措乡|党委书记, 托格|日尕孜乡|党委书记: a known township or county, however jieba cut it
            continue
        if (x < s or text.startswith(_ORGAN_POSTS, s)) and (k := _division_short_ending_at(text, an, x)):
            x -= k  # 阿克|塞|县委书记: a county's short name, however jieba cut it, opens its organ's title
            continue
        tok = an.token_at(x - 1)
        if tok is None:
            break
        piece = text[tok.start : x]
        if _after_date(text, tok.start):
            break
        if x < s and _joins_one_organ(text, an, tok, piece, x, s):
            x = _field_verb_start(an, tok.start)  # 文化和旅游局, 布基纳法索工业|、|商业和手工业部长: one organ's name
            continue
        if _verb_inside_organ(text, an, tok, piece, x, s):
            x = tok.start  # 城市更新|推进|办主任, 防汛|指挥|部: a verb names what the office does, inside its name
            continue
        if len(piece) <= 4 and not tok.pos.startswith(("v", "p", "c", "d", "r")) and (
                (x == s and piece.endswith("办") and text.startswith(OFFICE_HEADS, s))
                or (text.startswith("办", x) and text.startswith(OFFICE_HEADS, x + 1))):
            # 扶贫办|主任, 口岸|办主任: an office's short name (X办 = X办公室), whatever jieba tags its word
            x = tok.start
            continue
        if ORDINAL.fullmatch(piece) and text[x : x + 6].startswith(("组", "督导组", "巡视组", "巡察组", "工作组", "指导组", "督导检查组", "检查组", "督查组", "调研组")):
            x = tok.start  # 省委|第三|督导组组长
            continue
        if x < s and (nth := _NTH_EDITION.search(text, max(0, x - 6), x)) is not None:
            x = nth.start()  # 、|第24届|冬奥会工作领导小组组长: the edition of the games or congress its body serves
            continue
        if _NTH_TIME.fullmatch(piece) and text.startswith(("全国", "中国"), x):
            x = tok.start  # 国务院副总理、|第五次|全国经济普查领导小组组长: the census's round is its body's name
            continue
        if x == s and (before := _post_prefix_start(text, tok, piece, s)) is not None:
            x = before
            continue
        if _glued_function(piece, tok.pos) and x == tok.end:
            x = _after_glued_function(piece, tok.start, x)
            break
        if tok.pos == "l" and x == s and len(piece) >= 4 and text.startswith(("部长", "大臣", "总督察", "副总督察", "总监", "副总监"), s):
            x = tok.start  # 对外贸易|部长, 国家|自然资源|副总督察, 食品安全|总监: a field jieba keeps as a set phrase
            continue
        if _STANDING_BODY.fullmatch(piece):
            x = tok.start  # 参谋长|联席会议|主席: a standing body jieba tags a set phrase, inside the organ's name
            continue
        if _armed_forces(text, tok, piece, x) or _state_part(text, an, tok, piece, x):
            x = tok.start  # 乌军|总司令, 以军|发言人, 东部|战区司令员, 奥地利|下|奥地利州: a name, a verb, a direction to jieba
            continue
        if piece.endswith(DROPPED) or piece in TITLE_STOP or not _title_piece(piece, tok.pos) or (
                tok.pos == "l" and not _set_phrase_inside(an, tok)):
            break
        # A name that a post introduces (书记尹力|会见…) is a person, not part of the next title.
        if tok.pos.startswith(("nr", "un")) and piece not in orgs() and _post_ends_at(text, tok.start):
            break
        # A person's name right before the post is another person (习近平主席和…), not an organ.
        if (
            x == s
            and tok.pos.startswith(("nr", "un"))
            and piece not in orgs()
            and piece not in place_forms()
            and not piece.endswith(ORGAN_END + UNIT_END)
        ):
            break
        x = tok.start
    return _settle_start(text, an, x, s)


# The edition of the games or congress a body serves (第24届, 第十二届), read at a title's walk (ending where it stands)
# and at its start (`without_edition`).
_EDITION_RE = r"第[\d一二三四五六七八九十]{1,3}届"
_NTH_EDITION = lazy_pattern.compile(_EDITION_RE + "$")
_NTH_EDITION_OPEN = lazy_pattern.compile(_EDITION_RE)


def _without_edition(text: str) -> str:
    """第76届|联合国大会: the organ without the edition that opens it, the same every edition."""
    nth = _NTH_EDITION_OPEN.match(text)
    return text[nth.end() :] if nth is not None and nth.end() < len(text) else text


# The duty a deputy carries, written between the organ and the post (分管日常工作的副主任).
_DUTY_BEFORE_POST = lazy_pattern.compile(r"(?:分管|主持)(?:日常)?工作的$")


def _post_prefix_start(text: str, tok: Token, piece: str, s: int) -> int | None:
    """Where what is written right before the post and belongs to it starts, if anything does."""
    if piece in ("第一", "第二") and text.startswith(RANKED_POSTS, s):
        return tok.start  # 伊朗|第一|副总统, 古共中央|第一|书记: the rank is the post's, and the walk goes on to its state
    if (duty := _DUTY_BEFORE_POST.search(text, max(0, s - 8), s)) is not None:
        return duty.start()  # 中央改革办|分管日常工作的|副主任: the duty a deputy carries, between the organ and the post
    if piece in ("前", "原", "挂职", "候任"):
        return tok.start  # 美国前总统, 原省长: a former post, kept with its 前/原 (时任 is dropped instead); 挂职副县长 and 候任总统 too
    return None


# The round of a national undertaking a leading group is named by (第五次全国经济普查, 第七次全国人口普查).
_NTH_TIME = lazy_pattern.compile(r"第[一二三四五六七八九十\d]{1,3}次")


def _set_phrase_inside(an: Analysis, tok: Token) -> bool:
    """A set phrase (jieba's l) names an organ's field (水利部|水旱灾害|防御司, 统一战线|部部长, 自然资源和|生态环境|处),
    except after a verb, adverb or preposition, where it goes on the clause's verb (直到|全面完成|俄总统…)."""
    prev = an.token_at(tok.start - 1) if tok.start else None
    return prev is None or prev.end != tok.start or prev.pos[:1] not in "vdp" or prev.pos == "vn"


def _word_end(an: Analysis, at: int) -> int:
    """The end of the segmenter's word that starts at ``at`` (``at`` where none starts there)."""
    tok = an.token_at(at)
    return tok.end if tok is not None and tok.start == at else at


_THEATRE_COMPASS = frozenset(("东部", "南部", "西部", "北部", "中部", "北方", "南方", "东方", "西方"))


def _state_part(text: str, an: Analysis, tok: Token, piece: str, x: int) -> bool:
    """奥地利|下|奥地利州|副州长: 上 or 下 opening a foreign state's province named after the state (Lower Austria), a
    direction word to the segmenter, after the state's own name."""
    if piece not in ("上", "下") or tok.end != x:
        return False
    before = an.token_at(tok.start - 1) if tok.start else None
    return before is not None and before.end == tok.start and before.text in countries() and text.startswith(before.text, x)


def _armed_forces(text: str, tok: Token, piece: str, x: int) -> bool:
    """A state's armed forces by its one-character form (俄军, 美军), or the direction before a theatre command or a
    fleet (东部|战区, 北方|舰队): organ words the segmenter tags as something else."""
    if len(piece) == 2 and piece[1] == "军" and tok.end == x:
        return piece[0] in countries()
    return piece in _THEATRE_COMPASS and text.startswith(("战区", "舰队"), x)


def _settle_start(text: str, an: Analysis, x: int, s: int) -> int:
    """The start of a title the walk left reached ``x`` for, moved over what the walk's words cannot see:
    a foreign body, a state's letter, a township jieba cut across, a foreign locality, a village, 驻."""
    if 0 < x < s and HAN.match(text[x - 1]):
        body = _foreign_body_start(text, an, x)
        x = x if body is None else body
    elif x == s and _state_letter_before(text, x):
        x -= 1  # 俄方称，乌|总统泽连斯基: a state's one-character form (jieba tags 乌 a name, so the walk stops)
    # 西|集镇党委书记: the segmenter read a township's name across its first characters.
    first = an.token_at(x)
    if x < s and first is not None and first.start == x:
        # (浉|河|区委副书记: the division's last character went into the organ's word after it)
        ends = (first.end, first.end + 1) if text[first.end : first.end + 1] in DIVISION_LAST_CHARS else (first.end,)
        for k in (1, 2):
            if x - k >= 0 and HAN.match(text[x - k]) and any(_is_division(text[x - k : e]) for e in ends):
                x -= k
                break
    if x >= 3 and text[x : x + 1] in ("省", "州") and text[x - 1] == "里" and (place := an.token_at(x - 2)) is not None \
            and place.end == x - 1 and place.pos.startswith("ns") and place.end - place.start >= 2:
        x = place.start  # 丰沙|里|省工业和贸易厅厅长: a province's last syllable the segmenter read as "in"
    x = _foreign_locality_start(text, an, x, s)
    x = _village_start(text, an, x, s)
    x = _lone_char_opening_village(text, an, x, s)
    if x + 1 < s and text[x] in "同与跟" and any(text.startswith(w, x + 1) for w in SCOPE_WORDS):
        x += 1  # ，同|村党支部书记X: with the village's secretary (jieba reads 同村, "of the same village")
    # 中国|驻|法国大使: the title runs on over 驻 to the sending state.
    if x > 0 and text[x - 1] == "驻" and x < s and is_foreign_org(text[x:s]):
        return _segment_start(text, an, x - 1)
    # 据|市生态环境局副局长: a preposition the segmenter glued to the organ after it.
    while x < s - 1 and text[x] in LEADING_FUNC and (text[x + 1] in SCOPE_START or _country_form_at(text, x + 1)):
        x += 1  # (从|亚奥理事会主席: jieba's 从亚奥)
    # 临县碛口镇|李家山村党支部书记, 双湖县|嘎措乡党委书记: a township's or a village's post is titled from its own
    # unit, the divisions above it only say where it lies (a county's post keeps its city: 重庆市渝北区委书记)
    inner = _INNERMOST_UNIT.match(text, x, s)
    return x + inner.start("inner") - inner.start() if inner else x


_INNERMOST_UNIT = lazy_pattern.compile(
    r".*[县区市旗州盟镇乡](?P<inner>[^县区市旗州盟镇乡村]{2,8}(?:镇|乡|街道|苏木|村|嘎查|社区)"
    r"(?:党委|党支部|党总支|村委会|居委会|党工委|驻村)?)$"
)


# A village's post (乌兰敖都|嘎查党支部书记, 新立村|驻村第一书记): the village's name, back to where the clause
# opens, belongs to the title although the segmenter cuts it into pieces the walk does not take. So does the name of
# a people's township (四排|赫哲族乡党委书记), which no table spells with its peoples.
_VILLAGE_TITLE = lazy_pattern.compile(
    r"(?:会上|据|在|由|经)?((?:\p{Han}{2,6}?(?:村|嘎查|社区)|\p{Han}{2,4}?(?:\p{Han}{1,4}?族){1,3}乡)"
    r"(?:党支部|党总支|党委|村委会|居委会|驻村|人民政府|政府)?)")
_CLAUSE_OPEN = lazy_pattern.compile(r"[。，,；;：:、\n\s（(]")


_VILLAGE_ORGAN = lazy_pattern.compile(r"\p{Han}{1,4}?村(?:党支部|党总支|党委|村委会|委会)?")


def _lone_char_opening_village(text: str, an: Analysis, x: int, s: int) -> int:
    """濮阳|西|辛庄村党支部书记, 黑山科乡|小|台子村…: a character jieba left alone right after a place opens the village's
    name the title is built from."""
    if not (x < s and _VILLAGE_ORGAN.fullmatch(text, x, s)):
        return x
    lone, prev = an.token_at(x - 1), an.token_at(x - 2)
    if lone is not None and (lone.start, lone.end) == (x - 1, x) and prev is not None and prev.end == x - 1 \
            and (prev.pos.startswith("ns") or text[x - 2] in "乡镇区县市") and HAN.match(text[x - 1]):
        return x - 1
    return x


def _village_start(text: str, an: Analysis, x: int, s: int) -> int:
    lo = max(0, s - 16)
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(text, lo, s)]
    lo = opens[-1] if opens else (0 if s <= 16 else -1)
    if lo < 0 or lo >= x:
        return x
    m = _VILLAGE_TITLE.fullmatch(text, lo, s)
    if m is None or any(c in "各全每该本" for c in m.group(1)[:3]) or any(c in "与和及同跟向对" for c in m.group(1)):
        return x
    # 听取|村党支部书记, 走访|村委会主任: a verb opening the clause is what the speaker does, no village's name.
    first = an.token_at(m.start(1))
    if first is not None and first.start == m.start(1) and first.end - first.start >= 2 and first.pos[:1] in "vpdc":
        return x
    return m.start(1)


# What stands between a foreign country and a post when the post is a city's or a mission's: 德国|奥芬巴赫市|市长,
# 德国|驻上海总领事馆|副总领事.
# (a region's name may hold a hyphen and end in 大区: 意大利|艾米利亚-罗马涅大区|主席)
# (and a district or county inside the province: 南非|林波波省|莫帕尼区|市长)
_FOREIGN_LOCALITY = lazy_pattern.compile(
    r"(?:驻(?:\p{Han}{2,4}?)?)?(?:\p{Han}[\p{Han}\-‐]{0,11}?(?:市|州|省|郡|府|大区)(?:\p{Han}{2,6}?[区县])?)?"
    r"(?:总领事馆|领事馆|大使馆)?")


@cache
def _country_form_lengths() -> tuple[int, ...]:
    """The lengths of the country forms of two characters or more, longest first: a form at a place is looked up
    by them, not by trying every form."""
    return tuple(sorted({len(f) for f in countries() if len(f) > 1}, reverse=True))


def _country_form_ending_at(text: str, end: int) -> str | None:
    """The longest country form of two characters or more that ends at ``end``, or None."""
    table = countries()
    return next((text[end - n : end] for n in _country_form_lengths() if n <= end and text[end - n : end] in table), None)


def _country_form_at(text: str, start: int) -> str | None:
    """The longest country form of two characters or more that starts at ``start``, or None."""
    table = countries()
    return next((text[start : start + n] for n in _country_form_lengths() if start + n <= len(text)
                 and text[start : start + n] in table), None)


# Which characters a walk over a foreign name's syllables takes, by their transliteration odds: a typical one
# (odds ≥ 0), or, for a short name before a post, any not clearly a word's (odds > −0.5: 马克|龙 has 龙 at −0.04).
_SYLLABLE = (0.0).__le__
_NOT_A_WORD_CHAR = (-0.5).__lt__


def _syllables_before(
    text: str, end: int, stop_at_country: bool = False, longest: int = 8, keep: Callable[[float], bool] = _SYLLABLE
) -> tuple[int, str | None]:
    """Where the run of transliteration characters (at most ``longest``, each one ``keep`` takes by its odds)
    ending at ``end`` starts, and, with ``stop_at_country``, the country form it stops at (意大利|艾米利亚: the
    country ends where the name begins)."""
    table = translit()
    j = end
    while j > max(end - longest, 0) and keep(table.get(text[j - 1], -99.0)):
        if stop_at_country and (form := _country_form_ending_at(text, j)):
            return j, form
        j -= 1
    return j, None


def _country_opening_locality(text: str, an: Analysis, x: int) -> int | None:
    """Where a country form opens a foreign city's, province's or mission's name that ends at ``x`` (德国|奥芬巴赫市), or
    None."""
    for p in range(x - 1, max(x - 16, 0) - 1, -1):
        # (the country form opening the title: what `country_of` would read there, found once)
        form = _country_form_at(text, p)
        if form is None or (p > 0 and HAN.match(text[p - 1]) and (an.token_at(p) is None or an.token_at(p).start != p)):
            continue
        m = _FOREIGN_LOCALITY.fullmatch(text, p + len(form), x)
        if m is not None and m.end() > m.start() and not _clause_words_in(an, m.start(), m.end()):
            return p
    return None


def _clause_words_in(an: Analysis, start: int, end: int) -> bool:
    """Whether a verb, a preposition, a time word or a count stands between ``start`` and ``end`` (密歇根州|一名记者近日对|
    该州州长: a clause, no locality's name)."""
    # (a transliteration's syllables may be one-character verbs or prepositions to jieba: 芬兰于|韦斯屈莱市, 卡罗维|发利州)
    return any(t.pos[:1] in "vptmqdc" and t.end <= end and len(t.text) >= 2 and t.text != "驻" for t in an.tokens_in(start, end))


def _province_named_after_state(text: str, s: int) -> int | None:
    """Where the province or state whose 省 or 州 ends at ``s`` starts, where the text writes the same name right after
    a foreign country elsewhere (柬埔寨|磅同省 … 磅同省|副省长), or None."""
    for k in range(2, min(6, s + 1)):
        name = text[s - k : s]
        if not HAN.match(name[0]):
            return None
        if any(_states_written_before(text, name, skip=s - k)):
            return s - k
    return None


def _states_written_before(text: str, name: str, skip: int | None = None) -> Iterator[str]:
    """The states whose country forms the text writes right before ``name`` (柬埔寨|磅同省), one per such mention
    (not the one at ``skip``)."""
    for i in occurrences(text, name):
        if i != skip and (form := _country_form_ending_at(text, i)) is not None:
            yield countries()[form]


def _foreign_locality_start(text: str, an: Analysis, x: int, s: int) -> int:
    """Where a title starts when a foreign city or mission the walk could not read stands before it: back to
    the country opening it (德国奥芬巴赫市市长, 德国驻上海总领事馆副总领事), or over a transliterated city's
    name alone (奥芬巴赫市副市长). ``x`` otherwise."""
    # 艾米利亚-|罗马涅大区主席: the walk stopped at a hyphen inside a foreign region's name; read on over the
    # transliterated part before it, and over the country before that (意大利|艾米利亚-罗马涅大区主席)
    if x >= 3 and x < s and HAN.match(text[x - 1]) and (form := _country_form_ending_at(text, x - 1)) is not None \
            and _lone_first_syllable(an, x - 1):
        return x - 1 - len(form)  # 拉脱维亚|道|加瓦皮尔斯市议会主席: jieba read the city's first syllable as a measure word
    moved = False
    while x >= 3 and text[x - 1] in "-‐" and HAN.match(text[x - 2]):  # (奥弗涅-罗讷-阿尔卑斯大区: each part)
        j, form = _syllables_before(text, x - 1, stop_at_country=True)
        if x - 1 - j < 2 or name_runs.translit_odds(text[j : x - 1]) < name_runs.TYPICAL_TRANSLIT:
            # (a country right before the part vouches for it however rare its syllables: 罗马尼亚|克卢日-纳波卡市市长)
            vouched = next(((k, form) for k in range(x - 3, max(x - 8, 0), -1)
                            if (form := _country_form_ending_at(text, k)) and all(HAN.match(c) for c in text[k : x - 1])),
                           None)
            if vouched is None:
                break
            return vouched[0] - len(vouched[1])
        x, moved = j, True
        if form:
            return j - len(form)
    if moved:
        form = _country_form_ending_at(text, x)  # (法国|雷恩-布列塔尼市市长: the country the run stopped short of)
        return x - len(form) if form else x
    # Only a city's, a province's or a mission's name can stand there (市, 州, 省, 郡, 馆 or 驻 before the title; 府, a
    # Thai province: 泰国尖竹汶府|府尹).
    if x < s and text[s - 1] in "省州郡" and (p := _country_opening_locality(text, an, s)) is not None and p < x:
        return p  # 柬埔寨磅|同省|省长, 肯尼亚基安布|郡|郡长: the walk took the province's own 省 for the organ's
    if x < s and text[s - 1] in "省州" and (p := _province_named_after_state(text, s)) is not None and p < x:
        return p  # …柬埔寨磅同省… 磅|同省|副省长: the province written alone, as the text names it after its state
    if x < 1 or (text[x - 1] not in "市州省郡府馆驻区县" and not text.endswith("大区", 0, x)
                 and "驻" not in text[max(x - 7, 0) : x]):
        return x
    if (p := _country_opening_locality(text, an, x)) is not None:
        return p
    if x == s and x >= 3 and text[x - 1] in "市州省郡":
        # 与|奥芬巴赫市|副市长: a run of transliteration characters before 市 names a foreign city (伊富高省|副省长: 省
        # a foreign province)
        j, _ = _syllables_before(text, x - 1)
        stem = text[j : x - 1]
        typical = name_runs.translit_odds(stem) >= name_runs.TYPICAL_TRANSLIT  # (法恩扎: no listed syllables, typical ones)
        if len(stem) >= 2 and (looks_transliterated(stem) or typical) and stem not in place_forms():
            return j
    if x == s and text[x - 1 : x] == "省" and (j := _unknown_run_start(text, an, x)) is not None:
        return j  # 会谈后，|伊富|高省|省长: words no dictionary holds, from the clause's start to 省, name a foreign province
    return x


def _lone_first_syllable(an: Analysis, at: int) -> bool:
    """Whether the character at ``at`` is a word alone of a kind no clause's joint is (a measure word, a noun: 道, not
    和, 与, 对, 在), which may be a foreign name's first syllable."""
    tok = an.token_at(at)
    return tok is not None and tok.start == at and tok.end == at + 1 and tok.pos[:1] in ("q", "n", "m") \
        and tok.text not in _NOT_IN_LISTED_NAME


def _unknown_run_start(text: str, an: Analysis, x: int) -> int | None:
    """Where a run of two to six characters of words the segmenter does not know (un) ends at ``x`` right after a
    clause's start (every province of China is a word it knows), or None."""
    j = x
    while (tok := an.token_at(j - 1)) is not None and tok.end == j and tok.pos == "un" and x - tok.start <= 6:
        j = tok.start
    return j if 2 <= x - j - 1 and (j == 0 or text[j - 1] in "，,。；;：:、\n") else None


def _title_start(text: str, an: Analysis, seg: dict[int, int], m: LiteralMatch) -> int:
    """Where the title whose post is ``m`` starts: as ``seg`` knows it, else read from the text."""
    return seg[m.start()] if m.start() in seg else _segment_start(text, an, m.start())


def _title_chain(
    text: str, an: Analysis, m: LiteralMatch, by_end: dict[int, LiteralMatch], seg: dict[int, int] | None = None
) -> list[str]:
    """Title texts ending at ``m``: 市委副书记、市长 → [市委副书记, 市长]. ``seg``: title starts known already."""
    seg = seg or {}
    a = _title_start(text, an, seg, m)
    a = _sender_start(text, an, m, a, by_end, seg)
    a = _joined_ministry_start(text, m, a)
    a = _division_office_start(text, m, a)
    chain = [text[a : m.end()]]
    # 俄罗斯代表团团长|俄罗斯总统助理: a post, then a state opening a second title, with no 、 between
    joint = next((e for e in sorted((e for e in by_end if a < e < m.start()), reverse=True) if _opens_title(text, e)
                  and _post_ends_cleanly(an, e) and by_end[e].start() >= a), None)
    if joint is not None and m.group() not in ENVOY_POSTS:  # (俄罗斯总统|叙利亚问题特使: one envoy's title)
        chain = [text[a:joint], text[joint : m.end()]]
    while True:
        sep = None
        for k in (3, 2, 1):
            if a - k >= 0 and TITLE_SEP.fullmatch(text, a - k, a):
                sep = a - k
                break
        prev = by_end.get(sep) if sep is not None else None
        if prev is None or not _post_ends_cleanly(an, prev.end()):
            break
        prev_start = _title_start(text, an, seg, prev)
        prev_start = _sender_start(text, an, prev, prev_start, by_end, seg)
        if prev.group() in STATE_POSTS and country_of(text[prev_start : prev.start()]) is None:
            break  # 叶尔兰·别克|苏丹，地委常委: a state's post without its state ends a name, not a title
        a = prev_start
        chain.insert(0, text[a : prev.end()])
    return chain


# What joins the fields of a foreign ministry's name (农业、食品与海洋事务|部长, 贸易与出口增长|部长; the minister's posts
# are `_MINISTER_POSTS`).
_FIELD_SEP = lazy_pattern.compile(r"[、与和及]")
# The characters of posts (部长, 委员, 书记, 总理, 主席, 首相, 长官, 特使, 代表, 国务卿): a field holding one is a title of
# its own in a list of titles, or a name after it, no field of a ministry.
_POST_CHARS = frozenset("长员记理统席相官任使表卿臣")


def _joined_ministry_start(text: str, m: LiteralMatch, a: int) -> int:
    """Where a foreign minister's title starts whose ministry joins several fields (爱尔兰|农业、食品与海洋事务部长, 吉布提|
    经济、财政与工业部长: the title read from the state, not from the last field): the nearest foreign state within 24
    characters, the run after it fields of one to six characters joined by 、, 与, 和 or 及, one at least a conjunction,
    none a post's (越共中央政治局委员、中央组织部部长 stays two titles); ``a`` otherwise."""
    if m.group() not in _MINISTER_POSTS or _country_form_at(text, a) is not None:
        return a
    for k in range(a - 1, max(0, a - 24) - 1, -1):
        if not HAN.match(text[k]) and text[k] not in "、":
            return a
        form = _country_form_at(text, k)
        if form is None or country_of(form) in (None, "中国"):
            continue
        run = text[k + len(form) : m.start()]
        fields = _FIELD_SEP.split(run)
        if not any(c in run for c in "与和及") or not all(1 <= len(f) <= 6 for f in fields[:-1]) or len(fields[-1]) > 6 \
                or any(c in _POST_CHARS for f in fields[:-1] for c in f):
            return a
        return k
    return a


# A foreign division's office opening its clause before its head's post (，索莫吉州|农业发展处|处长, ，都东区|农业发展处|处长).
_DIVISION_OFFICE = lazy_pattern.compile(r"(?<=^|[，,。；;：:、])(\p{Han}{2,6}[州区省县郡])\p{Han}{2,8}[处局科]$")


def _division_office_start(text: str, m: LiteralMatch, a: int) -> int:
    """Where the title starts whose post (处长, 局长, 科长) follows an office of a division no table of China's holds,
    the division opening the clause (，索莫吉州农业发展处处长: not 处长 alone); ``a`` otherwise."""
    if a != m.start() or m.group().lstrip("副") not in ("处长", "局长", "科长"):
        return a
    office = _DIVISION_OFFICE.search(text, max(0, a - 16), a)
    if office is None or office.group(1) in place_forms() or office.group(1)[:-1] in place_forms() \
            or gazetteer.load().lookup(office.group(1)):
        return a
    return office.start()


def _opens_title(text: str, at: int) -> bool:
    """A state's name or a known organ's starts at ``at`` (…团长|俄罗斯总统助理, …特别代表|北京冬奥组委副主席)."""
    forms = _organ_forms()
    return _country_form_at(text, at) is not None or any(text[at : at + n] in forms for n in range(4, 9))


# An envoy's title names whose envoy he is: 国家主席习近平特使, 泰国总理特使.
ENVOY_POSTS = frozenset(("特使", "特别代表"))


def _sender_start(text: str, an: Analysis, m: LiteralMatch, a: int, by_end: dict[int, LiteralMatch],
                  seg: dict[int, int]) -> int:
    """Where an envoy's title starts when the sender is named with his post right before it (国家主席习近平|特使: the
    title is the whole, not 特使); ``a`` otherwise."""
    if m.group() not in ENVOY_POSTS or a != m.start():
        return a
    for k in range(a - 2, max(0, a - 5) - 1, -1):
        prev = by_end.get(k)
        if prev is None:
            continue
        g = name_at(text, k, an, after_post=True)
        if g is not None and g.start == k and g.end == a:
            return _title_start(text, an, seg, prev)
    return a


# ---------------------------------------------------------------------------------------------
# jurisdiction and normalisation


def home_jurisdiction(ctx: Context) -> tuple[str | None, str | None]:
    """(province, city) the document is written from: its publisher first, then the places it names most."""
    forms = place_forms()
    pat = place_pattern()
    for src in (ctx.doc.source or "",):
        m = pat.search(src)
        if m:
            level, canon = forms[m.group()]
            if level == "province":
                return canon, canon if canon in MUNICIPALITIES else None
            return None, canon
    # Officials run before places, so the document's places are not known yet: count the place names
    # written in the title and text. (An earlier branch counted ctx.doc.places, which was always empty.)
    prov: Counter[str] = Counter()
    city: Counter[str] = Counter()
    for m in pat.finditer((ctx.doc.title or "") + "\n" + ctx.text):
        level, canon = forms[m.group()]
        (prov if level == "province" else city)[canon] += 1
    p = prov.most_common(1)[0][0] if prov else None
    c = city.most_common(1)[0][0] if city else None
    if p in MUNICIPALITIES and (c is None or city[c] < prov[p]):
        c = p
    return p, c


def _short(place: str) -> str:
    return place[:-1] if place.endswith(("省", "市")) and len(place) > 2 else place


def normalise_title(text: str, home: tuple[str | None, str | None] = (None, None)) -> Title:
    """Split a surface title into organ and post, naming the organ's place where the paper implies it."""
    province, city = home
    kind = posts().get(text)
    if kind == "group":
        scope = {"市": city, "省": province, "自治区": province}.get(
            text[: text.index("领导")] if "领导" in text else ""
        )
        return Title(text=text, org=scope, post=None)
    post = _base_post_ending(text)
    org = text[: len(text) - len(post)] if post else text
    org = _without_edition(org)  # (the edition is the title's)
    # 代区长, 北京市代市长: an acting post keeps 代 on the post, and the organ is the post's own.
    if post and org.endswith("代") and org[-2:] not in ACTING_NOT:
        t = normalise_title(org[:-1] + post, home)
        return Title(text=text, org=t.org, post="代" + (t.post or post))
    if not org and post in IMPLIED_ORG:
        org = IMPLIED_ORG[post]
    elif (
        org
        and IMPLIED_ORG.get(post, "").endswith("政府")
        and org.endswith(IMPLIED_ORG[post][0])
        and org in place_forms()
    ):
        org += "政府"  # 北京市副市长 serves 北京市政府
    if post == "部长" and org and not org.endswith("部") and org + "部" in orgs():
        org += "部"  # 外交部长 is the minister of 外交部
    if org.startswith("市") and not org.startswith("市场") and city:
        org = _short(city) + org
    elif org.startswith("省") and province:
        org = _short(province) + org
    return Title(text=text, org=org or None, post=post)


# ---------------------------------------------------------------------------------------------
# the extractor


_PARTYLESS_LEADER = frozenset(("领袖", "党领袖"))


class _Found:
    def __init__(self) -> None:
        self.titles: dict[str, list[str]] = {}
        self.first: dict[str, int] = {}
        # (name, title) → the title before it in its chain: 北京市国资委党委书记、主任 → 主任 of 北京市国资委
        self.prev: dict[tuple[str, str], str] = {}
        # full name → the short forms the article also uses for the person (夏巴兹·谢里夫 → 夏巴兹)
        self.aliases: dict[str, list[str]] = {}
        # names read from the guest's side of a paired formula (习近平主席和|通伦|总书记的) or as a transliteration before a
        # foreign head's post (梅洛尼|总理): a foreign head
        self.paired: set[str] = set()

    def rename(self, name: str, to: str) -> None:
        """Read ``name`` as ``to`` (a name read too long or too short): its titles and first mention go with it."""
        first = self.first.pop(name)
        self.add(to, first, self.titles.pop(name))
        self.first[to] = min(self.first[to], first)

    def add(self, name: str, pos: int, titles: list[str]) -> None:
        self.first.setdefault(name, pos)
        have = self.titles.setdefault(name, [])
        prev = ""
        for t in titles:
            t = t.removeprefix("时任")
            if t in _PARTYLESS_LEADER:
                continue  # 潘古党|领袖: a leader is a post only with the party's name, which the walk lost here
            if t and t not in have:
                have.append(t)
                if prev:
                    self.prev.setdefault((name, t), prev)
            prev = t


def _segment_starts(text: str, an: Analysis, matches: list[LiteralMatch]) -> dict[int, int]:
    """Post start → where its title starts, once per post: find_titled and the foreign check both need it."""
    return {m.start(): _segment_start(text, an, m.start()) for m in matches}


def _post_matches(ctx: Context) -> list[LiteralMatch]:
    """Every post of posts.tsv in the text, scanned once per document (find_titled and _stated_titles)."""
    hit = ctx.memo.get("officials.posts")
    if hit is None:
        hit = ctx.memo["officials.posts"] = post_pattern().finditer(ctx.text)
    return hit


def _clean_posts(ctx: Context) -> list[LiteralMatch]:
    """The posts that end where a word ends (or a name follows); where a post does not, a later post that
    overlaps it may (外交|部长|官: 部长 runs into 官, 长官 ends cleanly)."""
    hit = ctx.memo.get("officials.clean_posts")
    if hit is not None:
        return hit
    text, an = ctx.text, ctx.analysis
    out = ctx.memo["officials.clean_posts"] = []
    for m in _post_matches(ctx):
        if text.startswith("领袖", m.start()) and not text.endswith(_PARTY_ENDS, 0, m.start()):
            continue  # 工党领袖, 联合民主同盟领袖 are a party's leaders; 人民领袖, 伟大领袖 are epithets, no post
        if _STANDING_BODY.fullmatch(text, m.end(), _word_end(an, m.end())):
            continue  # 参谋长|联席会议主席: the post names a standing body, no person follows it
        if m.group() in STATE_POSTS and len(_country_form_ending_at(text, m.end()) or "") > len(m.group()):
            continue  # 联合国|南苏丹|特派团: the monarch's 苏丹 ends a state's name
        if _post_ends_cleanly(an, m.end()) or _name_follows(text, an, m) or _foreign_name_follows(text, an, m):
            out.append(m)
            continue
        later = (post_pattern().match(text, k) for k in range(m.start() + 1, m.end()))
        alt = next((o for o in later if o is not None and o.end() > m.end() and _post_ends_cleanly(an, o.end())), None)
        if alt is not None:
            out.append(alt)
    return out


def _closed(text: str, g: NameGuess | None) -> bool:
    """伊朗总统佩泽希齐扬|致慰问电: a foreign name that a word following names closes, which the NER does not run on."""
    return g is not None and g.score >= 2.0 and FOREIGN_FOLLOWERS.match(text, g.end) is not None


def _field_verb_start(an: Analysis, x: int) -> int:
    """Where the field before a joiner at ``x`` goes on: over its verb (市场|运行|和…, 权益|保护|和…), else at ``x``."""
    verb = an.token_at(x - 1)
    return verb.start if verb is not None and verb.end == x and verb.pos == "v" else x


def _joins_one_organ(text: str, an: Analysis, tok: Token, piece: str, x: int, s: int) -> bool:
    """Whether the 和, 及, 与 or 、 at ``tok`` joins two nouns inside one organ's name: 市政务服务和数据管理局, 文化和旅游局,
    能源及水务转型部, 外交与合作大臣 (区委和区政府 are two organs: the part after 和 opens with its own level), or a ministry's fields
    listed after its state (布基纳法索工业、商业和手工业部长)."""
    if piece == "、":
        return text.startswith(_MINISTER_POSTS, s) and _foreign_ministry_list(text, an, tok)
    if piece not in ("和", "及", "与") or (text[x] in SCOPE_START and not _foreign_ministry_join(text, an, tok)):
        return False
    if piece == "和" and _country_form_at(text, x) is not None and not _foreign_ministry_join(text, an, tok):
        return False  # 巴西政府代表|和|中国驻巴西大使…: a state opens its own organ after 和
    if piece == "与" and not _minister_fields_joined(text, an, tok, s) and not _department_fields(text, an, x, s) and (
            _opens_place(an, x) or not text.startswith(_MINISTRY_FIELD_ENDS, x, x + 8)):
        return False  # (代表|与|海德堡市副市长…: 与 is "with" unless a ministry's fields follow it: 外交与合作大臣)
    before = an.token_at(tok.start - 1)
    if before is not None and before.pos == "v" and before.start:
        # (市场|运行|和消费促进司: a field named by a noun and its verb, as 市场运行 is, joins the next one)
        noun = an.token_at(before.start - 1)
        return noun is not None and noun.end == before.start and noun.pos in ("n", "vn") and noun.text not in posts()
    # (外交、欧盟|与|合作大臣: a body's abbreviation, tagged j, is a field's name too)
    # (安全|与|质量监督管理司: a noun jieba tags an adjective's, an, names a field too)
    return before is not None and before.pos in ("n", "vn", "an", "nt", "nz", "j") and before.text not in posts()


def _department_fields(text: str, an: Analysis, x: int, s: int) -> bool:
    """应急减灾|与|公共服务司|司长: 与 joins the fields of one department whose 司, 局 or 处 ends right before its head's
    post, a few nouns after it and no place."""
    if text[s - 1 : s] in ("原", "前"):
        s -= 1  # (…质量监督管理司|原|副司长: a former head's)
    return text[s - 1 : s] in ("司", "局", "处") and s - x <= 8 and not _opens_place(an, x) and all(
        HAN.match(c) for c in text[x:s])


# A minister's posts: only a ministry's name lists its fields with 、 (工业、商业和手工业部).
_MINISTRY_FIELD_ENDS = ("合作", "国际合作", "发展", "旅游", "贸易", "侨务", "移民", "非洲", "欧洲")
_MINISTER_POSTS = ("部长", "副部长", "大臣", "副大臣")


def _foreign_ministry_list(text: str, an: Analysis, tok: Token) -> bool:
    """布基纳法索|工业|、|商业和手工业部长: fields listed with 、 inside one ministry's name, where a state opens the list
    (but 市委书记、市长 and 工业、农业部门负责人: no state opens them; 蒙古国总统、…: a post before 、 ends a title)."""
    k = tok.start
    for _ in range(4):
        before = an.token_at(k - 1)
        if before is None or before.pos not in ("n", "vn", "nz") or post_pattern().search(before.text) is not None:
            return False
        if _country_form_ending_at(text, before.start) is not None:
            return True
        comma = an.token_at(before.start - 1)
        if comma is None or comma.text != "、":
            return False
        k = comma.start
    return False


def _minister_fields_joined(text: str, an: Analysis, tok: Token, s: int) -> bool:
    """西班牙|劳动|与|社会经济大臣, …副首相兼|劳动|与|社会经济大臣: a ministry's two fields joined by 与 right before the
    minister's post, where a state or 兼 (a foreign post held with it) opens the first field."""
    before = an.token_at(tok.start - 1)
    return text.startswith(_MINISTER_POSTS, s) and s - tok.end <= 8 and before is not None \
        and before.pos in ("n", "vn") and (text[before.start - 1 : before.start] == "兼"
                                            or _country_form_ending_at(text, before.start) is not None)


def _foreign_ministry_join(text: str, an: Analysis, tok: Token) -> bool:
    """洪都拉斯|外交|和|国际合作部长: 国际 after 和 opens no level of its own where a state opens the ministry's name
    (but 穆勒|和|国际电信联盟秘书长 are two people)."""
    before = an.token_at(tok.start - 1)
    return text.startswith("国际", tok.end) and before is not None and \
        _country_form_ending_at(text, before.start) is not None


def _verb_inside_organ(text: str, an: Analysis, tok: Token, piece: str, x: int, s: int) -> bool:
    """Whether the verb ``tok`` before [x, s) is inside the organ's name: a standing body's field, an office's or a
    headquarters' work (推进|办, 指挥|部), a ministry's field (保护|部长)."""
    return (x < s and (_inside_standing_body(text, an, tok, piece, x, s) or (
        tok.pos.startswith("v") and text[x : x + 1] in ORGAN_END + ("组", "部") and not _opens_place(an, x))
        or (tok.pos.startswith("v") and len(piece) >= 2 and piece not in _TAKES_UP and _unit_word_at(text, an, x, s, tok.start))
        or _sustainable(text, tok, piece, x) or _noun_verb_field(text, an, tok, piece, x, s)
        or _verb_opens_department(text, an, tok, piece, x, s)
        or (tok.pos.startswith("v") and _party_named_by_model(an, tok.start, x)))) \
        or _ministry_field_verb(text, an, tok, piece, x, s)


def _party_named_by_model(an: Analysis, start: int, x: int) -> bool:
    """联合|民主同盟|领袖: a verb that opens a party's or body's name the NER reads whole (联合民主同盟, 统一俄罗斯党) ending
    where the walk stands."""
    return any(e.label == "ORG" and e.start == start and e.end >= x and e.text.endswith(_PARTY_ENDS) for e in an.entities)


_PARTY_ENDS = ("党", "同盟", "联盟", "阵线", "大会")  # (not 运动: 工人运动领袖, 民权运动领袖 are epithets)


def _noun_verb_field(text: str, an: Analysis, tok: Token, piece: str, x: int, s: int) -> bool:
    """耕地|保护|监督司司长: a verb of two characters right after a noun, before a department's name walked already, names
    the department's field with the noun (耕地保护, 市场运行), inside the organ's name."""
    if not tok.pos.startswith("v") or len(piece) != 2 or piece in _TAKES_UP or text[s - 1 : s] not in "司局处厅室":
        return False
    noun = an.token_at(tok.start - 1)
    return noun is not None and noun.end == tok.start and noun.pos == "n" and len(noun.text) >= 2 \
        and noun.text not in posts()


def _verb_opens_department(text: str, an: Analysis, tok: Token, piece: str, x: int, s: int) -> bool:
    """飞行|标准|司|司长 opening its clause: a verb of two characters there, before a noun and a department's 司, 局 or 处,
    names the department's field with the noun (飞行标准, 适航审定); nothing before it in the clause it could govern."""
    if not tok.pos.startswith("v") or len(piece) != 2 or piece in _TAKES_UP or text[s - 1 : s] not in "司局处" \
            or not 2 <= s - x <= 3 or (tok.start > 0 and text[tok.start - 1] not in "，,。；;：:\n"):
        return False
    noun = an.token_at(x)
    return noun is not None and noun.start == x and noun.pos == "n" and noun.end == s - 1


def _sustainable(text: str, tok: Token, piece: str, x: int) -> bool:
    """经济和|可|持续|发展|部长: 可持续 (sustainable), a verb and an adverb to the segmenter, qualifies the ministry's field."""
    return (piece == "持续" and text[tok.start - 1 : tok.start] == "可" and text.startswith("发展", x)) or (
        piece == "可" and text.startswith("持续发展", x))


# Verbs of holding a post, which join two titles (副主任|兼任|国家统计局局长), never a department's work.
_TAKES_UP = frozenset(("兼任", "担任", "出任", "兼管", "分管"))


def _unit_word_at(text: str, an: Analysis, x: int, s: int, verb_start: int) -> bool:
    """火灾|防治|管理司|司长: a word ending in a ministry's department or bureau (司, 局, 处) starts at ``x``, before the
    post at ``s``: the verb before it names the department's work; so does a word jieba cut the 司 off
    (拥军|优抚|司|司长)."""
    nxt = an.token_at(x)
    if nxt is None or nxt.start != x or nxt.end > s or len(nxt.text) < 2:
        return False
    if nxt.text[-1] in "司局处":
        return True
    # (the verb right after the ministry's name, not the sentence's: 要求加强|优抚|司|司长)
    prev = an.token_at(verb_start - 1)
    return s == nxt.end + 1 and text[nxt.end] in "司局处" and prev is not None and prev.end == verb_start \
        and prev.text[-1:] in "部委局厅署"


def _ministry_field_verb(text: str, an: Analysis, tok: Token, piece: str, x: int, s: int) -> bool:
    """经济和气候|保护|部长, 环境|保护|部长: a field's verb right before a minister's post, after the noun it governs,
    names the ministry (jieba's 部长 took the ministry's 部)."""
    if x != s or not text.startswith(_MINISTER_POSTS, s) or not (tok.pos.startswith("v") and piece in FIELD_VERBS):
        return False
    before = an.token_at(tok.start - 1)
    # (国家|安全|统筹|部长: jieba tags 安全 a noun of quality, an)
    return before is not None and before.end == tok.start and before.pos.startswith(("n", "an")) and len(before.text) >= 2



def _inside_standing_body(text: str, an: Analysis, tok: Token, piece: str, x: int, s: int) -> bool:
    """中央区域|协调|发展领导小组组长, 国务院|西部|地区开发领导小组: a standing body's name says what it is set up to do and
    the part of the country it serves, after the noun or the chain's 、 that opens it (要求|推动|…: a verb before it is
    the sentence's);
    so does a legislature (萨摩亚|立法|议会议长: jieba tags 立法 an adverb there)."""
    if piece == "立法" and text.startswith(_LEGISLATURE_HEADS, x):
        return True
    if not ((tok.pos.startswith("v") and piece in FIELD_VERBS) or piece in _COMPASS_REGIONS):
        return False
    before = an.token_at(tok.start - 1)
    # (…国务院副总理、|推动黄河流域…领导小组组长: a title chain's separator opens the body's name as a noun would)
    return _STANDING_BODY.search(text, x, s) is not None and before is not None and (
        before.pos.startswith(("n", "s")) or before.text == "、")


def _foreign_name_follows(text: str, an: Analysis, m: LiteralMatch) -> bool:
    """瑙鲁|外|长安|格明: a post right after a country's name, where a transliterated name a word that follows names
    closes starts at its end, is the post, however jieba cut across it; so is any post a dotted foreign name follows."""
    if _head_of_word(an, m) or (fg := foreign_name_at(text, m.end())) is None or fg.score < 2.0 \
            or fg.end - fg.start < 2:
        return False
    # (…国际合作部|长法|图马塔·迪亚基泰: a name of parts joined by a middle dot is a foreign person's wherever the
    # post stands)
    # (not 局领导|人伊斯梅尔·哈尼亚: where the segmenter's word across the post's end is a common one, 领导人, the post
    # runs on into it; 长法 of 部|长法|图马塔 is a word it hardly knows)
    across = an.token_at(m.end())
    return _country_form_ending_at(text, m.start()) is not None or (
        "·" in text[fg.start : fg.end] and not (across is not None and across.start < m.end()
                                                and jieba_freq().get(across.text, 0) >= _COMMON_ACROSS))


# How often the segmenter's dictionary must have seen a word run across a post's end for the post to run on (领导人
# 4726; 长法 9).
_COMMON_ACROSS = 100


def _head_of_word(an: Analysis, m: LiteralMatch) -> bool:
    """英国|大使馆|武官: the segmenter's word holds the whole post and runs on past it; the post is its head."""
    tok = an.token_at(m.end() - 1)
    return tok is not None and tok.start <= m.start() and tok.end > m.end()


def _minority_name_closed(text: str, fg: NameGuess) -> bool:
    """县长|阿果木呷|陪同: a minority name may hold a common noun (果木) where it opens with a character typical of
    such names, holds no function character, verb or adverb (埃尔多安|得票率) and a word following names closes it."""
    tags = nlp.tag_table()
    return translit().get(text[fg.start], -99.0) >= STRONG_TRANSLIT and clear_follower(text, fg.end) and \
        not any(c in _NOT_IN_LISTED_NAME for c in text[fg.start : fg.end]) and \
        not any(tags.get(text[k : k + 2], "n")[:1] in "vad" for k in range(fg.start + 1, fg.end - 1))


def _body_head_japanese(text: str, at: int, g: NameGuess, country: str | None) -> NameGuess | None:
    """亚洲开发银行行长|神田|真人: after the post of an international body (no state to say how its holder's name
    is written), a two-character reading that no word closes may be the surname of a four-character Japanese
    name that punctuation or a word following names does close."""
    if country is None or country in HAN_NAME_LENGTHS or _is_state(country) or g.end - g.start != 2 \
            or clear_follower(text, g.end):
        return None  # (巴西总统|卢拉|将于: a state's holder is named the state's way)
    if nlp.tag_table().get(text[g.end : g.end + 2], "x")[:1] in "vdpc":
        return None  # 欧盟委员会主席容克|应邀: what follows the name is what its holder does
    guess = han_name_at(text, at, "日本")
    return guess if guess is not None and guess.end - guess.start == 4 else None


_LIST_HEAD = lazy_pattern.compile(r"(\p{Han}{2,4})、")


def _heads_list(text: str, an: Analysis, at: int) -> NameGuess | None:
    """The first name of a list after a post, which neither name model reads (a Jingpo or other minority name), where
    the next is a name they read and the word is no common word and holds no function character."""
    m = _LIST_HEAD.match(text, at)
    if m is None or is_common_word(m.group(1)) or any(c in _NOT_IN_LISTED_NAME or c == "有" for c in m.group(1)):
        return None  # (领导人|有崔龙海、…: a verb before the list, which no name holds)
    if any(e.label == "LOC" and e.start < m.end(1) and e.end > at for e in an.entities):
        return None  # (市委书记|到新靖镇、湖润镇…: a list of places after an unnamed post)
    nxt = name_at(text, m.end(), an, after_post=True)
    return NameGuess(at, m.end(1), 1.0) if nxt is not None and nxt.score >= 2.0 else None


# How often a name no model reads must recur, the same characters each time, to be read by its recurrence alone.
_RECURRING = 3


def _recurring_name(text: str, at: int) -> NameGuess | None:
    """A name after a post that neither name model reads (乐羊承志: a compound surname no list holds, which jieba cut
    into 乐羊承志到), where the article writes the same four or three characters again and again, each time as the
    subject of a verb: a surname opens it, no common word lies inside it."""
    for n in (4, 3):
        run = text[at : at + n]
        if len(run) < n or not all(HAN.match(c) for c in run) or not (n == 4 or surname_at(text, at)) \
                or run[0] in _NOT_IN_LISTED_NAME or _holds_common_word(text, at, at + 3 if n == 4 else at + n):
            # (吾丘|振华: four characters need no surname the list holds, their recurring as the subject is enough; a
            # compound surname's given name may be a common word, 振华)
            continue
        ats = occurrences(text, run)
        if len(ats) >= _RECURRING and _subject_each_time(text, ats, n):
            return NameGuess(at, at + n, 2.0)
    return None


def _subject_each_time(text: str, ats: list[int], n: int) -> bool:
    """Whether what stands at each of ``ats`` for ``n`` characters is followed by a word that follows names or by a
    common verb or adverb: the subject of a verb every time the article writes it."""
    return all(clear_follower(text, i + n) or adverb_or_verb(text[i + n : i + n + 2]) for i in ats)


# What follows 因 when it gives a reason, not a name's last syllable (利伯曼|因不满…, 约翰逊|因病…).
_REASON_AFTER = lazy_pattern.compile(r"不满|病|故|涉|健康|个人|丑闻|违反|违纪|未能|疫情|感染|新冠|政见|意见|拒绝")


def _without_tail(text: str, g: NameGuess) -> NameGuess:
    """利伯曼|因不满, 泽连斯基|和…, 二之汤智|等: a foreign name read on over a conjunction, 等 or a reason's 因; the name
    without it is one the foreign-name list holds, or 因 opens a reason (侯赛因, 施泰因 end in 因)."""
    name = text[g.start : g.end]
    if len(name) < 4 or name[-1] not in "因和与及等" or "·" in name[-2:]:
        return g
    if name[:-1] in known_names() or (name[-1] == "因" and _REASON_AFTER.match(text, g.end)) or (
            name[-1] == "等" and text[g.end : g.end + 1] in ("，", "、", "。", "出", "参", "陪", "一", "表")):
        return NameGuess(g.start, g.end - 1, g.score)
    return g


_DOTTED_PART = lazy_pattern.compile(r"·(\p{Han}{2,6}?)(?=[，,、。；;）)\s]|一同|一起|陪同|参加|出席|主持|等|$)")


def _minority_longer(text: str, at: int, g: NameGuess) -> NameGuess:
    """A minority name after a Chinese post that the name models read short, where no word that follows names closes
    the short reading: the dotted part after it (呼和巴特|·宝力高，), or the transliteration model's longer reading
    closed by such a word (才让桑|周一同 → 才让桑周|一同: jieba read 周一, Monday)."""
    if (dot := _DOTTED_PART.match(text, g.end)) is not None:
        return NameGuess(g.start, dot.end(), g.score)
    fg = foreign_name_at(text, at)
    if fg is not None and fg.start == g.start and fg.end > g.end and fg.score >= 2.0 and clear_follower(text, fg.end) \
            and surnames().get(text[at], 0) < _HAN_NAME_SURNAME and text[at : at + 2] not in COMPOUND_SURNAMES \
            and not any(c in _GLUED_CLAUSE_CHARS for c in text[g.end : fg.end]) \
            and not _holds_common_word(text, g.end, fg.end):
        # (王小明|周一同, 骆根土|回到, 归海明礼|以…: a Chinese name of a common or compound surname, the clause after it;
        # 贝恩德|哈利尔博士: a common word inside the run on)
        return fg
    return g


# A surname this common (per ten thousand) opens a Chinese name, whatever the transliteration model reads on
# (骆 96, 巴 18, 阿 14, 才 6).
_HAN_NAME_SURNAME = 50


_SPAN_OF_TIME = lazy_pattern.compile(r"[一二三四五六七八九十百两半多数\d]+(?:年|个月|天|周|小时)$")


def _trimmed(text: str, g: NameGuess | None, foreign: bool) -> NameGuess | None:
    """The name without what it was read on over: a foreign name's tail (`_without_tail`), and any name's conjunction
    where another office-holder's title follows it (莱希|和|已故外交部长…)."""
    if g is None or _SPAN_OF_TIME.search(text, g.start, g.end):
        return None  # 港口区长|达六年: a span of time (长达 = as long as) after what looked like a post, no name
    g = _without_tail(text, g) if foreign else g
    if g.end - g.start >= 3 and text[g.end - 1 : g.end] in ("和", "与", "及") and _TITLE_NEXT.match(text, g.end):
        return NameGuess(g.start, g.end - 1, g.score)
    return g


def _titles_no_name(chain: list[str], post: str) -> bool:
    """Whether the title read before a name is one no name follows."""
    # A bare 总书记 or 主席 before a name is not how a title is written (总书记曾来到, 主席贺信):
    # these posts stand after the name (习近平总书记) or under their organ (国家主席习近平).
    # 苏丹 is a monarch's post only under his state (文莱苏丹, 阿曼苏丹); alone it is the state (苏丹境内).
    if chain == [post] and (post in ("总书记", "主席") or post in STATE_POSTS):
        return True
    if post == "领导人" and not _one_leaders_body(chain[-1][: -len(post)]):
        return True  # 各国议会领导人|祝贺, 历代领导人|关怀, 成员国领导人|阿富汗问题…: leaders in general
    # 向习主席|敬礼: a surname before the post names its holder already (习主席, 李总理); nothing after is a name.
    # (a state's one-character short form is no surname there: 巴总理|伊姆兰·汗, 乌总理|什梅加尔)
    return len(chain) == 1 and len(chain[0]) == len(post) + 1 and post in _SURNAMED_POSTS \
        and surnames().get(chain[0][0], 0) >= RARE_SURNAME and chain[0][0] not in _ORGAN_INITIALS \
        and country_of(chain[0]) is None


# 缅甸|领导人, 哈马斯|领导人, 黎巴嫩真主党|领导人: a state's, a party's or a movement's; not leaders counted or in general
# (各国, 两国, 历代, 成员国, 40位).
_LEADERS_BODY_END = ("党", "组织", "运动", "武装", "政府", "地区", "阵线")
_LEADERS_IN_GENERAL = lazy_pattern.compile(r"^(?:各|两|三|历代|有关|多|地方|\d)|(?:成员国|成员|国家|各国|领导人|位)$")


_NAMED_AFTER_LEADERS = ("宣言", "声明", "峰会", "会议", "会晤", "愿景", "共识")


def _one_leaders_body(org: str) -> bool:
    return bool(org) and not _LEADERS_IN_GENERAL.search(org) and (
        country_of(org) is not None or org.endswith(_LEADERS_BODY_END) or org in countries())


# Posts news writes after a bare surname for the holder (习主席, 李总理): the honorific is the whole reference.
_SURNAMED_POSTS = frozenset(("主席", "总书记", "总理", "委员长"))
# Characters some surname lists hold that end an organ before these posts instead (党主席, 该国总理, 州主席).
_ORGAN_INITIALS = frozenset("党国区部省市县州会院团委")


# What opens a second office-holder's title after a conjunction: the late, the former, or the post's organ named.
_TITLE_NEXT = lazy_pattern.compile(r"已故|前任|时任|(?:\p{Han}{0,8}?)(?:外交部长|外长|总理|总统|部长|议长|主席|首相)")


def _common_pair(name: str) -> bool:
    """A dictionary noun, verb, adjective, adverb, time word (今日, 上次), pronoun (本次) or numeral (多次) of two
    characters that no list of foreign names holds."""
    tag = nlp.tag_table().get(name, "")
    return len(name) == 2 and is_common_word(name, 100) and tag[:1] in ("n", "v", "a", "d", "q", "t", "r", "m") \
        and not tag.startswith(("nr", "ns", "nz")) and name not in known_names()


def _clause_cut(text: str, an: Analysis, g: NameGuess | None) -> NameGuess | None:
    """外长|承诺加强合|作, 贸易部长|会强|调: what a foreign post is followed by is the clause, not a name, when a common
    verb or adverb opens it; where no boundary confirmed its end and a word of the dictionary runs across that end,
    the name ends where the word starts (古特雷斯|敦促, 副秘书长|级非|洲裔: none). A name the foreign-name list holds
    stays."""
    if g is None or text[g.start : g.end] in known_names():
        return g
    if adverb_or_verb(text[g.start : g.start + 2]):
        return None
    if g.score < 2.0 and inside_common_word(an, g.end):
        word = an.token_at(g.end)
        return NameGuess(g.start, word.start, g.score) if word is not None and word.start - g.start >= 2 else None
    return g


def _verb_then_name(text: str, an: Analysis, fg: NameGuess) -> bool:
    """外长|访|伊拉克, 众议员|进入|俄罗斯: a verb of one or two characters opens the run and a state's name follows it:
    no one's name is read so (达|奚珺, 拉|多斯瓦夫: a name may open on a character jieba reads as a verb)."""
    tok = an.token_at(fg.start)
    if tok is None or tok.start != fg.start or tok.end - tok.start > 2 or tok.end >= fg.end or tok.pos[:1] not in ("v", "p"):
        return False
    return mentions_foreign(text[tok.end : fg.end])


def _foreign_reading(text: str, at: int, g: NameGuess | None, country: str | None) -> NameGuess | None:
    """The name after a foreign post at ``at`` (``g``: the Chinese name model's reading): 法国总统|马克龙 has no
    surname for the Chinese model to start from."""
    fg = foreign_name_at(text, at)
    if fg is None or fg.end - fg.start < 3:
        fg = han_name_at(text, at, country) or fg  # 日本首相|高市早苗|的
    if (fg is None or fg.end - fg.start < 3) and (short := g or fg) is not None:
        fg = _body_head_japanese(text, at, short, country) or fg
    if fg is not None and g is not None and text[fg.end : fg.end + 1] in "·•・" and g.end > fg.end + 1 \
            and not _holds_common_word(text, fg.end + 1, g.end):
        return g  # 府尹|颂萨·汶亚威: the foreign model stopped at a dot the dotted-name model reads on over (not
        # 凯山·丰威汉铜像…: a common word inside says the clause ran on)
    if fg is not None and g is not None and g.end > fg.end and "·" in text[g.start : fg.end] \
            and text.count(last := text[text.rindex("·", g.start, fg.end) + 1 : g.end]) > 1 and len(last) >= 2:
        return g  # 乔纳森·卡|丰多: the dotted name's last part the Chinese model reads whole, which the article writes
        # again alone (为卡丰多举行欢迎仪式)
    # The foreign model wins, unless it only guessed the end and the Chinese model reads a longer
    # name closed by a word that follows names (澳大利亚外长|黄英贤|表示).
    if fg is not None and not (fg.score < 2.0 and g is not None and g.end > fg.end and clear_follower(text, g.end)
                               and not adverb_or_verb(text[fg.end : g.end])):
        return fg  # (伊姆兰·汗|邀请, 特雷莎·梅|支持: the clause's verb, read on by the minority model)
    return g


def find_titled(ctx: Context) -> _Found:
    text, an = ctx.text, ctx.analysis
    matches = _clean_posts(ctx)
    by_end = {m.end(): m for m in matches}
    seg = _segment_starts(text, an, matches)
    starts = set(seg.values()) | {m.start() for m in matches}
    found = _Found()
    for m in matches:
        # Web copy sometimes puts a space between post and name (市委书记 蔡奇), and a seconded official's
        # post says so in brackets (副市长（挂职）周立新), which stay part of the title.
        at = m.end() + 1 if text[m.end() : m.end() + 1] in (" ", "\u3000") else m.end()
        marked = SECONDED.match(text, at)
        at = marked.end() if marked else at
        if text.startswith("是", at) and (named := name_at(text, at + 1, an, after_post=True)) is not None \
                and text[named.end : named.end + 1] in _AFTER_COPULA_NAME:
            at += 1  # 会议执行主席|是|刘奇葆、…: the copula before the names the post is given to (国王|是|国家元首: none)
        g = name_at(text, at, an, after_post=True)
        foreign = _foreign_title(text, seg[m.start()], m)
        if foreign:
            g = _foreign_reading(text, at, g, country_of(text[seg[m.start()] : m.end()]))
            g = _clause_cut(text, an, g)
        elif g is not None and (not clear_follower(text, g.end) or text.startswith("·", g.end)):
            end = extend_transliterated(text, g.end)  # 斯琴|巴特尔主持
            g = NameGuess(g.start, end, g.score) if end > g.end else _minority_longer(text, at, g)
        elif g is None:
            # 嘎查长|图门吉日嘎拉: a Mongolian or Tibetan name without a surname, read as a transliteration
            # when a boundary confirms where it ends.
            fg = foreign_name_at(text, at)
            # 市长|向大会作报告: a common word inside it makes the run a phrase, not a name
            # (a monarch's regnal number, 二世, is no word inside the name)
            core_end = fg.end - _regnal_length(text, fg.end) if fg is not None else 0
            if fg is not None and fg.score >= 2.0 and fg.end - fg.start >= 3 and (
                    not _holds_common_word(text, fg.start, core_end) or _minority_name_closed(text, fg)):
                g = fg
        if g is not None and _verb_then_name(text, an, g):
            g = None
        if g is not None and text[g.start] in "和与及" and g.end - g.start >= 3 and \
                text.count(text[g.start + 1 : g.end]) > text.count(text[g.start : g.end]):
            g = None  # 北京冬奥组委负责人|和巴赫|分别致辞: 和 joins a person the article names elsewhere without it
        g = _trimmed(text, g, foreign)
        if foreign and g is not None and _common_pair(text[g.start : g.end]):
            g = None  # 美国国会议员|重提, 总统|官邸: a common word of two characters, no name the list holds
        if g is None:
            g = _heads_list(text, an, at) or _recurring_name(text, at)  # 副州长|排腊都、尚明轩、康卓越出席: a name no model reads
        if g is not None and g.start == at and text[g.end : g.end + 1] in JOINERS and \
                (fg := foreign_name_at(text, at)) is not None and fg.end > g.end + 1 and fg.score >= 2.0:
            g = fg  # 国家主席|迪亚斯|-卡内尔的: a joiner after the reading runs the name on, a foreign one
        # (副总理|兼外长…: after 兼 a post follows, no name)
        g = None if text.startswith("兼", at) else g if foreign and _closed(text, g) else _model_name(text, an, at, g)
        if g is not None and (_ORDINAL_END.match(text, g.end - 1) or (
                text.startswith("》", g.end) and in_work_title(text, m.start())) or _state_then_post(text, g)):
            g = None  # 中国外长|连续第|36年: an ordinal's 第 before its number ends no name; 《丝路传奇特使张骞》: a work's
            # title that ends on its hero, named with a post, names no office-holder; 轮值主席|卢旺达|总统: a state
        chain = _title_chain(text, an, m, by_end, seg) if g is not None else []
        if marked and chain:
            chain[-1] += marked.group()
        if g is not None and _titles_no_name(chain, m.group()):
            g = None
        if g is not None and m.group() == "领导人" and _no_leader_named(text, g):
            g = None
        if g is not None:
            g = _to_list_separator(text, an, g)
            found.add(g.text_in(text), g.start, chain)
            end = g.end
            # Names listed after the first share its titles, until the next title starts.
            while (sep := LIST_SEP.match(text, end)) is not None and sep.end() not in starts:
                nxt = name_at(text, sep.end(), an, after_post=sep.group().strip("，,") == "、")
                if nxt is None and sep.group() == "、":
                    nxt = _minority_listed(text, sep.end())  # …、七林农布出席: no surname to read it by
                if nxt is None or (sep.group() in ("和", "及", "以及") and nxt.score < 1.5):
                    break
                if _country_form_at(text, nxt.start) is not None:
                    break  # …卡斯特罗和|古巴|新当选的…: a state opens the next phrase, no listed name
                if _ends_list(text, g, nxt, chain):
                    break
                found.add(nxt.text_in(text), nxt.start, chain)
                end = nxt.end
        _suffix_titled(text, an, m, found)
    return found


def _state_then_post(text: str, g: NameGuess) -> bool:
    """非洲联盟轮值主席|卢旺达|总统卡加梅: the reading is a state's name, and the next title's post follows it."""
    state = _country_form_at(text, g.start)
    return state is not None and g.start + len(state) >= g.end and post_pattern().match(text, g.start + len(state)) is not None


def _no_leader_named(text: str, g: NameGuess) -> bool:
    """亚太经合组织领导人|吉隆坡|宣言: the leaders' document or meeting, named by its city; 同尼泊尔领导人|畅叙…: a word of
    the dictionary, the clause's verb — no name after 领导人."""
    tag = nlp.tag_table().get(text[g.start : g.end], "")
    return text.startswith(_NAMED_AFTER_LEADERS, g.end) or (
        tag[:1] in ("v", "a", "d", "n") and not tag.startswith(("nr", "ns", "nz")))


def _ends_list(text: str, head: NameGuess, nxt: NameGuess, chain: list[str]) -> bool:
    """Whether ``nxt``, after a list's separator, is no name sharing ``head``'s titles: 张业遂、环资委主任委员高虎城 (what
    a post follows at once is an organ, not a listed name); 韦瑟比和赫尔德|里奇总理 (a run that goes on to a post of its
    own is another's name and title); 多米尼克外交和贸易部长贝利斯、王毅等 (a Chinese name after a transliterated one
    that a foreign title heads is the host's side, not the guest's colleague)."""
    if post_pattern().match(text, nxt.end) is not None or _own_post_follows(text, nxt.end):
        return True
    first = head.text_in(text)  # (a dotted name is a transliteration, whatever its parts: 英格丽·索尔海姆以及|谌贻琴)
    return bool(chain) and country_of(chain[0]) not in (None, "中国") and \
        ("·" in first or looks_transliterated(first)) and not looks_transliterated(nxt.text_in(text))


def _own_post_follows(text: str, end: int) -> bool:
    """One to three Han characters after ``end`` run on to a post (赫尔德|里奇总理): the reading stopped short of a
    longer name, which the post after it is written for."""
    return any(post_pattern().match(text, k) is not None for k in range(end + 1, min(end + 4, len(text)))
               if all(HAN.match(c) and c not in _NOT_IN_LISTED_NAME for c in text[end:k]))  # (李成勋|及常委会委员)


def _suffix_titled(text: str, an: Analysis, m: LiteralMatch, found: _Found) -> None:
    """The name before a post written after it (王刚书记, 马克龙总统): a Chinese one, or a transliterated one; the
    Chinese reading of a transliteration's tail is none (埃尔德|里奇总理). A local head's bare post (倪珂副县长汇报了…)
    only where the pair is its clause's subject (`_subject_before_verb`)."""
    start = None
    if m.group() in FOREIGN_SUFFIX_POSTS or m.group() in PAIRED_SUFFIX_POSTS:
        end = m.start() - 1 if text[m.start() - 1 : m.start()] == "任" else m.start()  # 拉皮德|任|副总理
        start = _transliterated_before(text, an, end) if m.group() in FOREIGN_SUFFIX_POSTS else None
        abroad_only = only_foreign_posts([m.group()])  # (洪森|首相: no Chinese holds the post, whatever the name looks like)
        paired = _paired_leader_start(text, an, end, _PAIRED_LEADER_BEFORE, abroad_only) if _PAIRED_AFTER.match(text, m.end()) \
            else _paired_leader_start(text, an, end, _TALKS_PARTNER_BEFORE, abroad_only) if _TALKS_AFTER.match(text, m.end()) \
            else None
        if paired is None and m.group() in FOREIGN_SUFFIX_POSTS:
            paired = _paired_leader_start(text, an, end, _RECEIVED_BEFORE, abroad_only, longest=5)
            if paired is not None and name_runs.translit_odds(text[paired:end]) < 0:
                paired = None  # (会见|两国|总理: the guests described, no name; a name there reads as sounds)
        if paired is not None and (start is None or paired <= start):
            start = paired
        if start is not None and text[start - 1 : start] in ("·", "-", "—"):
            # 同穆罕默德·本·扎耶德|总统: the whole dotted name takes the post (not a verb's last character: 转达|迪亚斯-卡内尔)
            start = _past_straddled_word(an, _dotted_start(text, start), end)
            found.add(text[start:end], start, [m.group()])
        elif start is not None and not _part_of_dotted(text, text[start:end]):
            found.add(text[start:end], start, [m.group()])
        if start is not None:
            found.paired.add(text[start:end])  # (梅洛尼|总理: a transliteration before a foreign head's post is abroad)
    if m.group() in _MEMBER_SUFFIX_POSTS:
        _member_before(text, an, m, found)
    if m.group() in SUFFIX_POSTS or LOCAL_HEAD_POST.fullmatch(m.group()):
        g = name_ending_at(text, m.start(), an) or _agent_glued(text, an, m.start())
        if g is not None and m.group() not in SUFFIX_POSTS and (
                not _subject_before_verb(text, g.start, m.end()) or looks_transliterated(g.text_in(text))
                or any(t.endswith(m.group()) for t in found.titles.get(g.text_in(text), ()))):
            # (、巴勒莫市长等参加会见: a foreign city's post, its holder unnamed; 斯特拉孔市市长穆里 … 穆里市长表示:
            # the post the article gave in full already)
            g = None
        if g is not None and not _place_word(text, an, g.start, g.end) and not _organ_word(text[g.start : g.end]) \
                and not _organ_word(text[g.start + 1 : g.end]) and not (start is not None and start < g.start):
            # (应|国家|副主席…邀请: the name's given part is the post's organ, 应 of an invitation before it)
            found.add(g.text_in(text), g.start, [m.group()])


# The diplomatic formulas that pair the host's head with the guest's (在习近平主席和|通伦总书记|的共同引领下, 转达对|纽西总统|的
# 问候, 习近平主席对|西哈莫尼国王|的…): the slot between one and the post is the other head's name, whatever its odds as a
# transliteration (本扬, 通伦 read low; Vietnamese names are Han: 阮富仲).
_PAIRED_LEADER_BEFORE = lazy_pattern.compile(r"(?:(?:主席|总书记|总统|国王|女王|同志)[和同对与]|转达(?:他|了)?对?)$")
# What follows the formula's second head (…总统的战略引领下, …总统对…, …总理战略引领下, …总统共同引领下).
_PAIRED_AFTER = lazy_pattern.compile(r"的|对|(?:战略|共同|亲自)(?:引领|指引|推动|关心)")
_NOT_IN_PAIRED_NAME = frozenset("的和同与对及、，,。；")  # (not the listed names' set: 在 is a Korean name's, 文在寅)
# The partner in talks the subject holds (李克强…同|洪森|首相举行会谈, 与|纽西|总统会晤): the slot is the other head's name.
_TALKS_PARTNER_BEFORE = lazy_pattern.compile(r"[同与]$")
_TALKS_AFTER = lazy_pattern.compile(r"(?:举行)?(?:会谈|会晤|视频会晤|通电话)|举行")
# The one a reception names right before a foreign head's post (先后会见|呼日勒苏赫|总理): the slot is the guest's name.
_RECEIVED_BEFORE = lazy_pattern.compile(r"(?:会见|会晤|拜会|拜见)了?$")


def _paired_leader_start(text: str, an: Analysis, end: int, before: regex.Pattern, abroad_only: bool = False,
                         longest: int = 4) -> int | None:
    """Where the other head's name that fills a paired formula's slot ending at ``end`` starts (two to four
    characters; no word of the dictionary inside: 总统对|政府|总理), or None; a Chinese name there (总统对|习近平|主席的)
    is the Chinese reader's."""
    for k in range(2, longest + 1):
        s = end - k
        if s < 1 or any(not HAN.match(c) or c in _NOT_IN_PAIRED_NAME for c in text[s:end]):
            return None
        b = _past_straddled_word(an, _dotted_start(text, s), end)  # (转达|迪亚斯-|卡内尔|主席: the formula stands before
        # the whole hyphenated name)
        if before.search(text, max(0, b - 5), b) is not None:
            name = text[s:end]
            ok = name not in countries() and name not in place_forms() and not _holds_common_word(text, s, end)
            g = None if abroad_only or b < s else name_ending_at(text, end, an)  # (no Chinese name after a hyphen)
            return s if ok and (g is None or g.start != s) else None
    return None


def _agent_glued(text: str, an: Analysis, end: int) -> NameGuess | None:
    """会议由|林琛|副省长主持, 由林|珩|副省长: the name after the agent's 由, which jieba glued onto it."""
    for k in (3, 2):
        start = end - k
        tok = an.token_at(start - 1) if start >= 1 else None
        if tok is not None and text[start - 1] == "由" and tok.start == start - 1 and tok.end > start:
            g = name_at(text, start, an)
            if g is not None and g.end == end:
                return g
    return None


def _subject_before_verb(text: str, start: int, end: int) -> bool:
    """The name at ``start`` opens a clause (or follows the 由 of an agent: 会议由林琛副省长主持) and what follows the post
    at ``end`` is a verb a name takes (汇报, 介绍, 主持, 陪同): the pair is the clause's subject."""
    opens = start == 0 or _CLAUSE_OPEN.match(text, start - 1) is not None or text[start - 1] == "由"
    return opens and HAN.match(text, end) is not None \
        and clear_follower(text, end) and not text.startswith("等", end)


# A standing committee's or a body's member, named by the post after the name where the pair opens its clause and a
# speaker's verb follows (车俊常委建议…, 王世杰常委代表民革中央发言): a CPPCC plenary's speakers, a congress's members.
_MEMBER_SUFFIX_POSTS = frozenset(("常委", "委员"))
_MEMBER_SPEAKS = lazy_pattern.compile(r"代表\p{Han}{2,12}?发言|(?:在发言中)?(?:建议|提出|表示|指出|认为|呼吁|说)")


def _member_before(text: str, an: Analysis, m: LiteralMatch, found: _Found) -> None:
    """车俊|常委|建议，…; 司马红|常委|代表民建中央发言: the name before a member's post, where the pair opens its clause and
    the member speaks. A compound surname (司马, 欧阳), which the segmenter splits off, may open the name."""
    if not _MEMBER_SPEAKS.match(text, m.end()):
        return
    g = name_ending_at(text, m.start(), an)
    if g is None:
        g = next((n for k in (4, 3) if (n := name_at(text, m.start() - k, an)) is not None and n.end == m.start()
                  and text[n.start : n.start + 2] in COMPOUND_SURNAMES), None)
    if g is not None and (g.start == 0 or _CLAUSE_OPEN.match(text, g.start - 1) is not None) \
            and not _organ_word(text[g.start : g.end]):
        found.add(g.text_in(text), g.start, [m.group()])


# Posts a foreign office-holder's short name takes after it (普拉博沃总统, 莫迪总理, 塞西总统来华).
FOREIGN_SUFFIX_POSTS = frozenset(_WORDS["foreign-suffix-post"])
PAIRED_SUFFIX_POSTS = frozenset(_WORDS["paired-suffix-post"])


def _dotted_start(text: str, start: int) -> int:
    """Where the dotted or hyphenated name whose last part starts at ``start`` begins: back over parts of
    transliteration characters (one, as 本 of 穆罕默德·本·扎耶德, or more), each after a dot or hyphen."""
    table = translit()
    while start >= 2 and text[start - 1] in "·-—":
        k = 0  # the part's length, read leftwards from the character before the joiner
        while k < 8 and start - 2 - k >= 0 and text[start - 2 - k] in table and HAN.match(text[start - 2 - k]) \
                and text[start - 2 - k] not in _NOT_IN_PAIRED_NAME:  # (同志和|迪亚斯-卡内尔: a conjunction opens no part)
            k += 1
        if k == 0:
            break
        start = start - 1 - k
    return start


def _part_of_dotted(text: str, name: str) -> bool:
    """卢拉 of 路易斯·伊纳西奥·卢拉·达席尔瓦: a part the article also writes inside a dotted or hyphenated name,
    which the alias step gives its post (a person of its own here would be that person twice)."""
    return any(f"{sep}{name}" in text or f"{name}{sep}" in text for sep in "·-")


def _transliterated_before(text: str, an: Analysis, end: int) -> int | None:
    """Where a transliterated short name ending at ``end`` starts (欢迎|塞西|总统, 同|托卡耶夫|总统), or None: the
    whole run of characters of foreign names before it (by their transliteration odds; the words around a name,
    同, 欢迎, 会见, are none), two to eight of them, typical on average, or a name foreign_names.tsv lists; no
    state or place (巴西总统, 阿根廷总统 are a state's)."""
    if any((text[end - k : end] in countries() or text[end - k : end] in place_forms())
           and (k > 1 or end < 2 or text[end - 2] not in translit()) for k in range(1, 9) if k <= end):
        return None  # 俄罗斯|总统, 吉尔吉斯斯坦|总统: a state's post (its first character is no syllable of names; a
        # one-character state, 美|总统, stands alone: 扎耶|德 is a name's last syllable)
    start, _ = _syllables_before(text, end, longest=9, keep=_NOT_A_WORD_CHAR)  # (a ninth marks a run too long)
    # (a listed name may hold an untypical syllable: 普京)
    table = translit()
    known = [end - k for k in range(2, 7) if end - k >= 0 and text[end - k : end] in known_names()
             and (end - k == 0 or not _NOT_A_WORD_CHAR(table.get(text[end - k - 1], -9.0))
                  or _past_straddled_word(an, end - k - 1, end) == end - k)]  # (not 马|克龙: it runs on; 转达|普京 ends a word)
    # (the NER's person may run over a syllable the odds doubt: 武契奇, 米尔济约耶夫)
    persons = [a for a in person_starts_ending_at(an, end) if a < start and end - a <= 8]
    for s in sorted({_past_straddled_word(an, start, end), *known, *(_past_straddled_word(an, a, end) for a in persons)}):
        name = text[s:end]
        if not 2 <= len(name) <= 8 or name in countries() or name in place_forms() or (
                _place_word(text, an, s, end) and s not in known):
            continue  # (对|普京|总统: jieba tags some listed names ns, a reading the name list outweighs)
        odds = name_runs.translit_odds(name)
        if s in known or odds >= (2.5 if len(name) == 2 else name_runs.TYPICAL_TRANSLIT) or (s in persons and odds >= 1.0):
            # (主席同|伊姆兰|总理: the NER's person may open on the preposition before the name)
            return s + 1 if text[s] in OBJECT_PREPOSITIONS and end - s >= 3 and s in persons and s not in known else s
    return None




_COMMON_VERB = 200  # (转达 296, 到达 3,107; not 同托 or 迪萨纳, which the segmenter glues from a name's syllables)


def _past_straddled_word(an: Analysis, at: int, end: int) -> int:
    """``at``, or where the word it lies inside ends, when a common verb opens before ``at`` and ends before ``end``
    (转达|特朗普总统, 转达|米尔济约耶夫: a run of syllables that opens on a verb's last character opens after it)."""
    tok = an.token_at(at)
    return tok.end if tok is not None and tok.start < at < tok.end < end and tok.pos == "v" and \
        jieba_freq().get(an.text[tok.start : tok.end], 0) >= _COMMON_VERB else at


# Parts of speech a foreign body's long name is made of (欧盟|外交|与|安全|政策): nouns, and 与/和 joining them;
# not a person's name or a post, which would make it another person's title (俄罗斯总统普京和|土耳其总统).
BODY_POS = ("n", "vn", "an", "b", "j", "nz", "ns", "nt", "p", "c")


def _foreign_body_start(text: str, an: Analysis, end: int) -> int | None:
    """欧盟外交与安全政策|高级代表: where a foreign country or body opens the clause that runs, in nouns,
    up to ``end`` within 12 characters (the walk over organ words stops inside such names)."""
    if text.endswith(LIST_STANDING, 0, end):
        return None  # 二十国集团轮值主席国|南非财政部长: the standing ends the body; the title is the guest's own
    for p in range(end - 1, max(end - 12, 0) - 1, -1):
        if not HAN.match(text[p]):
            return None
        if (p == 0 or not HAN.match(text[p - 1])) and country_of(text[p:end]) is not None:
            toks = [t for t in an.tokens[bisect_left(an.token_starts, p) :] if t.start < end]
            ok = all(_body_word(t, p) for t in toks)
            return p if ok else None
    return None


def _state_letter_before(text: str, x: int) -> bool:
    """A state's one-character form (乌, 俄, 美) opens its clause right before ``x``."""
    return x >= 1 and text[x - 1] in countries() and (x == 1 or not HAN.match(text[x - 2]))


def _after_date(text: str, start: int) -> bool:
    """The word at ``start`` opens with a date's unit after its digits (习近平6月21|日同|法国总统) or a part of
    the day after the date (6月16日|晚同|塔吉克斯坦总统): the segmenter glued it to the 同 after it."""
    return start > 0 and (
        text[start] in DATE_UNITS and text[start - 1].isdigit()
        or text[start] in PARTS_OF_DAY and text[start - 1] in DATE_UNITS
    )


def _after_glued_function(piece: str, start: int, x: int) -> int:
    """Where the title starts when the word ``piece`` (at ``start``, ending at ``x``) holds a glued function
    character: after the leading ones (苟仲文|从亚奥|理事会主席, 李强|还同|越共中央总书记), else at ``x``
    (丁薛|祥和|委内瑞拉总统, 丁薛祥|应邀出席|巴西总统)."""
    lead = next((k for k, c in enumerate(piece) if c not in GLUED_FUNC), len(piece))
    return start + lead if lead and piece[-1] not in CONJUNCTIONS else x


def _glued_function(piece: str, pos: str) -> bool:
    """A word jieba's guesser made of a function character and what follows or precedes it (从亚奥, 还同,
    应邀出席 tagged a name), or a name ending in a conjunction (丁薛|祥和); dictionary words (和平, 共和) are not."""
    if len(piece) < 2 or not pos.startswith(("un", "nr")):
        return False
    # (a name ending in a conjunction, 丁薛|祥和, or a guess that took one in, 李成|勋及|常委会委员)
    if piece[-1] in CONJUNCTIONS or piece[-1] == "在" or any(w in piece for w in TITLE_STOP if len(w) >= 2):
        return True  # (视察|组在|县委书记: 在 glued to the team's 组 opens the clause the title is in)
    return piece[0] in GLUED_FUNC and not jieba_freq().get(piece, 0)


def _opens_place(an: Analysis, x: int) -> bool:
    """A place name starts at ``x`` (指认|委内瑞拉国防部长: 委 opens a country there, not an organ's 委)."""
    tok = an.token_at(x)
    return tok is not None and tok.start == x and tok.pos == "ns"


def _body_word(tok, p: int) -> bool:
    """A word of a foreign body's name: a noun-like word, an idiom-like noun phrase (武装力量, 零排放), a quality
    (净); the country form opening it whatever its tag (乌|总统: jieba tags 乌 a name); never a post or a
    person's name (a tag nr of four characters or more is jieba misreading a noun: 能源安全)."""
    if tok.start == p:
        return tok.text not in posts()
    if tok.pos.startswith("nr"):
        return len(tok.text) >= 4
    return tok.pos.startswith(BODY_POS + ("l", "a")) and tok.text not in posts() and tok.text not in _PERSON_NOUNS


# Nouns for people, which no body's name holds (巴西政府|代表|和中国驻巴西大使: the representatives are a party of their own).
_PERSON_NOUNS = frozenset(("代表", "官员", "人员", "人士", "嘉宾", "负责人", "负责同志", "领导"))


def _foreign_title(text: str, start: int, m: LiteralMatch) -> bool:
    """Whether the title that starts at ``start`` and ends with post ``m`` is a foreign post (法国总统, 联合国秘书长,
    秘鲁驻华大使), or stands in a list that a foreign title opens (新加坡副总理颜金勇、外交部长|维文)."""
    if country_of(text[start : m.end()]) is not None:
        return True
    if text[start - 1 : start] == "和" and text.startswith(_FOREIGN_CHAMBERS, start):
        # (应俄罗斯…国家杜马主席沃洛金和|联邦委员会主席马特维延科: a foreign legislature's other chamber after 和 is the
        # state's the clause names)
        lo = _clause_opening(text, start)
        return any(prefix_country(text[i:start]) is not None for i in range(lo, start))
    return text[start - 1 : start] == "、" and clause_country(text, start) is not None


_FOREIGN_CHAMBERS = tuple(sorted(_WORDS["foreign-chamber"], key=len, reverse=True))


CLAUSE_OPEN = lazy_pattern.compile(r"[。；;！!？?\n：:，,]")


def _clause_opening(text: str, pos: int) -> int:
    """Where the clause ``pos`` lies in opens, looking back at most 40 characters (that far back where none opens)."""
    lo = max(0, pos - 40)
    return max((m.end() for m in CLAUSE_OPEN.finditer(text, lo, pos)), default=lo)


# China's national organs, which no foreign title holds (越共中央 holds 中央 too).
_NATIONAL_ORGAN = lazy_pattern.compile(r"国务院|中共中央|全国人大|全国政协|中央军委|国家监委")


def clause_country(text: str, pos: int) -> str | None:
    """The foreign country whose title opens the clause ``pos`` lies in, when only a list (、) and names
    run between (沙特阿拉伯通信和信息技术大臣…, 新加坡副总理颜金勇、外交部长…)."""
    lo = max(0, pos - 40)
    cut = _clause_opening(text, pos)
    if cut == lo and lo > 0:
        return None
    head = text[cut:pos]
    if not head or len(head) > 40:
        return None
    # the country that opens the last item of the list (欧盟委员会前主席、|意大利前政府总理|普罗迪), else the clause's
    opens = [i + 1 for i, c in enumerate(head) if c == "、"]
    if opens and head.startswith(("中国", "中方", "我国", "中华人民共和国"), opens[-1]):
        return "中国"  # (新加坡财政部长王瑞杰、|中国驻新加坡大使洪小勇和驻东盟大使黄溪连: the last item is China's)
    found = next((c for i in reversed(opens) if (c := prefix_country(head[i:])) is not None), None) or country_of(head)
    if found is None and opens:
        # 会见意大利参议长拉鲁萨、|政府副总理兼外长|塔亚尼: a list's later item shares the one state an earlier one names
        # (not where a Chinese organ is written after it: 抵达莫斯科…的国务院副总理何立峰、|国务委员谌贻琴)
        at = _states_in(head, opens[-1])
        organ = max((m.start() for m in _NATIONAL_ORGAN.finditer(head, 0, opens[-1])), default=-1)
        states = set(at.values())
        found = states.pop() if len(states) == 1 and max(at) > organ else None
    if found is None and cut > 0 and text[cut - 1] in "，,":
        found = _state_of_comma_list(text, cut - 1)
    return found


def _states_in(head: str, end: int) -> dict[int, str]:
    """Where each foreign state's form (or a city's that names it) opens before ``end``, read left to right, so that a
    form inside a longer one is none (白俄罗斯, not also its 俄罗斯)."""
    found: dict[int, str] = {}
    k = 0
    while k < end:
        c = prefix_country(head[k:])
        if c not in (None, "中国"):
            found[k] = c
        k += len(_country_form_at(head, k) or "?") if c is not None else 1
    return found


# The verb of a reception before a list of the hosts met (分别会见, 会晤, 拜会), the last one in the clause.
_LAST_RECEPTION = lazy_pattern.compile(r"(?:分别|先后)?(?:会见|会晤|拜会|拜见)了?(?!.*(?:会见|会晤|拜会|拜见))")


def _state_of_comma_list(text: str, comma: int) -> str | None:
    """马来西亚总理安瓦尔，外交部部长穆罕默德，陪同部长、交通部部长陆兆福等…迎接: a list of office-holders run with commas
    shares the state its first item names, where every item before is a short title and name (no verb, no Chinese
    organ) and the first opens with the state."""
    end = comma
    for _ in range(5):  # (up to five items back: a delegation of a head, a premier, a speaker and a front's chairman)
        start = _clause_opening(text, end)
        if (verb := _LAST_RECEPTION.search(text, start, end)) is not None:
            start = verb.end()  # (在万象分别会见|老挝人民革命党中央总书记、国家主席通伦，总理宋赛: the list opens after the verb)
        item = text[start:end]
        if not item or len(item) > 22 or _NATIONAL_ORGAN.search(item) or post_pattern().search(item) is None:
            return None
        if (state := prefix_country(item)) not in (None, "中国"):
            return state
        if start == 0 or text[start - 1] not in "，,":
            return None
        end = start - 1
    return None


# Titles stated in a clause rather than written before the name (选举王建国为市人大常委会主任, 李卫东当选为区长,
# 郑小明，某村驻村第一书记，…).
ELECTED_AS = lazy_pattern.compile(r"(?:选举|推选|任命|决定任命|决定|提名|增补|补选)(?=\p{Han})")
BECAME = lazy_pattern.compile(r"(?:当选为|当选|被任命为|被选举为|出任|担任)(?=\p{Han})")
# 免去钟山的商务部部长职务: a removal names the post its holder held till then.
RELIEVED = lazy_pattern.compile(r"免去(?=\p{Han})")
_RELIEVED_POSTS = lazy_pattern.compile(r"的(\p{Han}[\p{Han}、]{1,60}?)职务")
CLAUSE_END = lazy_pattern.compile(r"[，,。；;！!？?\n]|$")
CLAUSE_START = frozenset("。；;！!？?\n")


_ORDINAL_DIGITS = lazy_pattern.compile(r"第\d{1,3}(?=[任届])")


_POST_THEN = lazy_pattern.compile(r"并(?:将|即将|于)?(?:出任|任|兼任|担任|成为)")


def _stated_title(text: str, start: int) -> str | None:
    """The title that runs from ``start`` to the clause's end, when it ends in a post (市人大常委会主任)."""
    for lead in ("了", "连任"):  # 担任了…, 当选连任…: not part of the title
        if text.startswith(lead, start):
            start += len(lead)
    end = CLAUSE_END.search(text, start).start()
    if (joined := _POST_THEN.search(text, start, end)) is not None:
        end = joined.start()  # 当选日本自民党新总裁|并将任首相: a second post to come, after 并
    seg = text[start:end]
    # (an ordinal in digits is part of it: 美国第47任总统)
    if not 2 <= len(seg) <= MAX_TITLE or not all(HAN.match(c) for c in _ORDINAL_DIGITS.sub("第任", seg)):
        return None
    last = post_pattern().finditer(seg)
    return seg if last and last[-1].end() == len(seg) else None


# Posts the news writes after the name of someone it has already titled: 古特雷斯秘书长, 拉克森总理, 王毅部长.
AFTER_NAME_POSTS = lazy_pattern.compile(
    r"(?:副总理|总理|副总统|总统|首相|总书记|副主席|主席|委员长|秘书长|总干事|国务卿|外交大臣|外务大臣|外长|部长|议长|国王|大使)"
    r"(?=[，,。；;、：:）)”\s]|表示|指出|强调|说|为|的|在|对|同|与|和|将|已|曾|也|还|一行|就|向|致|访|来华|出席|率|会见|时|$)"
)


def _posts_after_known_names(text: str, found: _Found, an: Analysis) -> None:
    """A post right after a name the document titles elsewhere is that person's too (古特雷斯秘书长), and so
    is one after a part of a dotted or hyphenated name standing alone (卢拉总统 after 巴西总统路易斯·伊纳西奥·
    卢拉·达席尔瓦, 伊维拉总干事 after 恩戈齐·奥孔乔-伊维拉): the part is the short form the article uses,
    and a mention of that person wherever it stands alone before a word that follows names (奥尔西表示)."""
    for name in list(found.titles):
        if len(name) < 2:
            continue
        for at in occurrences(text, name):
            m = AFTER_NAME_POSTS.match(text, at + len(name))
            if m is not None and m.group() not in found.titles[name]:
                found.add(name, at, [m.group()])
        for part in _name_parts(name):
            for at in occurrences(text, part):
                if not _part_alone(text, an, at):
                    continue  # inside the full name, or inside another word
                m = AFTER_NAME_POSTS.match(text, at + len(part))
                if m is None and not clear_follower(text, at + len(part)):
                    continue
                if m is not None and m.group() not in found.titles[name]:
                    found.add(name, found.first[name], [m.group()])
                if part not in found.aliases.get(name, []):
                    found.aliases.setdefault(name, []).append(part)
    _fold_short_forms(found)


def _fold_short_forms(found: _Found) -> None:
    """巴西总统卢拉 after 巴西总统路易斯·伊纳西奥·卢拉·达席尔瓦: a short form titled for the same country as a dotted
    name it is a part of is that person again, not a second official; its titles and mentions are theirs."""
    for name in list(found.titles):
        states = {country_of(t) for t in found.titles[name]} - {None, "中国"}
        full = next((n for n in found.titles if n != name and name in _name_parts(n)
                     and states & {country_of(t) for t in found.titles[n]}), None)
        if full is None:
            continue
        found.add(full, found.first[full], found.titles.pop(name))
        found.first.pop(name, None)
        if name not in found.aliases.get(full, []):
            found.aliases.setdefault(full, []).append(name)


def _part_alone(text: str, an: Analysis, at: int) -> bool:
    """Whether a part of a foreign name at ``at`` stands alone: after a boundary (，奥尔西表示), or where a word
    of the segmenter's ends (欢迎|奥尔西总统), but never after the dot or hyphen of the full name."""
    if at == 0 or _STANDS_ALONE_AFTER.match(text[at - 1]):
        return True
    if text[at - 1] in "·-‐" or HAN.match(text[at - 1]) is None:
        return False
    if an.is_token_boundary(at):
        return True
    # 我|同鲁托|总统: the guesser glued a function character onto the part; it still begins a word of its own.
    tok = an.token_at(at)
    return tok is not None and all(c in GLUED_FUNC for c in text[tok.start : at])


# What may stand right before a short form used alone: a clause or sentence boundary, a quote, a space.
_STANDS_ALONE_AFTER = lazy_pattern.compile(r"[，,。；;：:、“”\"'（(\s]")


def _name_parts(name: str) -> list[str]:
    """The parts of a dotted or hyphenated foreign name that can stand for it (two characters or more)."""
    if "·" not in name and "-" not in name:
        return []
    return [p for p in regex.split(r"[·\-]", name) if len(p) >= 2 and p != name]


def _bare_posts_abroad(titles: list) -> None:
    """拉克森总理 after 新西兰总理拉克森: the bare post is the one held abroad, not China's 国务院总理."""
    org = next((t.org for t in titles if t.org and t.text != t.post), None)
    for t in titles:
        if t.text == t.post:
            t.org = org


def _stated_titles(ctx: Context, found: _Found) -> None:
    text, an = ctx.text, ctx.analysis
    for m in ELECTED_AS.finditer(text):
        pos = m.end()
        names = []
        while (g := name_at(text, pos, an, strict=True)) is not None:
            names.append(g)
            sep = LIST_SEP.match(text, g.end)
            if sep is None:
                break
            pos = sep.end()
        if names and text.startswith("为", names[-1].end):
            title = _stated_title(text, names[-1].end + 1)
            if title:
                for g in names:
                    found.add(g.text_in(text), g.start, [title])
    for m in RELIEVED.finditer(text):
        g = name_at(text, m.end(), an, strict=True)
        posts = _RELIEVED_POSTS.match(text, g.end) if g is not None else None
        titles = [t for t in posts.group(1).split("、") if _stated_title(t, 0) == t] if posts is not None else []
        if g is not None and titles:
            found.add(g.text_in(text), g.start, titles)
    for m in BECAME.finditer(text):
        title = _stated_title(text, m.end())
        g = _clause_name(text, an, m.start(), CLAUSE_START | {"，", ","})
        if title and g is not None:
            found.add(g.text_in(text), g.start, [title])
    for m in _post_matches(ctx):
        # 郑小明，某村驻村第一书记，介绍…: a post right after a name that opens the sentence. Only posts that
        # close a clause are looked at, from the comma that opens it.
        if text[m.end() : m.end() + 1] not in ("，", ",", "。"):
            continue
        comma = max(text.rfind("，", max(0, m.start() - MAX_TITLE), m.start()),
                    text.rfind(",", max(0, m.start() - MAX_TITLE), m.start()))
        if comma <= 0:
            continue
        title = _stated_title(text, comma + 1)
        if title is None or comma + 1 + len(title) != m.end():
            continue
        g = _clause_name(text, an, comma)
        if g is not None:
            found.add(g.text_in(text), g.start, [title])
    _copula_titles(ctx, found)


# Which holder a person was, or how they stand among holders (第二位, 任内, 迄今…最长的, 唯一的), and a deputy's seat: no post.
_ORDINAL_PERSON = lazy_pattern.compile(r"第[一二三四五六七八九十\d]+位|任内|最|迄今|唯一|首位|代表$")


def _copula_titles(ctx: Context, found: _Found) -> None:
    """王小刚是新疆喀什塔县塔什库尔干乡党委书记，…: a name that opens its sentence, 是, and a title that closes the clause."""
    text, an = ctx.text, ctx.analysis
    for m in _post_matches(ctx):
        if text[m.end() : m.end() + 1] not in ("，", ",", "。"):
            continue
        copula = text.rfind("是", max(0, m.start() - MAX_TITLE), m.start())
        title = _stated_title(text, copula + 1) if copula > 1 else None
        if title is None or copula + 1 + len(title) != m.end() or _ORDINAL_PERSON.search(title):
            continue  # (…是特朗普任内第二位国土安全部长: which holder, not the post)
        title = title.rsplit("的", 1)[-1]  # (是当时十八洞村的|党支部书记: the post after 的)
        g = _clause_name(text, an, copula)
        if g is not None and (g.start == 0 or text[g.start - 1] in "。\n"):
            inner = _INNERMOST_UNIT.match(title[: len(title) - len(m.group())])  # (…塔县|塔什库尔干乡党委书记: its unit's)
            found.add(g.text_in(text), g.start, [title[inner.start("inner") :] if inner else title])


# 致电朔尔茨，祝贺他当选德国联邦总理; 祝贺贺一诚当选澳门特区第五任行政长官: a message's addressee, or the person it
# congratulates by name, takes the post the message says they were elected or sworn in to.
_CONGRATULATED = lazy_pattern.compile(r"祝贺(?=\p{Han})")
_TAKES_POST = lazy_pattern.compile(r"(?:再次|再度)?(?:胜选连任|当选连任|当选并就任|当选为|当选|就任|连任|出任)(?=\p{Han})")
_ADDRESSEE = lazy_pattern.compile(r"致(?:贺电|贺信|贺函|电|函|信)(\p{Han}[\p{Han}·•・\-]{1,15})[，,]$")


def _congratulated(ctx: Context, found: _Found) -> None:
    text, an = ctx.text, ctx.analysis
    for m in _CONGRATULATED.finditer(text):
        if text.startswith(("他", "她"), m.end()):
            addressee = _ADDRESSEE.search(text, max(0, m.start() - 20), m.start())
            start, end = addressee.span(1) if addressee is not None else (0, 0)
            verb = _TAKES_POST.match(text, m.end() + 1)
        else:
            start = m.end()
            verb = next((v for k in range(start + 2, min(start + 16, len(text))) if (v := _TAKES_POST.match(text, k))), None)
            end = verb.start() if verb is not None else 0
        title = _stated_title(text, verb.end()) if verb is not None and end > start else None
        if title is not None and _whole_name(text, an, start, end, country_of(title)):
            _add_taken_post(found, text[start:end], start, title)


def _add_taken_post(found: _Found, name: str, start: int, title: str) -> None:
    """Give ``name`` the post a message or an oath says it took, unless the article titles that person already (祝贺
    阿尔塔米拉诺就任总统, …第六任行政长官: the message restates the post)."""
    if not any((n == name or name in _name_parts(n)) and found.titles[n] for n in found.titles):
        found.add(name, start, [title])


# 普京宣誓就任俄罗斯联邦第八届总统, 特朗普20日宣誓就任美国总统: the clause's subject takes the post it is sworn in to;
# a day or a place (在克里姆林宫) may stand between them.
_SWORN_IN = lazy_pattern.compile(r"(?:宣誓)?就任(?=\p{Han})")
_SUBJECT_THEN = lazy_pattern.compile(r"(?:当地时间)?(?:\d{1,2}日)?(?:[上下]午|晚)?(?:在\p{Han}{2,12}?)?")
_CLAUSE_OPENS = lazy_pattern.compile(r"(?:当地时间\d{1,2}日[上下]?午?|\d{1,2}日[上下]?午?)[，,]")


def _sworn_in(ctx: Context, found: _Found) -> None:
    text, an = ctx.text, ctx.analysis
    for m in _SWORN_IN.finditer(text):
        title = _stated_title(text, m.end())
        if title is None:
            continue
        lo = max(text.rfind(c, 0, m.start()) for c in "。；;！？\n，,") + 1
        if (opened := _CLAUSE_OPENS.match(text, lo)) is not None:
            lo = opened.end()
        if _CONGRATULATED.match(text, lo) or text[m.start() - 1 : m.start()] in ("他", "她"):
            continue  # (祝贺他就任…: the message's addressee, read by _congratulated)
        for end in range(lo + 2, min(m.start(), lo + 16) + 1):
            tail = _SUBJECT_THEN.fullmatch(text, end, m.start())
            if tail is not None and _whole_name(text, an, lo, end, country_of(title)):
                _add_taken_post(found, text[lo:end], lo, title)
                break


def _whole_name(text: str, an: Analysis, start: int, end: int, country: str | None) -> bool:
    """Whether text[start:end] reads as one person's name: Chinese, transliterated (dotted or not), Japanese or Korean."""
    readings = (name_at(text, start, an, strict=True), foreign_name_at(text, start), han_name_at(text, start, country))
    return any(g is not None and g.end == end for g in readings) or text[start:end] in known_names()


def _clause_name(text: str, an: Analysis, end: int, starts: frozenset[str] = CLAUSE_START) -> NameGuess | None:
    """The name that makes up the whole stretch from the sentence's (or clause's) start to ``end``."""
    start = end
    while start > 0 and end - start < 6 and text[start - 1] not in starts and HAN.match(text[start - 1]):
        start -= 1
    if start > 0 and text[start - 1] not in starts:
        return None
    g = name_at(text, start, an, strict=True)
    if g is None or g.end != end or any(c in PRONOUNS for c in text[start:end]):
        return None  # 祝贺他|当选: a pronoun, not a name
    return g


PRONOUNS = frozenset(_WORDS["pronoun"])


def _organ_word(word: str) -> bool:
    """区政协|主席, 市人大|主任: an organ before a suffix post, not a name (区 and 市 are surnames too)."""
    return word in _organ_forms() or word.endswith(("政协", "人大", "政府", "党委", "党组", "纪委", "监委", *ORGAN_END))


def _place_word(text: str, an: Analysis, start: int, end: int) -> bool:
    """黎巴嫩|前总理: a country or place before a suffix post is no name."""
    word = text[start:end]
    tok = an.token_at(start)
    if tok is not None and tok.start == start and tok.end == end and tok.pos.startswith("ns"):
        return True
    return word in place_forms() or is_foreign_org(word) or mentions_foreign(word)


PARTY_BODY = lazy_pattern.compile(r"(?:党委|党组|党工委|党委常委)$")
# A Party committee's departments, written without the committee after its title (市委常委、宣传部长).
PARTY_DEPARTMENTS = frozenset(_WORDS["party-department"])
PARTY_COMMITTEE = lazy_pattern.compile(r"(?:省委|市委|区委|县委|州委|旗委|盟委|自治区党委|党工委)$")


def _with_chain_org(titles: list[Title], texts: list[str], name: str, found: _Found, home) -> list[Title]:
    """A bare post after a unit's Party title belongs to that unit: 首钢集团党委书记、董事长 → 董事长 of 首钢集团;
    a department written without its committee after the committee's title belongs to that committee:
    市委常委、宣传部长 → 宣传部长 of 市委 (北京市委 in a Beijing paper)."""
    out = []
    for t, text in zip(titles, texts, strict=True):
        prev = found.prev.get((name, text))
        if prev and (t.org in PARTY_DEPARTMENTS or (t.org is None and t.post == "秘书长")):
            committee = normalise_title(prev, home).org or ""
            if PARTY_COMMITTEE.search(committee):
                out.append(Title(text=t.text, org=committee, post=t.text))
                continue
        if t.org is None and prev and t.post not in IMPLIED_ORG:
            org = normalise_title(prev, home).org or ""
            unit = PARTY_BODY.sub("", org)
            if unit and unit != org:
                t = Title(text=t.text, org=unit, post=t.post)
        out.append(t)
    return out


@cache
def _firm_names() -> frozenset[str]:
    generic = set(_WORDS["firm-generic"])
    return frozenset(o for o, k in orgs().items() if k == "firm" and o not in generic and len(o) >= 2)


def _firm_title(t: Title) -> bool:
    org = t.org or ""
    return t.post in FIRM_POSTS or (t.post in ("主席", "副主席") and org.endswith(("董事局", "董事会")))


def _state_org(org: str) -> bool:
    return bool(org) and (STATE_FIRM.search(org) is not None or any(f in org for f in _firm_names())
                          or _local_state_firm(org))


STATE_SECTORS = _WORDS["state-sector"]
_LOCAL_FIRM = lazy_pattern.compile(r"(\p{Han}{0,8}?)(?:控股集团|投资集团|集团有限责任公司|集团有限公司|集团公司|集团|控股有限公司)$")


def _local_state_firm(org: str) -> bool:
    """A group named by a level or a province, city or county and a sector the state runs there
    (连云港|港口控股集团, 省|交通投资集团): a local state firm, as 北京…集团 is Beijing's."""
    for lead in ("省", "市", "县", "区", "自治区", "州"):
        if org.startswith(lead) and _sector_firm(org[len(lead):]):
            return True
    forms = place_forms()
    return any(org[:k] in forms and _sector_firm(org[k:]) for k in range(2, min(len(org), 8)))


def _sector_firm(rest: str) -> bool:
    m = _LOCAL_FIRM.fullmatch(rest)
    return m is not None and any(w in m.group(1) for w in STATE_SECTORS)


# Marks of a Chinese public organ. A name with a middle dot is a minority official's (阿不都·热合曼)
# only under one of these; otherwise it is a foreigner's (彼得·莫雷尔, 蒂姆·库克).
CHINESE_ORGAN = lazy_pattern.compile(
    # (中国外长, 中方首席代表: a title that names China itself, after a foreign one joined by 和, is China's)
    r"^(?:中国|中华人民共和国|中方|我国)|"
    r"自治区|自治州|自治县|新疆|西藏|青海|宁夏|甘肃|内蒙古|全国|中央|中共|国务院|国家|人大|政协|党委|党组|党工委|纪委|"
    r"省委|省政府|市委|市政府|州委|地委|县委|县政府|旗委|乡党委|镇党委|村党|兵团|人民政府|行署|行政公署|人民法院|人民检察院|军区|战区"
)
# What marks 负责人 as a public post: a level or an organ of state or Party before it.
PUBLIC_UNIT = lazy_pattern.compile(r"^[市区县省镇乡]|街道|专班|委|局|办|厅|政府|党|人大|政协|指挥部")
# A hospital's department head (重症医学科主任) holds no public post in the sense of SPEC.md §3.
CLINICAL = lazy_pattern.compile(r"(?:科|医院\p{Han}{0,12}中心)(?:副)?主任$")  # (…内科主任, …医院内镜中心主任)


def country_of_person(name: str, titles: list[Title]) -> str | None:
    """SPEC.md §2 `country`: the country of the first foreign title (印度总理莫迪 → 印度, and so 莫迪总理
    too); 中国 for Chinese posts; None for a transliterated or dotted name under no Chinese organ whose
    titles name no country (欧尔班总理 alone): a foreigner, but of a country the text does not say."""
    texts = [_without_edition(t.text) for t in titles]
    for text in texts:  # (第76届|联合国大会主席: the body's, whatever its edition)
        country = country_of(text)
        if country is not None:
            return country
    if any(is_foreign_org(t.org or "") or is_foreign_org(text) for t, text in zip(titles, texts, strict=True)):
        return None
    # A transliterated or dotted name is a minority official's (巴特尔, 阿不都·热合曼) only under a
    # Chinese organ; otherwise a foreigner's whose country the title left out (欧尔班总理, 彼得·莫雷尔).
    if (looks_transliterated(name) or "·" in name) and not any(CHINESE_ORGAN.search(t.text) for t in titles):
        return None
    if only_foreign_posts([t.text for t in titles]):
        return None  # 现任总统马杜罗: no Chinese post is called that
    return "中国"


def is_public_post_holder(name: str, titles: list[Title]) -> bool:
    """SPEC.md §3: Party, government, congress, CPPCC, court or state firm, Chinese or foreign — not a
    private firm, not a hospital department.

    A person whose every title is a company post (董事长, 总经理) counts only where the company shows
    itself the state's.
    """
    if titles and all(CLINICAL.search(t.text) for t in titles):
        return False
    # 市城市更新专班负责人 is a public post; 该企业负责人, 项目负责人 are not.
    if titles and all(t.text.endswith("负责人") and not PUBLIC_UNIT.search(t.text) for t in titles):
        return False
    if titles and all(_firm_title(t) for t in titles):
        # A foreign body's head (国际货币基金组织总裁) holds a public post; a foreign company's does not.
        return any(_state_org(t.org or "") or _foreign_public(t) or _public_organ(t.org or "") for t in titles)
    if titles and all(_KINSFOLK_BODY.search(t.text) for t in titles):
        return False  # 澳门紫金同乡会会长, 沙捞越闽清公会会长: the head of a hometown association or a guild holds no public post
    return True


# Hometown associations, guilds and alumni bodies, which the article's officials meet but which are no organ of state.
_KINSFOLK_BODY = lazy_pattern.compile(r"(?:同乡会|同乡联谊会|乡亲联谊会|公会|宗亲会|校友会|同学会)(?:副?会长|理事长|副?主席|秘书长)$")


# A regulator's 总监 is named by the safety it answers for (食品安全总监, 药品安全总监, 特种设备安全总监).
_SAFETY_FIELD = lazy_pattern.compile(r"(?:食品|药品|疫苗|医疗器械|化妆品|质量|特种设备|产品质量|工业产品质量)安全")
_PUBLIC_KINDS = frozenset(("government", "party", "congress", "cppcc", "judicial"))


def _public_organ(org: str) -> bool:
    """市场监管总局(食品安全)总监: a post a firm also has (总监, 总经理) held in a state organ, or in the regulator's
    safety field alone; a firm's own safety director names the firm (某公司食品安全总监)."""
    if _SAFETY_FIELD.fullmatch(org):
        return True
    known = orgs()
    # 省|药监局: the level before the organ (市场监管总局 is no 市 and an organ)
    forms = (org, org[1:]) if org[:1] in ("省", "市", "区", "县", "州") else (org,)
    return any(known.get(f[:k]) in _PUBLIC_KINDS for f in forms for k in range(len(f), 2, -1))


def _foreign_public(t: Title) -> bool:
    return country_of(t.text) is not None and not (t.org or t.text).endswith(FIRM_ORG_END)


def _settle_names(found: _Found, text: str) -> None:
    """韩正以|视频方式: a three-character name seen once, whose first two characters stand alone
    elsewhere in the article (韩正表示, 韩正说), is the two-character name and a word after it; so is a longer
    name seen once whose opening the name model reads and the article writes alone again (吴长贵|拉家常 … 吴长贵说).
    韩知|白带: a two-character name the article always writes with the same third character, followed by
    different words, is the three-character name jieba cut (韩知白带队, 韩知白先后, 韩知白察看)."""
    for name in list(found.titles):
        short = _settled_short(name, text)
        if short is None:
            short = _settled_long(name, text) or _settled_and(name, text)
            if short is None:
                continue
        found.rename(name, short)
    # 夏巴兹总理 after 巴基斯坦总理夏巴兹·谢里夫: one part of a dotted name, titled on its own, is that person.
    dotted = [n for n in found.titles if "·" in n]
    for name in list(found.titles):
        if "·" in name or len(name) < 2:
            continue
        full = next((d for d in dotted if name in (d.split("·")[0], d.split("·")[-1])), None)
        if full is not None:
            found.rename(name, full)
            found.aliases.setdefault(full, []).append(name)


def _settled_and(name: str, text: str) -> str | None:
    """陶叔清|和 … 陶叔清|和走进 …: a three-character name the article always writes with 和 after it, and a verb or a word
    that follows names after that, is a four-character name ending in 和 (a compound surname no list holds and a given
    name 清和): 和 joins no verb."""
    ats = occurrences(text, name) if len(name) == 3 else []
    if len(ats) < _RECURRING or any(text[i + 3 : i + 4] != "和" for i in ats):
        return None
    return name + "和" if _subject_each_time(text, ats, 4) else None


# One character of the clause after a name that a name reader may take for the name's last: a preposition, the
# passive's 受, a verb of one character (致, 任, 称) or an adverb (却, 将, 定 of 定于, 仍: 彭斯|仍表示).
_GLUED_CLAUSE_CHARS = frozenset("以受同致互任称将为把被向对于与在却定仍")
# A dictionary word this common (jieba count) opening the clause: 会后, 留任, 代行, 发文, 提出.
_GLUED_WORD_FREQ = 50


def _settle_known(found: _Found, text: str, kb: KB) -> None:
    """特朗普定|于27日, 刘昆受|国务院委托, 蓬佩奥为|代表, 里亚布科夫会|后: a name read one or two characters longer
    than an office-holder the KB knows, who held the post the article gives, where the characters cut off open
    the clause (a preposition or adverb, or a common word with what follows), is that office-holder. A Chinese
    name of a common surname loses only such a function character (张伟|民主 keeps 张伟民)."""
    for name in list(found.titles):
        if (longer := _known_one_longer(name, text, kb, found.titles[name])) is not None:
            found.rename(name, longer)
            continue
        if kb.by_name(name) or name in known_names() or REGNAL.search(name):
            continue  # (伊丽莎白二世: the regnal number is the name's)
        at = found.first[name]
        for k in (1, 2):
            short = name[:-k]
            cut = at + len(short)
            if len(short) < 2 or text[at : at + len(name)] != name or not _held(kb, short, found.titles[name]):
                continue
            chinese = "·" not in short and len(short) <= 3 and surnames().get(short[0], 0) >= RARE_SURNAME
            # (a word read with what follows only where the article writes the long name once: 神田真人。神田真人表示)
            if (k == 1 and text[cut] in _GLUED_CLAUSE_CHARS) or (not chinese and text.count(name) == 1 and any(
                    jieba_freq().get(text[cut : cut + n], 0) >= _GLUED_WORD_FREQ for n in (2, 3))):
                found.rename(name, short)
                break


def _verb_opened(ctx: Context, name: str, at: int) -> bool:
    """公开反|对, 强烈反|对: three characters whose first two the segmenter reads as one common adverb, adjective or verb
    and whose last opens a common word running on are the clause after the post, no surname and given name (高明亮|表示
    stays; so does a name the KB or the lists know)."""
    if len(name) != 3 or name in known_names() or (ctx.kb and ctx.kb.by_name(name)):
        return False
    tok, last = ctx.analysis.token_at(at), ctx.analysis.token_at(at + 2)
    return tok is not None and (tok.start, tok.end) == (at, at + 2) and tok.pos[:1] in ("a", "d", "v") \
        and is_common_word(tok.text, 300) and last is not None and last.start == at + 2 and last.end > at + 3 \
        and is_common_word(last.text)


def _year_opened(text: str, name: str, at: int) -> bool:
    """1981年至2003年|担任总理, 2014年|我同总理: 年 right after a year's digits is the date's, no name's first character."""
    return name.startswith("年") and at > 0 and (text[at - 1].isdigit() or text[at - 1] in "〇零一二三四五六七八九十")


def _known_one_longer(name: str, text: str, kb: KB, titles: list[str]) -> str | None:
    """魏凤|和同…, 祝贺|范|明政: a name of two Han characters read one short of an office-holder the KB knows, who held
    the post the article gives, where every mention of it is written with that character beside it (the segmenter
    glued 和 to what follows, or left 范 alone), is that office-holder. The KB, built from news, holds some such short
    readings as people of their own (魏凤, 明政): a longer name it counts more often wins over them."""
    if len(name) != 2 or not all(HAN.match(c) for c in name) or name in known_names():
        return None
    ats = occurrences(text, name)
    seen = sum(p.count for p in kb.by_name(name))
    for longer in sorted({text[i : i + 3] for i in ats} | {text[i - 1 : i + 2] for i in ats if i}):
        if len(longer) == 3 and text.count(longer) == len(ats) and _held(kb, longer, titles) \
                and sum(p.count for p in kb.by_name(longer)) > seen:
            return longer
    return None


def _held(kb: KB, name: str, titles: list[str]) -> bool:
    """Whether a person of that name in the KB held a post one of ``titles`` ends with (国务卿 of 以国务卿)."""
    posts = [p for t in titles if (p := _base_post_ending(t))]
    return any(p in own for person in kb.by_name(name) for own in person.titles() for p in posts)


def _settled_short(name: str, text: str) -> str | None:
    """The name without the word glued after it (see `_settle_names`), or None."""
    if "·" in name or len(name) < 3 or not all(HAN.match(c) for c in name) or text.count(name) != 1 \
            or (len(name) >= 5 and looks_transliterated(name)):
        return None  # (米尔济约耶夫 … 卡塔尔埃米尔: a foreign name of five or more is no Chinese name a word was glued to)
    at = text.index(name)
    guess = name_at(text, at, strict=True)
    if guess is None:
        return None
    for n in ((2,) if len(name) == 3 else (3, 2)):
        short = name[:n]
        alone = sum(1 for i in occurrences(text, short) if text[i + n : i + n + 1] != name[n])
        if (len(name) == 3 and alone >= 2) or (alone >= 1 and guess.end == at + n):
            return short
    return None


def _settled_long(name: str, text: str) -> str | None:
    """The name with the third character the segmenter cut off it (see `_settle_names`), or with the two a
    compound surname no list holds leaves (公明|思远 written so six times: the surname and a given name of two), or
    None."""
    if len(name) != 2 or not all(HAN.match(c) for c in name):
        return None
    ats = occurrences(text, name)
    thirds = {text[i + 2 : i + 3] for i in ats}
    if len(ats) < 3 or len(thirds) != 1 or not HAN.match(third := thirds.pop()) or is_common_word(name + third):
        return None
    followers = {text[i + 3 : i + 4] for i in ats}
    if len(followers) >= 3 and given_score(third) > 0:
        return name + third
    given = third + followers.pop() if len(followers) == 1 else ""
    after = {text[i + 4 : i + 5] for i in ats}
    if len(given) == 2 and HAN.match(given[1]) and len(after) >= 3 and min(given_score(c) for c in given) > 0 \
            and not is_common_word(given) and not is_common_word(name):
        return name + given
    return None


# A line that opens with a post and a colon lists its holders (副主席：马晓燕; 常务委员（按姓氏笔画为序）：王建伟、…),
# as election results and appointment lists print them.
_LABEL = lazy_pattern.compile(r"(?:（[^（）\n]{1,12}）)?[：:][ \u3000]*([^\n]{2,200})")
_LABEL_SEP = lazy_pattern.compile(r"[、，,；; \u3000]+")
_LABEL_PART = lazy_pattern.compile(r"[^、，,；; \u3000]+")


def _label_lists(ctx: Context, found: _Found) -> None:
    """The holders a post labels at the start of a line: names split by 、 or spaces, or a run of Han names
    without separators cut into names (`policyie.name_runs`); a part that reads as no name ends the list."""
    text, an = ctx.text, ctx.analysis
    for m in _clean_posts(ctx):
        label = _LABEL.match(text, m.end()) if text.startswith(("：", ":", "（"), m.end()) else None
        if label is None:
            continue
        start = _segment_start(text, an, m.start())
        if start > 0 and text[start - 1] != "\n":
            continue
        chain = [text[start : m.end()]]
        content = label.group(1).rstrip("。")
        if _LABEL_SEP.match(content):
            continue  # (a label whose list opens with a separator lists no one)
        for part in _LABEL_PART.finditer(content):
            pos = label.start(1) + part.start()
            g = name_at(text, pos, an)
            pieces = [(0, len(part[0]))] if g is not None and g.end == part.end() + label.start(1) else name_runs.cut(part[0])
            if not pieces:
                # a run mixing names no surname reads (王建伟乌云其其格艾力·买买提…): each piece a name, no common word
                pieces = name_runs.cut_names(part[0])
                if not pieces or any(is_common_word(part[0][a:b]) or _holds_clause_verb(part[0][a:b]) for a, b in pieces):
                    break  # (匈牙利总理：支持政|治解决乌克…: a headline's clause, no list of names)
            for a, b in pieces:
                found.add(part[0][a:b], pos + a, chain)


def _holds_clause_verb(piece: str) -> bool:
    """Whether a common verb or adverb of two characters stands anywhere in ``piece`` (支持|政治解决…)."""
    return any(adverb_or_verb(piece[i : i + 2]) for i in range(len(piece) - 1))


def _only_in_formula(text: str, name: str) -> bool:
    """Whether every occurrence of ``name`` is a piece of an item of a quoted parallel formula (“县领导|包镇、镇干部包村、
    村干部包户”: the county's leaders answer for a township; 包 is the verb, no surname)."""
    items = [quoted_parallel_item(text, at, at + len(name)) for at in occurrences(text, name)]
    return bool(items) and all(item is not None and item != name for item in items)


@register("officials", requires=("authors",))
def extract(ctx: Context) -> list[Official]:
    text = ctx.text
    found = find_titled(ctx)
    _label_lists(ctx, found)
    _headline_titles(ctx, found)
    _stated_titles(ctx, found)
    _congratulated(ctx, found)
    _sworn_in(ctx, found)
    _posts_after_known_names(text, found, ctx.analysis)
    _settle_names(found, text)
    if ctx.kb is not None:
        _settle_known(found, text, ctx.kb)
    authors = set(ctx.doc.authors or [])
    home = home_jurisdiction(ctx)
    out: list[Official] = []
    for name in sorted(found.titles, key=lambda n: found.first[n]):
        if name in authors:
            continue
        texts = found.titles[name]
        titles = _with_chain_org([normalise_title(t, home) for t in texts], texts, name, found, home)
        if not is_public_post_holder(name, titles) or _only_in_formula(text, name) \
                or _verb_opened(ctx, name, found.first[name]) or _year_opened(text, name, found.first[name]):
            continue
        mentions = [Span(name, at, at + len(name)) for at in occurrences(text, name)]
        for alias in found.aliases.get(name, []):
            mentions += [Span(alias, at, at + len(alias)) for at in occurrences(text, alias)
                         if not any(m.start <= at < m.end for m in mentions)]
        mentions.sort(key=lambda m: m.start)
        country = country_of_person(name, titles)
        if country in ("中国", None) and not any(CHINESE_ORGAN.search(t.text) for t in titles) and \
                any(text.endswith(t, 0, found.first[name]) for t in found.titles[name]):
            # 新加坡副总理颜金勇、外交部长维文: a bare ministry in a foreign delegation's list is that country's, and so is
            # a foreign post whose state the list does not repeat (美国总统国家安全事务助理…和国务卿布林肯); a post written
            # after the name is no such list's (安瓦尔在机场迎接|李强总理)
            country = clause_country(text, found.first[name]) or country
        if country == "中国":
            country = _state_of_foreign_province(text, titles) or _state_before_former(
                text, found.first[name], found.titles[name]) or country
        if country == "中国" and name in found.paired and not any(CHINESE_ORGAN.search(t.text) for t in titles):
            country = None  # (通伦总书记: a post Chinese heads hold too, its holder abroad, the state unwritten)
        if country != "中国":
            _bare_posts_abroad(titles)
        out.append(Official(name=name, titles=titles, mentions=mentions, country=country, evidence="title"))
    aliases = {a for names in found.aliases.values() for a in names}
    _only_foreign_state(ctx, out, found.paired)
    _same_body_state(out)
    out += _untitled_officials(ctx, {o.name for o in out} | authors | set(found.titles) | aliases)
    kb, day = ctx.kb, ctx.published.date() if ctx.published else None
    if kb is not None:
        for o in out:
            o.id = resolve(kb, o.name, o.country, o.titles, day)
    out.sort(key=lambda o: min((m.start for m in o.mentions), default=0))
    return out


def _only_foreign_state(ctx: Context, out: list[Official], paired: set[str]) -> None:
    """A head whose only posts are foreign ones written without their state (布哈里总统, 通伦主席 in the paired formulas,
    洪森首相) holds them in the foreign state written nearest before the name in its sentence (…尼日利亚政府…，总统布哈里;
    在捷克馆，泽曼总统), else in the one foreign state the other office-holders of its paragraph are of (在习近平主席和阿里
    总统的共同引领下 in talks with Guyana's speaker), or of the article where its paragraph has none; with two such
    states, or none, the state stays unknown."""
    for o in out:
        if o.country is not None or not o.titles or not o.mentions or any(t.org is not None for t in o.titles) \
                or not (only_foreign_posts([t.text for t in o.titles]) or o.name in paired):
            continue
        at = o.mentions[0].start
        lo = ctx.analysis.sentence_at(at)[0]
        o.country = next((c for k in range(at - 1, max(lo, at - 40) - 1, -1) if _state_word_at(ctx.analysis, k)
                          and (c := prefix_country(ctx.text[k : k + 12])) not in (None, "中国")), None)
        if o.country is None:
            p_lo, p_hi = paragraph_at(ctx, at)
            states = {x.country for x in out if x.country not in (None, "中国") and x is not o
                      and any(p_lo <= m.start < p_hi for m in x.mentions)}
            if not states:  # (韩正会见印尼外长… ⏎ 习近平主席和普拉博沃总统…: the article's one foreign state, the only one
                # it writes: a round-up of several states' news says nothing of the rest)
                states = {x.country for x in out if x.country not in (None, "中国") and x is not o}
                if not _written_states(ctx) <= states:
                    states = set()
            o.country = states.pop() if len(states) == 1 else None


def _state_before_former(text: str, at: int, titles: list[str]) -> str | None:
    """新加坡|时任|总理李显龙: the foreign state written before 时任, which the title drops with it, is the post's."""
    for t in titles:
        s = at - len(t)
        if text.endswith(t, 0, at) and text.endswith("时任", 0, s) and \
                (form := _country_form_ending_at(text, s - 2)) is not None:
            return country_of(form + t)
    return None


def _same_body_state(out: list[Official]) -> None:
    """A foreign body's office-holder whose state no title says is of the state of another holder of a post in that
    body (肯尼亚总统、联合民主同盟领袖鲁托 … 联合民主同盟总书记奥马尔: Kenya's party); a body whose holders are of two
    states, or one of them China, says nothing."""
    states: dict[str, set[str | None]] = defaultdict(set)
    for o in out:
        for t in o.titles:
            if t.org:
                states[t.org].add(o.country)
    for o in out:
        if o.country is not None or not o.titles:
            continue
        found = {c for t in o.titles if t.org for c in states[t.org] if c is not None}
        if len(found) == 1 and "中国" not in found and all(country_of(t.org) is None for t in o.titles if t.org):
            o.country = found.pop()


def _written_states(ctx: Context) -> set[str]:
    """The foreign states the article writes as words of their own (not China)."""
    table = countries()
    return {c for t in ctx.analysis.tokens if len(t.text) >= 2 and t.text in table and (c := table[t.text]) not in HOME_STATE
            and c != "中国" and not (len(t.text) == 2 and t.text[0] == "中") and not is_body(t.text)}
    # (one character, 日 or 以, is as often a day or a preposition; 中非 of 中非合作论坛 is China and Africa, no state)


def _state_word_at(an: Analysis, k: int) -> bool:
    """A word of a state's name opens at ``k`` (捷克|馆, 尼日利亚|政府), not a syllable inside another name (赞登|沙特|尔)."""
    tok = an.token_at(k)
    return tok is not None and tok.start == k and (tok.text in countries() or tok.pos.startswith("ns"))


def _state_of_foreign_province(text: str, titles: list[Title]) -> str | None:
    """The state of a province no place of China's is called, whose post a title names without its state (磅同省副省长)
    where the text writes it right after the state elsewhere (柬埔寨|磅同省), or None."""
    for t in titles:
        org = t.org or ""
        if len(org) < 3 or org[-1] not in "省州" or org in place_forms():
            continue
        if (state := next((s for s in _states_written_before(text, org) if s != "中国"), None)) is not None:
            return state
    return None


def _headline_titles(ctx: Context, found: _Found) -> None:
    """The title a transcript's headline gives its speaker (外交部发言人郭嘉昆主持例行记者会), whose body names them only
    as a speaker label (郭嘉昆：…), and a foreign title it gives someone the body names (俄外长|拉夫罗夫). Other headline
    readings are not taken: a headline's names have no context to end them (魏凤|和), and its titles no clause to
    bound them (李强同老挝国家主席…)."""
    title = ctx.doc.title
    if not title or len(title) > 80 or not ctx.text:
        return
    speakers = set(transcript_speakers(ctx.text))
    foreign_held = any(country_of(t) not in (None, "中国") for ts in found.titles.values() for t in ts)
    if not speakers and not foreign_held and not any(n in title for n in found.titles):
        return  # nothing a headline could add to: spare the headline its own analysis
    sub = Context(doc=Document(id="headline", text=title), analysis=nlp.analyse(title), published=ctx.published)
    for name, titles in find_titled(sub).titles.items():
        if name in speakers:
            found.add(name, found.first.get(name, ctx.text.find(name)), titles)
            continue
        # 王毅会见俄外长拉夫罗夫: a foreign title the headline gives a person the body names in full
        # (谢尔盖·拉夫罗夫, 茂木敏充) is theirs too; the headline adds no one of its own.
        # (any part of a dotted name may be its short form: 辛鲍姆 of 克劳迪娅·辛鲍姆·帕尔多)
        full = next((n for n in found.titles if n == name or name in _name_parts(n)), None)
        states = {country_of(t) for t in titles} - {None, "中国"}
        # (only a state the body already gives them: 老挝国家主席 李强致电… is the headline's two clauses)
        if full is not None and states and states <= {country_of(t) for t in found.titles[full]}:
            found.add(full, found.first[full], titles)
        elif name in found.titles and not states:
            # 敦化市委书记朴成浩 over the body's 市委书记朴成浩: the body's title with the place it leaves unsaid
            found.add(name, found.first[name], [t for t in titles if _placed_form(t, found.titles[name])])


def _placed_form(head: str, body: list[str]) -> bool:
    """Whether the headline's title ``head`` is one of the body's titles with a division's name before it."""
    gz = load_gazetteer()
    return any(head.endswith(t) and len(head) > len(t) and head[: len(head) - len(t)] in gz.surfaces for t in body)


def _only_inside_longer(text: str, name: str, taken: set[str]) -> bool:
    """Whether every occurrence of ``name`` lies inside an occurrence of a longer name already taken."""
    covered = {(at, at + len(t)) for t in taken if name in t and t != name for at in occurrences(text, t)}
    return bool(covered) and all(any(lo <= at and at + len(name) <= hi for lo, hi in covered)
                                 for at in occurrences(text, name))


def _untitled_officials(ctx: Context, taken: set[str]) -> list[Official]:
    """SPEC.md §3: names without a title that a list of officials or the knowledge base makes officials."""
    text, kb = ctx.text, ctx.kb
    day = ctx.published.date() if ctx.published else None
    found: dict[str, str] = {}
    if kb is not None:  # first: the KB's answer is the more informative (it comes with an id)
        for name, _ in kb_names(text, kb, day, taken):
            found.setdefault(name, "kb:untitled")
    for name, _ in list_names(text):
        if name not in taken:
            found.setdefault(name, "list:untitled")
    for name, _ in core_names(text):
        if name not in taken:
            found.setdefault(name, "formula:untitled")
    out = []
    for name, evidence in found.items():
        if _only_inside_longer(text, name, taken):
            continue  # 市委书记孟和巴特尔: the KB's 巴特尔 is only ever part of a titled official's name here
        people = kb.by_name(name) if kb is not None else []
        known = {p.country for p in people}  # (not `countries`, the lexicon's function imported above)
        country = known.pop() if len(known) == 1 else "中国"
        mentions = [Span(name, at, at + len(name)) for at in occurrences(text, name)]
        out.append(Official(name=name, titles=[], mentions=mentions, country=country, evidence=evidence))
    return out


# Longest name the statistical NER may give after a title: four-syllable minority names (次仁旺堆,
# 阿说木呷) and dotted ones are longer, but those have rules of their own.
MODEL_NAME_MAX = 6


_AFTER_CASE = frozenset("等，、。；")
_AFTER_COPULA_NAME = frozenset("、，。；和")


def _model_name(text: str, an: Analysis, at: int, g: NameGuess | None) -> NameGuess | None:
    """The statistical NER's person span that starts where a title ends, where it reads further than the
    name models do (称多县委书记|次仁|旺堆 → 次仁旺堆) or reads a name where they read none. Its end must be
    confirmed by a word that follows names (、, 陪同, 主持 …), as a guessed end is elsewhere."""
    end = model_person_end(an, at)
    if end is not None and not clear_follower(text, end) and (more := model_person_end(an, end)) is not None \
            and more - at <= MODEL_NAME_MAX and clear_follower(text, more):
        end = more  # 旗长|那仁满|都拉|主持: the NER read a long Mongolian name as two people side by side
    if end is None or not clear_follower(text, end):
        return g
    if any(c in "·•・" for c in text[at:end]):
        # dotted names: the foreign and minority models read them whole, unless they stopped inside the
        # last part (买买提江·阿不|都拉、): then the model's end, closed by a follower, is the better one
        if g is not None and g.start == at and g.end < end <= at + 2 * MODEL_NAME_MAX and "·" in text[at : g.end]:
            return NameGuess(at, end, g.score)
        return g
    if not 2 <= end - at <= MODEL_NAME_MAX:
        return g
    if end - at >= 4 and text[end - 1] == "案" and text[end : end + 1] in _AFTER_CASE:
        end -= 1  # 原党委书记|刘川生案|等案例: the case named after the person, not part of the name
    if g is None:
        # (部长|通道: a noun news writes after a post, in the phrase it makes, is no one the NER may read there)
        return None if text[at:end] in AFTER_POST_WORDS else NameGuess(at, end, 1.0)
    if g.start == at and g.end < end and not clear_follower(text, g.end):
        return NameGuess(at, end, g.score)  # (于波|作讲话: a follower already closes the shorter reading)
    return g
