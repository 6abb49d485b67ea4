"""Foreign office-holders: which country a title belongs to, and where a transliterated name ends.

A foreign head of state, minister or head of an international body is an official with a `country`
(SPEC.md §2, §3). Two questions the Chinese name model cannot answer:

* **the country** of a title (法国总统 → 法国, 俄总统 → 俄罗斯, 秘鲁驻华大使 → 秘鲁, 联合国秘书长 → 联合国):
  the longest form of lexicons/countries.tsv that opens the title;
* **where a transliterated name ends** (马克龙, 古特雷斯, 让-伊夫·勒德里昂): such names have no surname and
  any length, so they are read as a run of characters typical of transliterations (lexicons/translit.tsv:
  log odds against running text), in parts joined by a middle dot or a hyphen, ending where a word that
  follows names starts (表示, 通电话, 举行, punctuation). A known name (lexicons/foreign_names.tsv) that
  ends at such a boundary wins over the guess. The model is only asked right after a foreign title,
  so the title, not the characters, decides that a name is there.
"""

from __future__ import annotations

from functools import cache

from policyie import lazy_pattern, lexicons, name_runs
from policyie.extractors._people import (
    HAN,
    NOT_GIVEN,
    NameGuess,
    adverb_or_verb,
    clear_follower,
    is_common_word,
    jieba_freq,
    township_opened,
)

# Between the parts of one transliterated name (让-伊夫·勒德里昂, 买买提明·牙生).
JOINERS = frozenset("·•・-－‧")
# China by either of its names in a place's record: the home state, no foreign one (one spelling for every reader).
HOME_STATE = frozenset({"中国", "中华人民共和国"})
# What follows a foreign name in the news, besides what follows any name (_people.CLEAR_FOLLOWERS).
FOREIGN_FOLLOWERS = lazy_pattern.compile(
    r"通电话|举行|会谈|会晤|访华|访问|一行|夫妇|阁下|先生|女士|应邀|称|说|时|于|将|再次|首次|致|发表|签署|共同|以及|"
    r"当选|就任|抵达|率团|率领|宣布|认为|会面|通话|参观|出访|来华|当天|当日|当地|日前|近日|今天|昨天|此前|随后|互致|互|后|"
    r"已|也|还|都|曾|又|则|便|均|亦|正在|在|的|和|与|同|及|以及|、|通过|透过|借助|以视频"
)
# Posts no Chinese organ has: a holder of only these is a foreigner even when the country is not named.
FOREIGN_ONLY_POSTS = lexicons.lists("title_words.tsv")["foreign-only-post"]
# A character this unlike a transliteration ends the name (log odds; absent characters count as unlike).
MIN_TRANSLIT = -2.5
MAX_PART = 8
# jieba's count of a word (any tag: 纳粹 505 is tagged a name) that a name's unconfirmed end would cut in two.
_WORD_ACROSS_END = 300
# Conjunctions that also end transliterated names (巴特孟和, 乌力吉和): one of them right before a word that
# follows names is the name's last character (康京和|表示 likewise among Korean names).
_NAME_ENDING_CONJ = frozenset("和")


@cache
def countries() -> dict[str, str]:
    """A form that opens a foreign title → the country or body, as a Chinese short name."""
    return {r[0]: r[1] for r in lexicons.rows("countries.tsv") if len(r) >= 2}


@cache
def _country_lengths() -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the country forms starting with it, longest first: a title is
    checked against only the forms that can match it, not every length."""
    by_first: dict[str, set[int]] = {}
    for f in countries():
        by_first.setdefault(f[0], set()).add(len(f))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in by_first.items()}


def is_body(form: str) -> bool:
    """阿盟, 非盟, 上海合作组织: a form countries.tsv lists for an international body, not for a state or territory."""
    body = countries().get(form)
    return body is not None and body.endswith(_BODY_ENDS)


_BODY_ENDS = tuple(lexicons.lists("title_words.tsv")["body-end"])


def translit() -> dict[str, float]:
    # (the one table the name-run reader loads too)
    return name_runs.translit_table()


@cache
def known_names() -> frozenset[str]:
    return frozenset(r[0] for r in lexicons.rows("foreign_names.tsv") if r)


@cache
def _known_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(n) for n in known_names()}, reverse=True))


def country_of(title: str) -> str | None:
    """The foreign country or body whose post ``title`` names, or None for a Chinese or unknown one."""
    t = title.removeprefix("时任").removeprefix("前").removeprefix("原")
    if "驻" in t:
        # 中国驻法国大使 is China's own post; 秘鲁驻华大使 and 俄驻美大使 are the sender's.
        sender = t[: t.index("驻")]
        return prefix_country(sender) if sender else None
    return prefix_country(t)


def prefix_country(text: str) -> str | None:
    if not text:
        return None
    table = countries()
    for n in _country_lengths().get(text[0], ()):
        if n <= len(text) and text[:n] in table:
            # A one-character form is a country only when what follows is a post or a ministry
            # (俄总统, 美防长), not part of a longer Chinese word (法院, 日报).
            if n == 1 and not _short_form_ok(text):
                continue
            if table[text[:n]] != text[:n] and township_opened(text, n):
                return None  # 东京城镇|镇长: a Chinese township whose name opens with a foreign capital's (东京, Tokyo)
            return table[text[:n]]
    return None


def _short_form_ok(text: str) -> bool:
    from policyie.extractors._people import FOREIGN_MINISTRIES, posts

    rest = text[1:]
    if rest.startswith("国家") and len(rest) > 2:
        return True  # 俄|国家杜马, 乌|国家安全局: a longer form would have matched 俄国, 美国 first
    if rest.startswith("军") and len(rest) > 1:
        return True  # 俄军|总参谋长, 美军|印太司令部司令: a state's armed forces by its one-character form
    if rest in posts() or rest in FOREIGN_MINISTRIES or any(rest.startswith(m) for m in FOREIGN_MINISTRIES):
        return True
    # 俄|总统|特别代表, 美|总统|特使: a post held for another post is a post too (总统助理 is listed, these are not).
    return any(rest[:k] in posts() and rest[k:] in posts() for k in range(2, len(rest) - 1))


def _ok(c: str) -> bool:
    return translit().get(c, -99.0) >= MIN_TRANSLIT


def _boundary(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in JOINERS or clear_follower(text, pos) or bool(FOREIGN_FOLLOWERS.match(text, pos))


def _past_conjunction(text: str, end: int) -> int:
    """策·巴特孟和|率领: a conjunction at ``end`` that a word following names comes right after is the name's last
    character (普京和|美国总统… keeps its 和)."""
    if text[end : end + 1] in _NAME_ENDING_CONJ and _boundary(text, end + 1) and \
            HAN.match(text[end + 1 : end + 2]) and text[end + 1] not in _NAME_ENDING_CONJ and \
            prefix_country(text[end + 1 : end + 13]) is None:  # (卡拉马利和|也门总理: 和 joins two office-holders)
        return end + 1  # (勒梅尔和|100多名代表: a number after it is the other side of 和)
    return end


def _part_end(text: str, start: int, min_len: int) -> tuple[int, bool] | None:
    """Where the name part starting at ``start`` ends, and whether a boundary confirms it: a known name
    reaching a boundary, else the first boundary after ``min_len`` transliteration-like characters, else
    (unconfirmed) where such characters stop."""
    known = known_names()
    for n in _known_lengths():
        end = start + n
        if n >= min_len and text[start:end] in known and _boundary(text, end):
            return _past_conjunction(text, end), True
    if start >= len(text) or not HAN.match(text[start]):
        return None
    j = start
    while j < len(text) and j - start < MAX_PART and (_ok(text[j]) or j == start):
        j += 1
        if j - start >= min_len and _boundary(text, j):
            if j - start >= min_len + 2 and adverb_or_verb(text[j - 2 : j]) and text[start:j] not in known:
                return j - 2, True  # 席尔瓦|刚刚|在, 塔拉斯|赞扬|中国: the clause's adverb or verb closed the run
            return _past_conjunction(text, j), True
    # The run stops where characters stop looking transliterated (克利奇科|确认): that is the end too,
    # unless one such character closes the name right before a boundary (安诺生|对).
    if j - start >= min_len and j - start < MAX_PART and j < len(text) and HAN.match(text[j]):
        if _boundary(text, j + 1) and text[j] not in NOT_GIVEN and not is_common_word(text[j - 1 : j + 1], FREQUENT):
            if j - 1 - start >= min_len and adverb_or_verb(text[j - 1 : j + 1]):
                return j - 1, True  # 佩泽希齐扬|提交|的: the clause's verb, not the name's last syllable
            return j + 1, True
        # No boundary closes the run: where a frequent word opens inside it, the name ended before it (安瓦尔|热情迎接,
        # 马克龙|热烈欢迎, 卢拉|高度评价); a run a boundary closes keeps such a pair (阿纳斯塔|夏季|斯表示).
        cut = next((k for k in range(start + max(min_len, 2), j)
                    if is_common_word(text[k : k + 2], FREQUENT) or adverb_or_verb(text[k : k + 2])), None)
        if cut is None and adverb_or_verb(text[j : j + 2]) and not is_common_word(text[j - 1 : j + 1]):
            return j, True  # 穆斯塔法|进行: the clause's verb right where the characters stop closes the name (not
            # one a word across the stop opens inside: 古特雷斯密|切合…)
        if cut is None and jieba_freq().get(text[j - 1 : j + 1], 0) >= _WORD_ACROSS_END and text[start:j] not in known:
            # 特雷莎·梅|提出, 议长|因纳粹老兵事件: the run's last character opens a word with the next, so the name
            # ended before it (and there is none when too little is left); a listed name stands (拜登|上月)
            return (j - 1, True) if j - 1 - start >= min_len else None
        return (cut, True) if cut is not None else (j, False)
    return None


# A monarch's regnal number after the name (二世, 十六世).
REGNAL = lazy_pattern.compile(r"[一二三四五六七八九十]{1,3}世")
# A name's first part, up to the joiner after it: a country's form it opens (巴西|鲁·迪奥马耶·法耶) is no country.
_FIRST_PART = lazy_pattern.compile(r"\p{Han}{2,4}[·•・‧]")


def foreign_name_at(text: str, pos: int) -> NameGuess | None:
    """The transliterated name starting at ``pos`` (after a foreign title), or None. Its score is 2.0 when
    a boundary confirms where it ends, 1.0 when it only ends where transliteration-like characters stop."""
    if prefix_country(text[pos : pos + 12]) is not None and not _FIRST_PART.match(text, pos):
        return None  # 联合国秘书长|叙利亚问题特使: a country continues the title, no name starts here
    if clear_follower(text, pos) or FOREIGN_FOLLOWERS.match(text, pos) or text.startswith("兼", pos):
        return None  # 东盟秘书长|出席, 财长|和央行行长, 副首相|兼内阁…大臣: no name comes after the title
    part = _part_end(text, pos, 2)
    if part is None or (part[0] - pos == 1 and text[part[0] : part[0] + 1] not in JOINERS):
        # 让-伊夫: a one-character first part only before a joiner
        part = _part_end(text, pos, 1)
        if part is None or part[0] - pos != 1 or text[part[0] : part[0] + 1] not in JOINERS:
            return None
    end, sure = _further_parts(text, *part)
    if (regnal := REGNAL.match(text, end)) is not None and _boundary(text, regnal.end()):
        end, sure = regnal.end(), True  # 穆特比|二世, 查尔斯|三世: a monarch's regnal number is part of the name
        end, sure = _further_parts(text, end, sure)  # 卡尔十六世|·古斯塔夫
    return NameGuess(pos, end, 2.0 if sure else 1.0)


def _further_parts(text: str, end: int, sure: bool) -> tuple[int, bool]:
    """The parts after a middle dot or hyphen that continue a name ending at ``end``: 让-伊夫|·勒德里昂."""
    while end + 1 < len(text) and text[end] in JOINERS and _ok(text[end + 1]):
        nxt = _part_end(text, end + 1, 1)
        if nxt is None:
            break
        end, sure = nxt
    return end, sure


# Japanese and Korean names are written in Han characters, family and given name run together (岸田文雄,
# 高市早苗, 菅义伟; 李在明, 赵显): neither transliteration odds nor the Chinese given-name odds fit them (在 is
# no Chinese given name's character). Their lengths, by the country whose title they follow.
HAN_NAME_LENGTHS = {"日本": (3, 4, 5), "韩国": (2, 3), "朝鲜": (2, 3)}
# jieba frequency of a word too common to sit inside such a name (选举 15208, 今天 15960; 阳子 183).
FREQUENT = 1000


def han_name_at(text: str, pos: int, country: str | None) -> NameGuess | None:
    """The name after a Japanese or Korean title: the longest run of Han characters of such a name's length
    that a word following names (or punctuation) closes; None when none does or ``country`` is another."""
    if clear_follower(text, pos) or FOREIGN_FOLLOWERS.match(text, pos):
        return None  # 日本官房长官|就“慰安妇”问题: no name after the title
    best = None
    for n in HAN_NAME_LENGTHS.get(country or "", ()):
        end = pos + n
        if end > len(text) or not HAN.match(text[end - 1]) or is_common_word(text[end - 2 : end], FREQUENT):
            break  # 自民党总裁|选举今天|举行: a frequent word (选举, 今天) is no part of a name
        if _boundary(text, end):
            best = NameGuess(pos, end, 2.0)  # the longest so closed: 康京和|表示, not 康京|和
    return best


# Characters this typical of transliterations may lengthen a name the Chinese model cut short.
STRONG_TRANSLIT = 2.0


def extend_transliterated(text: str, end: int) -> int:
    """斯琴|巴特尔主持: where a name the Chinese name model ended at ``end`` really ends, when strongly
    transliteration-like characters run on from there to a word that follows names (Mongolian and other
    names written in transliteration have no surname + given-name shape). ``end`` when they do not."""
    j = end
    while j < len(text) and j - end < 6 and translit().get(text[j], -99.0) >= STRONG_TRANSLIT:
        j += 1
    # (a common word opening the clause ends the run too: 戈卢别|夫|证实; not one the run would cut: 安长明|特地|带来)
    return j if j > end and (_boundary(text, j) or (
        is_common_word(text[j : j + 2], FREQUENT) and not is_common_word(text[j - 1 : j + 1]))) else end


def only_foreign_posts(titles: list[str]) -> bool:
    """Every title ends in a post no Chinese organ has (现任总统, 首相)."""
    return bool(titles) and all(t.endswith(FOREIGN_ONLY_POSTS) for t in titles)
