"""Officials named without a title (SPEC.md §3): who they are, and which rule says so.

A name with no post beside it is an official when

* **a list of officials holds it** (``list:untitled``): 列席的有…, 出席会议的还有…, 参加…的有… introduce
  names of office-holders, read one by one up to the end of the list; or
* **the knowledge base knows the person** as an office-holder around the article's date, and the
  sentence treats the name as a person (``kb:untitled``): a word boundary on both sides and a list
  separator, a verb of attending or speaking (陪同, 参加, 出席, 会见, 强调 …), or a further official beside
  it. A common name the KB knows, written where no such support is, is not promoted; or
* **the formula of the Party's leadership names them** (``formula:untitled``): 以习近平同志为核心的党中央,
  以胡锦涛同志为总书记的党中央 name the general secretary, who holds the post by what the formula says.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from policyie import lazy_pattern, lexicons
from policyie.extractors._foreign import JOINERS, countries
from policyie.extractors._literals import Literals
from policyie.extractors._people import HAN, clear_follower, is_common_word, name_at
from policyie.extractors._spans import in_work_title

# Openers of a list of office-holders written without their posts.
LIST_INTRO = lazy_pattern.compile(
    r"(?:列席(?:会议)?的(?:还)?有|(?:出席|参加|陪同)[^，,。；;\n]{0,20}?的(?:还)?有|(?:出席|参加|列席|陪同)(?:人员|领导)有)[：:，,]?"
)
SEP = lazy_pattern.compile(r"、|，(?=[\p{Han}]{2,4}(?:[、，]|等|同志))|和|及")
# What a person does in a report (a verb a person does, 同志 after the name)…
_PERSON_ACTS = (r"同志|陪同|一同|参加|出席|列席|主持|会见|会谈|会晤|通电话|考察|调研|视察|检查|看望|慰问|"
                r"强调|指出|表示|要求|讲话|致辞|说|带队|分别|先后")
# …or a list's separator or a preposition after the name: enough to read a known office-holder's bare name as theirs.
PERSON_VERBS = lazy_pattern.compile(rf"[、，,]|和|及|等|{_PERSON_ACTS}|在|到|赴|率|同")
LEFT_OK = frozenset("、，,。；;：:（(“”\"' \n\t和及与同由请向对")


# A sentence that is only a list of names and their attending (朱丹、罗斌参加。) reports officials joining.
ATTENDING = lazy_pattern.compile(
    r"(?:等)?(?:分别|均|也|还|都)?(?:一同)?(?:参加|陪同|出席|列席)(?:上述)?(?:会议|会见|会谈|活动|调研|检查|考察|座谈|仪式|视察)?[。；;\n]"
)
_LIST_ITEM = lazy_pattern.compile(r"\p{Han}{2,4}(?=、|$)")
# The side a list of names is on, written right before it (中方, 俄方, 双方).
_SIDE = lazy_pattern.compile("[" + "".join(lexicons.lists("name_words.tsv")["side"]) + "]方")
SENTENCE_OPEN = frozenset("。；;！!？?\n")
# A time opening the attending sentence before its list (当天，蔡奇、王毅等参加上述活动。).
_TIME_OPENER = lazy_pattern.compile(
    r"[\s　]*(?:当天|当日|同日|同一天|随后|此前|会前|会后|会谈后|会见后|(?:\d{1,2}日)?(?:上午|下午|晚上|晚)|\d{1,2}日)[，,]")
# Characters a division's name ends in and a person's given name does not.
_DIVISION_ENDS = frozenset("市县省乡旗")


def attending_list(text: str) -> list[tuple[str, int]]:
    """(name, start) of two or more names that open a sentence and do nothing but attend: 朱丹、罗斌参加。"""
    out: list[tuple[str, int]] = []
    for am in ATTENDING.finditer(text):
        # Only the short sentence that ends in the attending verb is read, from its start; or from its last 以及, where
        # the guest's side is listed before it with its titles (外交部长苏妮塔·巴斯内特，以及|吴政隆、王毅等参加…).
        lo = max(text.rfind(c, max(0, am.start() - 40), am.start()) for c in "。；;！!？?\n") + 1
        names = _attending_from(text, lo, am.start())
        if not names and (opener := _TIME_OPENER.match(text, lo)) is not None:
            names = _attending_from(text, opener.end(), am.start())  # 当天，|蔡奇、王毅等参加上述活动
        if not names and (also := text.rfind("以及", lo, am.start())) > lo:
            names = _attending_from(text, also + 2, am.start())
        out.extend(names)
    return out


def _attending_from(text: str, lo: int, verb: int) -> list[tuple[str, int]]:
    """The names of an attending list that runs from ``lo`` up to the attending verb at ``verb``, or []."""
    pos, names, strict = lo, [], 0
    if (side := _SIDE.match(text, lo)) is not None and _LIST_ITEM.match(text, side.end(), verb):
        pos = side.end()  # 中方|王毅、吴政隆等参加: the side the names are on opens the sentence
    while pos < verb:
        g = name_at(text, pos, strict=True)
        item = _LIST_ITEM.match(text, pos, verb)
        if g is not None and (item is None or g.end == item.end() or text[g.end : g.end + 1] in "、和及"):
            strict += 1
            g_start, g_end = g.start, g.end
        else:
            # 吉克阿果、马晓东陪同调研: a name outside the surname lists (Yi, Tibetan, Uyghur clan names)
            # is read as one item of the list, as long as another item is a regular name.
            if item is None:
                break
            g_start, g_end = item.start(), item.end()
        if text[g_end - 1] in _DIVISION_ENDS:
            break  # 福鼎市、霞浦县参加: the counties whose people attend, not names
        names.append((text[g_start:g_end], g_start))
        if text[g_end : g_end + 1] not in ("、", "和", "及"):
            pos = g_end
            break
        pos = g_end + 1
    return names if len(names) >= 2 and strict and pos == verb else []


def list_names(text: str) -> list[tuple[str, int]]:
    """(name, start) of the names in lists of officials introduced by 列席的有, 出席…的还有 and the like."""
    out: list[tuple[str, int]] = attending_list(text)
    for m in LIST_INTRO.finditer(text):
        pos = m.end()
        while pos < len(text):
            g = name_at(text, pos, strict=True)
            if g is None or not clear_follower(text, g.end):
                break
            out.append((text[g.start : g.end], g.start))
            sep = SEP.match(text, g.end)
            if sep is None:
                break
            pos = sep.end()
    return out


# 以习近平同志为核心的党中央, 以胡锦涛同志为总书记的党中央: the formula names the leader of the Party's centre, an
# office-holder whether or not the KB lists them.
CORE_FORMULA = lazy_pattern.compile(r"以(\p{Han}{2,4})同志为(?:核心|总书记)的(?:党中央|中央领导集体)")


def core_names(text: str) -> list[tuple[str, int]]:
    """(name, start) of the leaders `CORE_FORMULA` names."""
    return [(m.group(1), m.start(1)) for m in CORE_FORMULA.finditer(text)]


# A name the KB lists that text can show as a person: Han characters, with the dots and hyphens of
# transliterations.
_KB_NAME = lazy_pattern.compile(r"[\p{Han}·-]{2,}")


@lru_cache(maxsize=4)
def _kb_literals(kb) -> Literals:
    return Literals(name for name in kb.names if _KB_NAME.fullmatch(name) and not _phrase(name))


def _phrase(name: str) -> bool:
    """依法施政, 通道开启, 首席特别: a name of four characters that is two common words of the dictionary, neither a
    name's, is a phrase a reading of the corpus mistook for a name (the KB's document-derived entries hold a few)."""
    return len(name) == 4 and is_common_word(name[:2], _PHRASE_WORD_FREQ) and is_common_word(name[2:], _PHRASE_WORD_FREQ)


_PHRASE_WORD_FREQ = 200


def kb_names(text: str, kb, day: date | None, taken: set[str]) -> list[tuple[str, int]]:
    """(name, start) of names the KB knows as office-holders around ``day``, where the text reads them as persons."""
    out: list[tuple[str, int]] = []
    for m in _kb_literals(kb).finditer(text):
        name, s, e = m.group(), m.start(), m.end()
        if name in taken or in_work_title(text, s, 60):  # 《习近平关于…论述摘编》: a work, not the person at work
            continue
        if text[s - 1 : s] in JOINERS or text[e : e + 1] in JOINERS:
            continue  # 巴沙尔|·阿萨德: part of a longer dotted name, which the title rules read whole
        if _longer_place(text, s, len(name)):
            continue  # 阿尔|及利亚: a country, not the person
        if s > 0 and text[s - 1].isdigit():
            continue  # 获得277|张和|226张: a count's measure word, not a surname (a Han numeral is caught below)
        if s > 0 and text[s - 1] not in LEFT_OK and HAN.match(text[s - 1]) and _SIDE.fullmatch(text, s - 2, s) is None:
            continue  # inside a longer word or name (村民王宁 is no 王宁 of the KB's; 中方|吴政隆 names the side)
        if e < len(text) and not PERSON_VERBS.match(text, e) and HAN.match(text[e]):
            continue
        if not any(p.active_around(day) for p in kb.by_name(name)):
            continue
        if _word_not_named(text, name, s, e):
            continue
        out.append((name, s))
    return out


# What must follow a KB name that is also a common word, for the text to name the person: a person's act, no separator.
_WORD_NAME_VERBS = lazy_pattern.compile(_PERSON_ACTS)


def _word_not_named(text: str, name: str, s: int, e: int) -> bool:
    """贺信 in 批示、指示、贺信等, 温暖 (a mayor's name) in “真实、鲜活、温暖”: a KB name listed after a common word of the
    dictionary is an item of a list of words; one that is a common word itself names the person only where a person's
    verb follows it."""
    if text[s - 1 : s] == "、" and (s < 4 or not HAN.match(text[s - 4])) and is_common_word(text[s - 3 : s - 1], _PHRASE_WORD_FREQ):
        return True  # (the item before is the word itself: 指示、|贺信, not the end of a name, 陈全国、|陈敏尔)
    return is_common_word(name) and not _WORD_NAME_VERBS.match(text, e)


def _longer_place(text: str, pos: int, n: int) -> bool:
    """A country or body name longer than ``n`` characters starts at ``pos`` (阿尔及利亚 over 阿尔)."""
    table = countries()
    return any(text[pos : pos + k] in table for k in range(n + 1, min(n + 8, len(text) - pos) + 1))
