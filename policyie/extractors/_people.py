"""Shared by the officials and authors extractors: lexicons, the name model, pronoun resolution.

The name model decides where a Chinese personal name ends when nothing marks it: 市委书记蔡奇围绕…
is 蔡奇 (围 starts 围绕, a word that follows names), 市长陈吉宁一同… is 陈吉宁. It weighs, per
character, how typical it is inside a given name against how typical it is right after a name
(lexicons/namechars.tsv), plus what the segmenter and NER say.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from policyie import lazy_pattern, lexicons, name_runs
from policyie.nlp import word_freq

if TYPE_CHECKING:
    from policyie.extractors.base import Context
    from policyie.nlp import Analysis

# The curated words and characters of personal names (function characters, name elements, what follows a
# name): data, in lexicons/name_words.tsv.
_WORDS = lexicons.lists("name_words.tsv")

HAN = lazy_pattern.compile(r"\p{Han}")
# Anything but a Han character (punctuation, digits, space, line end) ends a name.
HARD_BOUNDARY = lazy_pattern.compile(r"[^\p{Han}]")
# Never inside a given name in news copy: function words that often follow a name.
NOT_GIVEN = set(_WORDS["not-given"])
# Function characters that are also (rare) surnames: in news copy they start no name.
NOT_SURNAME = set(_WORDS["not-surname"])
# A surname this rare (per the corpus frequency) needs support from the segmenter to start a name.
RARE_SURNAME = 6


@cache
def surnames() -> dict[str, int]:
    return {r[0]: int(float(r[1])) for r in lexicons.rows("surnames.tsv")}


@cache
def name_chars() -> dict[str, tuple[float, float]]:
    return {r[0]: (float(r[1]), float(r[2])) for r in lexicons.rows("namechars.tsv")}


@cache
def posts() -> dict[str, str]:
    return {r[0]: r[1] for r in lexicons.rows("posts.tsv")}


@cache
def orgs() -> dict[str, str]:
    return {r[0]: r[1] for r in lexicons.rows("orgs.tsv") if r[1] not in ("province", "city")}


@cache
def foreign() -> tuple[frozenset[str], frozenset[str]]:
    """(full forms, one-character short forms) of foreign countries and international bodies."""
    rows = lexicons.rows("foreign.tsv")
    return frozenset(r[0] for r in rows if r[1] == "full"), frozenset(r[0] for r in rows if r[1] == "short")


FOREIGN_MINISTRIES = frozenset(lexicons.lists("title_words.tsv")["foreign-ministry"])
# Posts that are also the names of states (苏丹): a post only under its state (文莱苏丹).
STATE_POSTS = frozenset(lexicons.lists("title_words.tsv")["state-post"])


@cache
def _lengths(forms: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(f) for f in forms}))


def township_opened(text: str, n: int = 2) -> bool:
    """Whether the first ``n`` characters or more of ``text`` open the full name of a Chinese township or county the
    gazetteer holds (东京城镇 opens with Tokyo's name)."""
    from policyie.gazetteer import FULL, load

    gz = load()
    return any(kind == FULL and gz.entries[key].level in ("town", "district")
               for k in range(n + 1, min(len(text), n + 4) + 1) for key, kind in gz.surfaces.get(text[:k], ()))


def _has_prefix(word: str, forms: frozenset[str]) -> bool:
    """Whether some form starts ``word``: a set lookup per form length, not a scan of the lexicon."""
    return any(word[:n] in forms for n in _lengths(forms) if n <= len(word))


@cache
def _long_foreign() -> frozenset[str]:
    return frozenset(f for f in foreign()[0] if len(f) >= 2)


@cache
def _place_prefixes() -> frozenset[str]:
    return frozenset(place_forms())


def mentions_foreign(word: str) -> bool:
    """应印度|总理: a would-be name that contains a country's name."""
    full = _long_foreign()
    return any(word[i : i + n] in full for n in _lengths(full) for i in range(len(word) - n + 1))


@lru_cache(maxsize=65536)
def is_foreign_org(org: str) -> bool:
    """美国财政部, 印度, 世界卫生组织, 俄: an organ outside China (a 驻美国 embassy post is China's own)."""
    org = org.removeprefix("前").removeprefix("时任")
    full, short = foreign()
    if not org:
        return False
    if "驻" in org:  # 中国驻法国大使 is China's; 秘鲁驻华大使 and 俄驻美大使 are not
        sender = org[: org.index("驻")]
        return "驻华" in org or "驻京" in org or (bool(sender) and is_foreign_org(sender))
    if org in short or (_has_prefix(org, full) and not township_opened(org)):
        return True
    # 俄国防部, 乌国防: a one-character country before a ministry
    if org[:1] in short and len(org) >= 3 and org[1:] in FOREIGN_MINISTRIES:
        return True
    # 东巴勒斯坦, 京同俄罗斯: the walk took a character too many; 日中经济协会, 美中关系全国委员会 name
    # the foreign side first. Not inside a Chinese place: 江苏丹阳 (苏丹), 内蒙古, 巴中市.
    if _has_prefix(org, _place_prefixes()):
        return False
    # A country starting at the second or third character (org[1 : len(f) + 2] holds it).
    long_ = _long_foreign()
    found = any(org[i : i + n] in long_ for n in _lengths(long_) for i in (1, 2) if i + n <= len(org))
    return found or (org[:1] in short and org[1:2] == "中")


# Characters of transliterated foreign names (普拉昌达, 阿玛尔巴伊斯格楞) that Han given names rarely use.
TRANSLIT = frozenset(_WORDS["translit"])


def looks_transliterated(name: str) -> bool:
    """Two or more transliteration characters in a name without a middle dot: a foreigner's name."""
    return "·" not in name and sum(c in TRANSLIT for c in name) >= 2


@cache
def place_forms() -> dict[str, tuple[str, str]]:
    """Province and city forms (北京, 北京市, 石家庄) → (level, canonical name)."""
    return {r[0]: (r[1], r[2]) for r in lexicons.rows("orgs.tsv") if r[1] in ("province", "city")}


# jieba's word frequencies, through the NLP layer (its light load cache, not jieba's marshal file); not cached
# here, so a word the user adds to jieba shows.
jieba_freq = word_freq


@cache
def _word_tags() -> dict[str, str]:
    """jieba.posseg's word → tag table, from the NLP layer's load cache: importing jieba.posseg here
    would re-read dict.txt, a second of CPU the first time an official's name is checked."""
    from policyie.nlp import tag_table

    return tag_table()


# Dictionary words tagged as names that follow a post as praise (习近平主席卓越领导下).
NOT_NAMES = frozenset(_WORDS["not-name"])
# Nouns that follow a post as part of a phrase (委员代表, 书记职务): never read as a name, even after a post.
AFTER_POST_WORDS = frozenset(_WORDS["after-post"])


# Prepositions a person's name follows as their object (同|普京总统一道, 主席同|伊姆兰|总理): the person is no subject there.
OBJECT_PREPOSITIONS = frozenset("同与跟向对给")


# Verbs of reporting that follow a name or a post (委员时强调, 书记时指出): never a given name, so a
# surname-like character before one (时, 向, 于) does not start a name.
REPORT_VERBS = frozenset(_WORDS["report-verb"])
# Collective nouns after 和: 汪洋和代表团全体成员 is a conjunction, not the last character of a name.
AFTER_AND = _WORDS["after-and"]


def is_common_word(w: str, min_freq: int = 30) -> bool:
    """强调, 单位, 高度: a dictionary word (at least ``min_freq`` in jieba's counts) that is not a name."""
    if w in NOT_NAMES:
        return True
    return jieba_freq().get(w, 0) >= min_freq and not _word_tags().get(w, "x").startswith("nr")


# The frequency in jieba's counts an adverb or verb glued onto a name's end needs (赞扬 616, 刚刚 4585).
_GLUED_VERB_FREQ = 300


def adverb_or_verb(pair: str) -> bool:
    """A word of two characters the dictionary tags an adverb or a verb, common enough to be the clause's."""
    return len(pair) == 2 and is_common_word(pair, _GLUED_VERB_FREQ) and _word_tags().get(pair, "")[:1] in ("d", "v")


def inside_common_word(an: Analysis, at: int) -> bool:
    """Whether a common word of the dictionary the segmenter read runs across ``at`` (地处|长江: 处; 乡镇: 镇), not a
    piece it could not place (改革|委主|任何)."""
    tok = an.token_at(at)
    return tok is not None and tok.start < at < tok.end and is_common_word(tok.text)


# A character the name statistics never saw: rare in running text, and rare characters are
# disproportionately name characters (寇昉), so only mildly unlikely.
UNSEEN_GIVEN = -1.0


def given_score(c: str) -> float:
    return name_chars().get(c, (UNSEEN_GIVEN, 0.0))[0] if c not in NOT_GIVEN else -9.0


def follow_score(text: str, pos: int) -> float:
    """How much ``text[pos:]`` looks like what comes right after a name."""
    if pos >= len(text) or HARD_BOUNDARY.match(text, pos):
        return 3.0
    c = text[pos]
    score = name_chars().get(c, (0.0, -1.0))[1]
    freq = jieba_freq()
    # A common word starting here (围绕, 一同, 强调) is strong evidence the name ended.
    for k in (4, 3, 2):
        w = text[pos : pos + k]
        if len(w) == k and freq.get(w, 0) >= 200 and HAN.match(w[-1]):
            score += 1.5
            break
    else:
        if c == "率" and FOLLOWER_WORDS.match(text, pos):
            score += 1.5  # 率|省政协视察组: "leading" the group that follows is as sure an end as 率领
    if c in NOT_GIVEN:
        score += 2.0
    return score


# Compound surnames (复姓). They are rare in the surname counts, so the rarity rule would drop them, and a
# name that starts with one is read with its two-character given name (司马|卫东, not 司|马卫).
COMPOUND_SURNAMES = frozenset(_WORDS["compound-surname"])
# Words that follow a name and start with a character a given name may also end in: 邵佳|一同, 王立|一行.
# (率 before a group it leads, 申屠棹|率视察组: the verb, not a given name's last character)
FOLLOWER_WORDS = lazy_pattern.compile(r"一同|一行|陪同|参加|出席|主持|同志|等人|一起|带队|关于|率(?=\p{Han}{0,5}?[组团队])")


def surname_at(text: str, pos: int) -> list[str]:
    """Surnames that could start at ``pos``, compound ones first."""
    sur = surnames()
    out = []
    three = text[pos : pos + 3]
    if len(three) == 3 and three in COMPOUND_SURNAMES:
        out.append(three)  # (侯莫陈, 可朱浑, 阿史那: the northern dynasties' surnames of three characters)
    two = text[pos : pos + 2]
    if len(two) == 2 and (two in sur or two in COMPOUND_SURNAMES):
        out.append(two)
    if pos < len(text) and text[pos] in sur and text[pos] not in NOT_SURNAME:
        out.append(text[pos])
    return out


@dataclass(frozen=True)
class NameGuess:
    start: int
    end: int
    score: float
    he_final: bool = False  # the name ends in a function character, 和 or 之 (魏凤和, 邵敬之)

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


def _per_spans(analysis: Analysis) -> tuple[set[tuple[int, int]], dict[int, list[int]]]:
    """PER entity spans, indexed once per analysis (a long article has thousands)."""
    cached = analysis.memo.get("per_spans")
    if cached is None:
        spans = {(e.start, e.end) for e in analysis.entities if e.label == "PER"}
        by_end: dict[int, list[int]] = {}
        for a, b in spans:
            by_end.setdefault(b, []).append(a)
        cached = (spans, by_end)
        analysis.memo["per_spans"] = cached
    return cached


def person_starts_ending_at(analysis: Analysis, end: int) -> list[int]:
    """Where the person entities (the NER's or the lexicon's) that end at ``end`` start."""
    return list(_per_spans(analysis)[1].get(end, ()))


def model_person_end(analysis: Analysis | None, start: int) -> int | None:
    """Where the statistical NER's person span that starts at ``start`` ends (`Analysis.ner`), if any."""
    if analysis is None or not analysis.ner:
        return None
    ends = analysis.memo.get("ner_person_ends")
    if ends is None:
        ends = {e.start: e.end for e in analysis.ner if e.label == "PER"}
        analysis.memo["ner_person_ends"] = ends
    return ends.get(start)


def _support(analysis: Analysis | None, start: int, end: int) -> float:
    """What the segmenter and NER say about text[start:end] being one name."""
    if analysis is None:
        return 0.0
    bonus = 0.0
    tok = analysis.token_at(start)
    if tok is not None and tok.start == start and tok.end == end:
        bonus += 0.5 if tok.pos.startswith(("nr", "un")) else 0.0
    if (start, end) in _per_spans(analysis)[0]:
        bonus += 0.5
    # A word the segmenter found running across the name's end argues against that end.
    after = analysis.token_at(end - 1)
    if after is not None and after.end > end and after.start >= start:
        # ... and so does a longer dictionary name from the same start (李克|强赴: jieba knows 李克强).
        longer_name = after.pos == "nr" and after.start == start and after.end - start <= 4
        if longer_name or not after.pos.startswith(("nr", "un")):
            bonus -= 1.5
    return bonus


# Characters that join a sentence, never inside a transliterated given name (阿不都 has 都, so not NOT_GIVEN).
SENTENCE_GLUE = frozenset(_WORDS["sentence-glue"])
# (one dot or more: 罗纳德·穆温达·穆特比二世; the part after the last ends as below)
MINORITY = lazy_pattern.compile(r"\p{Han}{1,6}(?:[·•・]\p{Han}{2,8}(?=[·•・]))*[·•・]\p{Han}{2,8}")


def _word_here(text: str, i: int, kinds: tuple[str, ...] = ("v", "d", "a", "p", "c")) -> bool:
    """A common word of two or three characters whose jieba tag opens with one of ``kinds`` starts at ``i``:
    by default a verb, adverb, adjective, preposition or conjunction; ("t",) asks for a time word (近日, 此前)."""
    freq, tags = jieba_freq(), _word_tags()
    for k in (2, 3):
        w = text[i : i + k]
        if len(w) == k and freq.get(w, 0) >= 300 and tags.get(w, "x").startswith(kinds):
            return True
    return False


def _minority_name(text: str, pos: int) -> NameGuess | None:
    """买买提·艾力 and the like: the part after the dot ends where a follower word starts."""
    m = MINORITY.match(text, pos)
    if m is None:
        return None
    dot = max(text.rfind(d, pos, m.end()) for d in "·•・")
    if any(c in SENTENCE_GLUE for c in text[pos:dot]) and not _mongolian_parts(text[pos:dot]):
        # 李强致电基尔·斯塔默: a sentence runs into a foreign name, no name starts here (苏和·巴雅尔: 和 ends a
        # Mongolian name's part)
        return None
    if (adverb_or_verb(text[dot + 2 : dot + 4]) or CLEAR_FOLLOWERS.match(text, dot + 2)) \
            and name_runs.translit_odds(text[dot + 1 : dot + 3]) < 1.0:
        # 伊姆兰·汗|邀请, 特雷莎·梅|支持, 阿伊莎·汗|代表…: a last part of one character, where it and the verb's first
        # character, or a clear follower's, read as no transliteration (not 何塞·维加|强调: 维加 does)
        return NameGuess(pos, dot + 2, 3.0)
    # The part after the dot ends before a common verb or adverb (吐尼亚孜|陪同, 扎克尔|接受, 白克力|严重).
    # A clear follower wins (格列朗杰|出席, not 格列朗|杰出).
    stop = next((i for i in range(dot + 3, m.end()) if CLEAR_FOLLOWERS.match(text, i)), None)
    if stop is None:
        stop = next(
            (i for i in range(dot + 1, m.end()) if text[i] in NOT_GIVEN or (i > dot + 2 and _word_here(text, i))), m.end()
        )
    # (…阿马尼|受轻伤, …阿马尼|受邀出席: a character no transliteration holds, after two that do, is the clause's)
    table = name_runs.translit_table()
    stop = next((i for i in range(dot + 3, stop) if text[i] not in table), stop)
    if stop - dot < 3:
        return None
    ends = range(dot + 3, stop + 1)
    # A time word, a preposition or a common verb ends it too (大卫·纳巴罗|近日在…, 川・立派|通过视频|对…, 伊本·奥夫|发表
    # 电视|讲话), though a clear follower comes after it.
    best = next((e for e in ends if follow_score(text, e) >= 1.5 or _word_here(text, e, ("t", "p", "v"))), stop)
    # 吐尔洪·阿不都克热木，: what a follower's character (都) would cut off reads as a transliteration's syllables up
    # to where the name clearly ends, so the name runs on to there (not 买买提·艾力|都在现场)
    clear = next((i for i in range(best + 2, m.end()) if CLEAR_FOLLOWERS.match(text, i)), m.end())
    if clear - best >= 2 and clear_follower(text, clear) and name_runs.translit_odds(text[best:clear]) > 0.5:
        best = clear
    return NameGuess(pos, best, 3.0)


# What a name is followed by in a report: punctuation or one of these. Evidence strong enough to take
# 魏凤和 (和 ends the name: 和出席 cannot be "and attended") and a name that is also a word (副市长马力参加).
CLEAR_FOLLOWERS = lazy_pattern.compile(
    r"[^\p{Han}]|一行|一同|陪同|参加|参与|联名|出席|主持|列席|等|同志|指出|强调|表示|介绍|讲话|会见|会谈|来到|深入|前往|到|在|赴|率|带队|"
    r"宣布|致辞|作|代表|调研|检查|察看|考察|看望|慰问|就|对|说|并|也|还|分别|先后|围绕|听取|通报|告诉|汇报|坦言|谈到|共同|"
    r"结束|抵达|应邀|随团|随同|关于"  # (…萨巴赫|结束对华国事访问, …抵达北京, …应邀出席, …随团访问: what a visiting
    # office-holder does; …副秘书长X|关于…的说明: the report a speaker makes)
)


# Function characters that are also common inside given names (向阳, 和平, 为民).
NAME_MIDDLE = frozenset(_WORDS["name-middle"])


def clear_follower(text: str, pos: int) -> bool:
    return pos >= len(text) or CLEAR_FOLLOWERS.match(text, pos) is not None


def _function_final(text: str, pos: int, sur: str) -> bool:
    """张国和出席, 邵敬之陪同: a function character, 和 or 之, ends a three-character name where a clear follower
    comes right after it (之后, 之间, 之一 are no followers); after 和, only where what follows cannot be a second
    conjunct."""
    end = pos + len(sur) + 2
    last = text[end - 1 : end]
    if last not in ("和", "之") or not HAN.match(text[end - 2 : end - 1] or " ") or text[end - 2] in NOT_GIVEN:
        return False
    if not clear_follower(text, end) or text[end : end + 1] == "的":
        return False
    return last == "之" or (name_at(text, end, strict=True) is None and not text.startswith(AFTER_AND, end)
                            and text[end : end + 2] not in ("在京", "在内"))


# Elements of Tibetan personal names, which have no surname and pair two elements (洛桑江村, 白玛赤林).
TIBETAN = frozenset(_WORDS["tibetan"])


# Elements of Mongolian personal names, which have no surname and join two or three elements
# (乌日图那顺, 巴特孟和, 图门吉日嘎拉). General knowledge of common elements.
MONGOLIAN = frozenset(_WORDS["mongolian"])


def _mongolian_parts(run: str) -> bool:
    """Whether ``run`` is one or two elements of Mongolian names (苏和, 巴特孟和)."""
    return run in MONGOLIAN or any(run[:k] in MONGOLIAN and run[k:] in MONGOLIAN for k in range(1, len(run)))


def _mongolian_name(text: str, pos: int) -> NameGuess | None:
    """乌日图那顺: two or three Mongolian name elements in a row, ending where a follower starts."""
    end = pos
    parts = 0
    while parts < 3:
        step = next((k for k in (4, 3, 2) if len(text) >= end + k and text[end : end + k] in MONGOLIAN), 0)
        if not step:
            break
        end += step
        parts += 1
    if parts and text[end : end + 1] == _HAVING and (clear_follower(text, end + 1) or end + 1 >= len(text)):
        return NameGuess(pos, end + 1, 3.0)  # 吉日嘎拉|图: an element and the suffix -tu ("having"), a name of its own
    if parts >= 2 and (clear_follower(text, end) or end >= len(text)):
        return NameGuess(pos, end, 3.0)
    return None


# The Mongolian suffix -tu/-tü ("having"), which makes a name of any element (吉日嘎拉图, 朝克图, 巴雅尔图).
_HAVING = "图"


# Yi family names of two characters (吉克, 沙马), before a given name of one or two characters.
YI_SURNAMES = frozenset(_WORDS["yi-surname"])


def _yi_name(text: str, pos: int) -> NameGuess | None:
    """吉克阿果告诉…: a Yi family name and a given name, ended by a follower (the longer reading first)."""
    if text[pos : pos + 2] not in YI_SURNAMES:
        return None
    for glen in (2, 1):
        end = pos + 2 + glen
        if end <= len(text) and all(HAN.match(c) and c not in NOT_GIVEN for c in text[pos + 2 : end]) \
                and clear_follower(text, end):
            return NameGuess(pos, end, 3.0)
    return None


# The one syllable Amdo names end an element with (旦正草, 才让太, 拉毛吉, 多杰加, 南加本: mtsho, thar, skyid, rgyal, 'bum …).
_AMDO_LAST = frozenset("草措毛吉加太本杰卓")


def _tibetan_name(text: str, pos: int) -> NameGuess | None:
    """洛桑江村: two Tibetan name elements in a row; an element and an Amdo name's last syllable (旦正草); or one alone,
    ended by a follower (州长|呷绒|一同调研: a name of one element, as Kham names often are)."""
    for k in (2, 3):
        head = text[pos : pos + k]
        if head in TIBETAN:
            for j in (2, 3):
                tail = text[pos + k : pos + k + j]
                if len(tail) == j and tail in TIBETAN:
                    return NameGuess(pos, pos + k + j, 3.0)
            if text[pos + k : pos + k + 1] in _AMDO_LAST and clear_follower(text, pos + k + 1):
                return NameGuess(pos, pos + k + 1, 3.0)  # 旦正|草, 才让|太, 拉毛|吉: an element and an Amdo name's last syllable
            if clear_follower(text, pos + k):
                return NameGuess(pos, pos + k, 3.0)
    return None


def minority_name_at(text: str, pos: int) -> NameGuess | None:
    """A Uyghur, Tibetan, Mongolian or Yi name starting at ``pos`` (by its name parts), or None."""
    return _minority_name(text, pos) or _tibetan_name(text, pos) or _mongolian_name(text, pos) or _yi_name(text, pos)


# How often jieba's dictionary must list a compound surname for it to be a word first (东方, 西门), not a name's opening
_COMPOUND_AS_WORD = 900


# Measure words that count people (位, 名) and the numerals before them.
_COUNTING_MEASURES = frozenset("位名")
_NUMERAL_BEFORE = lazy_pattern.compile(r"[\d一二两三四五六七八九十百几多数]")


def name_at(
    text: str, pos: int, analysis: Analysis | None = None, *, strict: bool = True, after_post: bool = False
) -> NameGuess | None:
    """The most likely personal name starting at ``pos``, or None.

    ``after_post``: a post title ends right at ``pos`` (副市长|马力), context enough to read a
    two-character dictionary word as a name when a clear follower (参加, 、) ends it.
    """
    minority = minority_name_at(text, pos)
    if minority is not None:
        return minority
    if 0 < pos < len(text) and text[pos] in _COUNTING_MEASURES and _NUMERAL_BEFORE.match(text[pos - 1]):
        return None  # 5位|内阁副总理, 三名|市委常委: a count of people, the measure word no surname
    best: NameGuess | None = None
    best_sur = ""
    if after_post and not surname_at(text, pos):
        function_led = _function_surname_name(text, pos, analysis)
        if function_led is not None:
            return function_led
    unlisted = _unlisted_surname(text, pos, analysis) if after_post else None
    pair = _unlisted_compound(text, pos) if after_post else None
    for sur in [*(surname_at(text, pos) or ([unlisted] if unlisted else [])), *([pair] if pair else [])]:
        for glen in (1, 2):
            end = pos + len(sur) + glen
            given = text[pos + len(sur) : end]
            if len(given) < glen or not all(HAN.match(c) for c in given) or given in REPORT_VERBS or given == sur \
                    or (sur == "时" and given[0] == "所"):
                continue  # (殷殷嘱托: a doubled character is a word, not a surname and its given name; 会见…行政长官|时所|强调的:
                # the time clause's 时 and the 所 before its verb)
            if analysis is not None and _opens_with_function_word(analysis, pos, end, len(sur)):
                continue  # 党组成员|尤其|要: an adverb runs from the surname into the name
            he = glen == 2 and _function_final(text, pos, sur)
            if he:
                score = given_score(given[0]) + 5.0
            elif glen == 2 and given[0] in NAME_MIDDLE and given_score(given[1]) > 0 and clear_follower(text, end):
                # 辛向阳，张和平出席: a function character inside a name, closed off by a clear follower
                score = given_score(given[1]) + follow_score(text, end) - 0.5
            else:
                score = sum(given_score(c) for c in given) / glen + follow_score(text, end)
            score += _support(analysis, pos, end)
            if glen == 1:
                # Two-character names are rarer than three; the next character must look like a follower.
                score -= 0.5
            elif FOLLOWER_WORDS.match(text, end - 1) and clear_follower(text, end - 1):
                score -= 3.0  # 邵佳一|同: the last character opens the word that follows the name
            if sur == pair and (glen == 1 or not clear_follower(text, end)
                                or min(given_score(c) for c in given) < UNSEEN_GIVEN):
                continue  # (an unlisted compound surname only with a given name of two closed off where it ends)
            compound = sur in COMPOUND_SURNAMES or sur == pair
            if not compound and text[pos:end] in COMPOUND_SURNAMES:
                continue  # 皇甫|建国: a compound surname alone is no one's full name
            if compound:
                score += 1.0 if glen == 2 else 0.0  # 司马|卫东 over 司马|卫
                if after_post and jieba_freq().get(sur, 0) < _COMPOUND_AS_WORD and _word_tags().get(sur) != "m":
                    score += 1.5  # 县长|鲜于澈: after a post, a compound surname (not a word: 东方, 第五) opens a name
            elif sur == unlisted:
                if not clear_follower(text, end) or min(given_score(c) for c in given) < UNSEEN_GIVEN:
                    continue  # 区长|妫|骁到: a surname no list holds needs its name closed off where it ends
            elif surnames().get(sur, 0) < RARE_SURNAME and _support(analysis, pos, end) <= 0 and not (
                    after_post and _bound_surname(analysis, pos, end) and clear_follower(text, end)):
                continue
            if is_common_word(text[pos:end]) and not (
                after_post and glen == 1 and surnames().get(sur, 0) >= 100 and _word_name_ok(text, pos, end)
            ):
                continue
            if best is None or score > best.score:
                best, best_sur = NameGuess(pos, end, score, he), sur
    if best is None:
        return None
    given = text[pos + len(best_sur) : best.end]
    if best.he_final:
        given = given[:-1]
    if len(given) == 2 and given[0] in NAME_MIDDLE:
        given = given[1:]
    if strict and (min(given_score(c) for c in given) < -3.0 or best.score < 0.0):
        return None
    return best


# A local head's post (副省长, 县长, 副区长, 局长 …): news writes it after the name of someone on the spot (倪珂副县长汇报),
# which the officials read and the events' companions and speakers look past; one spelling for both.
LOCAL_HEAD_POST = lazy_pattern.compile(r"副?(?:省|县|市|区|州|旗|盟|镇|乡|局|处|厅)长")


# How jieba tags a rare surname it leaves alone: a bound morpheme (厍 g), a suffix (者 k), a proper noun (沐 nz), a
# name's piece (区长|虢|珽|带队: nr), or a character it has no tag for (娜 x, the Dai women's name prefix: 副县长|娜|妥琰|一同).
_LONE_SURNAME_TAGS = frozenset(("g", "zg", "ng", "k", "nz", "nr", "x"))


# The tags of a one-character given name the segmenter leaves alone after such a surname: a bound morpheme.
_LONE_GIVEN_TAGS = frozenset(("g", "zg", "ng"))
_WORD_GIVEN_TAGS = frozenset(("a", "n", "nr", "nz"))


_RARE_SURNAME_CHAR_FREQ = 1000  # (妫 237, 剡 121; a character of the running text counts thousands)


def _unlisted_compound(text: str, pos: int) -> str | None:
    """县委书记|公孟|启航|到…: right after a post, two characters whose first opens many compound surnames and is a
    rare surname alone (公, 司, 东 …) may be a compound surname no list holds (公孟), where a given name of two
    characters closed off by a clear follower comes after them (the caller checks that)."""
    head = text[pos : pos + 2]
    if len(head) < 2 or head in COMPOUND_SURNAMES or not all(HAN.match(c) for c in head):
        return None
    return head if _compound_firsts().get(head[0], 0) >= 3 and surnames().get(head[0], 0) < 100 else None


@cache
def _compound_firsts() -> dict[str, int]:
    """How many listed compound surnames each character opens."""
    out: dict[str, int] = {}
    for s in COMPOUND_SURNAMES:
        if len(s) == 2:
            out[s[0]] = out.get(s[0], 0) + 1
    return out


def _unlisted_surname(text: str, pos: int, analysis: Analysis | None) -> str | None:
    """区长|妫|骁到: right after a post, a character no surname list holds (the lists miss rare ones: 妫, 剡), rare in
    running text, that the segmenter leaves alone as a bound morpheme or opens a name with: read as a surname."""
    c = text[pos : pos + 1]
    tok = analysis.token_at(pos) if analysis is not None and c else None
    if tok is None or tok.start != pos or not (
            (tok.end == pos + 1 and tok.pos in _LONE_SURNAME_TAGS) or (tok.end - pos in (2, 3) and tok.pos in ("un", "nr"))):
        return None  # (区长|剡琛|主持: or the name is one word the segmenter does not know)
    if c in surnames() or c in NOT_SURNAME or c in NOT_GIVEN or not HAN.match(c) or jieba_freq().get(c, 0) >= _RARE_SURNAME_CHAR_FREQ:
        return None
    return c


def _bound_surname(analysis: Analysis | None, pos: int, end: int) -> bool:
    """乡长|厍|远帆|陪同: a rare surname the segmenter leaves alone as a bound morpheme (no word of its own), the
    given name after it one unknown word (or one character it leaves alone too: 副省长|缑|璈|在): the segmenter has
    nothing else to read there."""
    if analysis is None:
        return False
    sur, given = analysis.token_at(pos), analysis.token_at(end - 1)
    return sur is not None and given is not None and (sur.start, sur.end) == (pos, pos + 1) \
        and sur.pos in _LONE_SURNAME_TAGS and (given.start, given.end) == (pos + 1, end) and (
            given.pos == "un" or (end - pos == 2 and given.pos in _LONE_GIVEN_TAGS)
            # (县委书记|迮|宏远|到: a given name that is also a word of the dictionary, a noun or an adjective made of
            # characters names use)
            or (end - pos == 3 and given.pos in _WORD_GIVEN_TAGS and min(given_score(c) for c in given.text) > 0))


def _function_surname_name(text: str, pos: int, analysis: Analysis | None = None) -> NameGuess | None:
    """区长|向春华，: right after a post, a function character that is also a surname (向, 于, 和 …) starts a
    name when two given-name characters that make no common word follow and a clear follower closes them, or the
    NER reads them as a person (党总支书记|和正军|拉家常: a Naxi surname) (区长向记者介绍, 县长向群众… stay
    function words)."""
    sur = text[pos : pos + 1]
    if sur not in NOT_SURNAME or surnames().get(sur, 0) < RARE_SURNAME:
        return None
    two = text[pos : pos + 2]
    if HAN.match(two[1:] or " ") and (given_score(two[1]) > 0 or _rare_given(two[1], analysis, pos)) \
            and clear_follower(text, pos + 2) and jieba_freq().get(two, 0) == 0 \
            and not (analysis is not None and _lone_adverbs(analysis, pos, pos + 2)):
        return NameGuess(pos, pos + 2, 1.0)  # 区委书记|于波|作讲话: a one-character given name (not 来华出席, 都|曾|在)
    given = text[pos + 1 : pos + 3]
    # (a given name that is a word, 向|远山, is one where the article writes the three characters again and again:
    # a preposition and its object are not repeated so)
    if len(given) < 2 or not all(HAN.match(c) for c in given) or given in REPORT_VERBS or (
            is_common_word(given) and text.count(text[pos : pos + 3]) < 3):
        return None
    closed = clear_follower(text, pos + 3) or model_person_end(analysis, pos + 1) == pos + 3
    if min(given_score(c) for c in given) <= 0 or not closed or FOLLOWER_WORDS.match(text, pos + 2):
        return None
    return NameGuess(pos, pos + 3, 1.0)


# Below this many uses in jieba's dictionary a character the name statistics never saw is a rare name character
# (瑭, 瑀), not a word of the running text.
_RARE_CHAR_FREQ = 100


def _rare_given(c: str, analysis: Analysis | None, pos: int) -> bool:
    """副县长|那瑭|陪同: a one-character given name the name statistics never saw, rare in running text, that the
    segmenter reads with the surname as one name."""
    if analysis is None or c in name_chars() or jieba_freq().get(c, 0) >= _RARE_CHAR_FREQ:
        return False
    pair, lone = analysis.token_at(pos), analysis.token_at(pos + 1)
    # (or it leaves the character alone, a bound morpheme or unknown: 那|瑀|陪同)
    return pair is not None and (pair.start, pair.end) == (pos, pos + 2) and pair.pos.startswith(("nr", "un")) \
        or lone is not None and (lone.start, lone.end) == (pos + 1, pos + 2) and (lone.pos in _LONE_GIVEN_TAGS or lone.pos in ("un", "x"))


def _word_name_ok(text: str, pos: int, end: int) -> bool:
    """副市长文献、…, 区长文献一行: a noun that is also a name, closed off by a clear follower."""
    word = text[pos:end]
    tag = _word_tags().get(word, "x")
    return word not in AFTER_POST_WORDS and tag.startswith(("n", "x")) and clear_follower(text, end)


def _verbs_overlapping(name: str) -> bool:
    """回想起: three characters whose first two and last two are both common verbs or adverbs (回想, 想起) are a verb
    phrase the model read as a name, not a surname and a given name."""
    return len(name) == 3 and adverb_or_verb(name[:2]) and adverb_or_verb(name[1:])


def name_ending_at(text: str, end: int, analysis: Analysis | None = None) -> NameGuess | None:
    """A name that ends right before ``end`` (习近平|总书记): the segmenter or NER must agree."""
    if analysis is None or text[end - 1 : end] in NOT_GIVEN:
        return None  # 张晓宏向|总书记汇报: a function character before the post makes it someone else's
    tok = analysis.token_at(end - 1)
    cands = []
    if tok is not None and tok.end == end and tok.pos.startswith(("nr", "un")) and 2 <= len(tok.text) <= 4:
        cands.append(tok.start)
    cands += [a for a in _per_spans(analysis)[1].get(end, []) if 2 <= end - a <= 4]
    # The longest first: the NER's 范明政 over jieba's 范|明政, whose 明 is a surname too.
    for start in sorted(set(cands)):
        if text[start:end] in NOT_NAMES or _verbs_overlapping(text[start:end]):
            continue  # 荣誉|主席: jieba tags the honour nr; 回想起|总书记: two verbs, no surname and name
        if any(a < start < b for a, b in _per_spans(analysis)[0]):
            continue  # 埃尔多|安对习|主席: the span opens inside a person the NER read (埃尔多安)
        sur = surname_at(text, start)
        # 奥利总理, 拜登总统: a surname this rare before a post is more often a transliteration.
        if sur and surnames().get(sur[0], 0) >= RARE_SURNAME:
            return NameGuess(start, end, 1.0)
    # The segmenter may cut the name up (栗|战书|委员长): at a clause start, the name model decides.
    for k in (3, 2):
        start = end - k
        if start < 0 or (start > 0 and HAN.match(text[start - 1])):
            continue
        g = name_at(text, start, analysis)
        if g is not None and g.end == end and surnames().get(surname_at(text, start)[0], 0) >= RARE_SURNAME \
                and not _opens_with_function_word(analysis, start, end) and not _verbs_overlapping(text[start:end]):
            return NameGuess(start, end, 1.0)
    return None


# The tags of a word that opens a clause but no name: a verb, a preposition, a conjunction, an adverb, a pronoun.
_FUNCTION_TAGS = ("v", "p", "c", "d", "r")
# ... common enough in jieba's counts to be the clause's word (回应 548, 包括 24052), not a surname and a rare verb
# of a real name (应承 139: 县长|应承泽).
_FUNCTION_WORD_FREQ = 500


def _lone_adverbs(analysis: Analysis, start: int, end: int) -> bool:
    """Whether every character of the span is a word of its own the segmenter tags an adverb (都|曾, 也|曾)."""
    toks = [analysis.token_at(i) for i in range(start, end)]
    return all(t is not None and t.end - t.start == 1 and t.pos == "d" for t in toks)


def _opens_with_function_word(analysis: Analysis, start: int, end: int, surname: int = 1) -> bool:
    """包括|俄|总理, 但是|美|总统: a verb or function word of the dictionary the segmenter read from the clause's first
    character to inside the span opens the clause; its first character is no surname there (a compound surname the
    dictionary holds as a word, 独孤, 鲜于, is the surname)."""
    tok = analysis.token_at(start)
    return tok is not None and tok.start == start and max(2, surname + 1) <= tok.end - start < end - start \
        and tok.pos.startswith(_FUNCTION_TAGS) and is_common_word(tok.text, _FUNCTION_WORD_FREQ)


def split_run(run: str) -> list[str] | None:
    """Split names written together (祁梦竹范俊生 → 祁梦竹, 范俊生); None when it is not a run of names."""
    n = len(run)
    if n < 2 or not all(HAN.match(c) for c in run):
        return None
    sur = surnames()
    # best[i] = (score, names) for run[:i]
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        if best[i] is None:
            continue
        for s in surname_at(run, i):
            for glen in (1, 2):
                j = i + len(s) + glen
                if j > n:
                    continue
                given = run[i + len(s) : j]
                if any(c in NOT_GIVEN for c in given):
                    continue
                f = sur.get(s, 0)  # (a compound surname the counts lack: 梁丘; one of three characters, 侯莫陈, no
                # word or pair of names spells, is worth more than a common surname, or 侯|莫 and 陈… read two names)
                part = (3.0 if len(s) == 3 else 2.0 if f > 1000 else 1.0 if f > 100 else 0.0) + \
                    sum(given_score(c) for c in given) / glen
                part += 0.4 if glen == 2 else 0.0
                score = best[i][0] + part - 1.0  # each extra name costs
                if best[j] is None or score > best[j][0]:
                    best[j] = (score, best[i][1] + [run[i:j]])
    if best[n] is None:
        return None
    return best[n][1]


# ---------------------------------------------------------------------------------------------
# 他强调 → the last official named as a subject


# What follows a companion (X一同, X陪同, X等): a mention that is no subject a pronoun refers to.
COMPANION_AFTER = _WORDS["companion-after"]


def _mention_index(ctx: Context) -> list[tuple[int, int, str]]:
    """Official mentions sorted by position, built once per officials list."""
    key = id(ctx.doc.officials)
    cached = ctx.memo.get("official_mentions")
    if cached is None or cached[0] != key:
        ms = sorted((m.start, m.end, o.name) for o in ctx.doc.officials for m in o.mentions)
        cached = (key, ms, [m[0] for m in ms])
        ctx.memo["official_mentions"] = cached
    return cached[1]


# 郭嘉昆：… at a line's start: the speaker of a transcript.
_SPEAKER_LABEL = lazy_pattern.compile(r"(?m)^[\s　]*(\p{Han}{2,4}|\p{Han}{2,8}·\p{Han}{2,8})[:：]")


def transcript_speakers(text: str) -> list[str]:
    """The names that open lines as a transcript's speaker labels (郭嘉昆：…), in order."""
    return _SPEAKER_LABEL.findall(text)


# 村党支部书记边巴扎西告诉他…: who speaks to "him" is not whom the next 他 means.
_ADDRESSES = lazy_pattern.compile(r"(?:告诉|向|对|给|为)[他她]")
# 在村党总支书记李阿黑家中，他…; 他…，听取村党支部书记敖德胜介绍; 与村党支部书记吉格木德交流; 她…叮嘱村党支部
# 书记唐三妹要…: in a sentence whose subject is a pronoun, an official after one of these in his clause is whom
# the subject meets, not the subject.
_MET_BEFORE = lazy_pattern.compile(
    r"(?:在|听取|与|同|和|向|看望|慰问|走访|走进|来到|叮嘱|嘱咐|勉励|鼓励|要求|询问|会见|接见|拜会)[^，。；！？、\n]{0,16}$")
# (会见|威廉-亚历山大时，韩正…，他表示: the guest received is met, not the pronoun's speaker)
_PRONOUN = lazy_pattern.compile(r"[他她](?!们)")
# 段崇岳|出席并讲话, 李强|发表主旨演讲: who spoke at the gathering the sentence reports.
_SPOKE_AFTER = lazy_pattern.compile(r"[^，,。；;！？\n]{0,12}?(?:并|，)?(?:发表|作)(?:了)?(?:重要|主旨)?(?:讲话|演讲|致辞)|"
                             r"[^，,。；;！？\n]{0,8}?(?:出席|参加)(?:会议|活动)?并讲话")


# 在孝感市委书记冼承麟和大悟县委书记闻晚舟陪同下，裴映潭…。她指出: who escorts the subject is not whom 她 means.
# (the one escorted comes before the frame: 林珏|在…吴嵘陪同下 is the subject, not an escort)
_ESCORTS = lazy_pattern.compile(r"(?!在)[^，,。；;！？\n]{0,30}?陪同下")


def _met(text: str, start: int, sent: tuple[int, int]) -> bool:
    """The official mentioned at ``start`` is someone the sentence's pronoun subject meets."""
    if not _PRONOUN.search(text, sent[0], sent[1]):
        return False
    return _MET_BEFORE.search(text, max(sent[0], start - 17), start) is not None


def resolve_pronoun(ctx: Context, pos: int) -> str | None:
    """The official a pronoun at ``pos`` (他/她) refers to: the last one mentioned as a subject before it.

    Prefers the first official earlier in the same sentence; otherwise the first official of the
    nearest sentence before that names one and is not only listing companions (…一同调研, …参加).
    """
    mentions = _mention_index(ctx)
    starts = ctx.memo["official_mentions"][2]
    i = bisect_left(starts, pos)
    if i == 0:
        return None
    text, an = ctx.text, ctx.analysis
    sent = an.sentence_at(pos)
    j = bisect_left(starts, sent[0])
    for m in mentions[j:i]:
        if not _met(text, m[0], sent) and not _ESCORTS.match(text, m[1]):
            return m[2]
    k = i - 1
    # Walk back sentence by sentence; a bounded walk keeps long articles linear.
    for _ in range(20):
        if k < 0:
            break
        sent = an.sentence_at(mentions[k][0])
        first = bisect_left(starts, sent[0])
        spoke = [m for m in mentions[first : k + 1] if _SPOKE_AFTER.match(text, m[1])]
        if spoke:
            return spoke[0][2]  # 牛文斌主持会议，段崇岳出席并讲话。他强调…: the one who spoke, not the chair
        for m in mentions[first : k + 1]:
            if not text.startswith(COMPANION_AFTER, m[1]) and not _ADDRESSES.match(text, m[1]) \
                    and not _met(text, m[0], sent) and not _ESCORTS.match(text, m[1]):
                return m[2]
        k = first - 1
    return mentions[i - 1][2]
