"""Authors: reporters, writers and editors named in bylines (SPEC.md §2).

Read from the byline strings the normaliser lifted out (``ctx.bylines``) and, for robustness, from the
text itself: 本报记者祁梦竹范俊生, 撰文 | 祁梦竹 范俊生, a trailing （徐飞鹏 范俊生） or (杨旗) that closes a
paragraph, 责任编辑：梁斌 SF055. Names written together are split with the surname model.
"""

from __future__ import annotations

import regex

from policyie import lazy_pattern, name_runs
from policyie.extractors._people import (
    RARE_SURNAME,
    given_score,
    is_common_word,
    jieba_freq,
    name_at,
    split_run,
    surnames,
)
from policyie.extractors._scan import anchored_finditer
from policyie.extractors.base import Context, register
from policyie.normalize.meta import (
    DUTY_EDITOR_ROLES,
    LABEL_CLOSERS,
    LABEL_OPENERS,
    OUTLET_ENDINGS,
    REVIEW_ROLES,
    WRITER_ROLES,
)

PAPER = (
    r"本报|新华社|人民日报|中新社|央视|总台|央广|光明日报|经济日报|工人日报|本台|本网|本刊"
    # any paper or outlet: 北京晚报记者, 新京报记者, 北京青年报记者, 北京日报客户端记者
    rf"|\p{{Han}}{{1,6}}?(?:{OUTLET_ENDINGS}|新闻社"
    # district media: 丰台融媒记者, 海淀区融媒体中心记者, 通州发布记者
    r"|融媒|融媒体|融媒体中心|新闻中心|发布)"
)
ROLE = r"(?:特约|见习|实习)?(?:记者|通讯员|实习生|见习生)"
EDIT_ROLE = (
    rf"{DUTY_EDITOR_ROLES}|{REVIEW_ROLES}|文/图|图/文|文图|撰文|文字|文|图|摄影|摄像|摄|视频|编辑|责编|责任编辑|实习编辑|审核|"
    rf"审签|终审|监制|制图|设计|策划|统筹|主编|作者|美编|{WRITER_ROLES}|发布者|发布人员|发布人"
)
# 本报记者祁梦竹范俊生 — a reporter line; what follows must be names up to a line or bracket end (记者 ⏐ 樊珞: any
# label's closer may part them).
# A bare 记者 only counts where a byline can start (line start, bracket, after 电).
REPORTER = lazy_pattern.compile(
    rf"(?:(?:{PAPER}){ROLE}|(?:(?<=^|[\n（(\s　:：。电|｜]){ROLE}))[\s　:：|｜丨{LABEL_CLOSERS}]{{0,3}}([^\n。；;，,（()）]{{2,40}})",
    regex.M,
)
# Every REPORTER match holds one of these role words, at most _ROLE_LEAD characters after the match start (the
# longest outlet, six Han characters and 广播电视台, plus 特约) and ends at most _ROLE_REACH characters after it
# (role, separators, 40 name characters): `anchored_finditer` looks only around them. The plain finditer tried the
# outlet alternative at every Han character, 98% of the authors' time even on articles with no reporter.
ROLE_CORE = lazy_pattern.compile(r"记者|通讯员|实习生|见习生")
_ROLE_LEAD = 13
_ROLE_REACH = 46
# 撰文 | 祁梦竹 范俊生, 责任编辑：梁斌, 文／措毛 (a full-width slash), 【作者】冷盈秋 (a bracketed label), 采访·甘瑄 (an
# interviewer's, a label only: 央视记者采访时表示 is no byline, so no role word of the others); not a role in
# brackets that a list goes on after (阎肃（执笔）、王俭编剧: it credits the name before it)
EDITOR = lazy_pattern.compile(
    rf"(?<![\p{{Han}}])(?:本文)?(?:{EDIT_ROLE}|采访)(?:[\s　]{{0,3}}[丨/／{LABEL_CLOSERS}]{{1,2}}|[·・](?=\p{{Han}})|\s\p{{Ps}}(?=\s))[\s　]{{0,3}}(?![、，,])"
    rf"([^\n。；;（()）【】\[\]]{{2,40}})"  # (本文责任编辑：…, a sign-off; 文字·车瑗, a middle dot for the closer)
)
# （徐飞鹏 范俊生） closing a paragraph
TRAILING = lazy_pattern.compile(
    r"[（(][\s　]{0,2}((?:[^\s　（()）\n]{2,12}[\s　、]{1,3}){0,5}[^\s　（()）\n]{2,12})[\s　]{0,2}[）)][\s　|｜]*(?=\n|$)"
)
TAIL_WORDS = lazy_pattern.compile(r"(?:报道|摄影|摄|发自\p{Han}{0,6}|电|供图|整理|综合报道|联合报道|文并摄|文并图|图文|文图)$")
# (a middle dot between spaces parts a label from its name, 文 · 向霁云; inside a name it joins, 阿依古丽·买买提)
SPLIT = lazy_pattern.compile(r"(?:[\s　、，,/／|｜丨]|(?<=[\s　])[·・](?=[\s　]))+")
# A second role inside one byline, often glued to the names once the normaliser drops the spaces
# between Han characters: 本报记者张楠实习生刘佳, 记者王海燕通讯员李明, 记者孙颖摄影王海欣.
INNER_ROLE = lazy_pattern.compile(
    rf"(?:(?:本报|特约|见习|实习)?(?:记者|通讯员)|实习生|见习生|责任编辑|实习编辑|{DUTY_EDITOR_ROLES}|{REVIEW_ROLES}|编辑|责编|摄影|摄像|审核|"
    rf"监制|制图|统筹|策划|主编|作者|文/图|图/文|撰文|{WRITER_ROLES})"
    rf"[|｜丨/／{LABEL_CLOSERS}·・]?"  # (网络编辑·芮琤瑶: no name opens with a middle dot)
)
ROLE_WORD = lazy_pattern.compile(rf"^[{LABEL_OPENERS}]?(?:(?:{PAPER})?{ROLE}|{EDIT_ROLE})[|｜{LABEL_CLOSERS}]?")  # (【责任编辑】庹晓帆: a bracketed label)
CODE = lazy_pattern.compile(r"^[A-Za-z0-9_-]+$")
HAN_RUN = lazy_pattern.compile(r"\p{Han}+")


def _whole_minority_name(name: str) -> bool:
    """阿依古丽·买买提 (dotted, Han parts of two or more characters), 索朗旺姆, 额尔敦巴特尔: names the Tibetan,
    Mongolian, Yi and dotted-name readers take whole, which have no Han surname to check."""
    if "·" in name:
        parts = name.split("·")
        return 2 <= len(parts) <= 3 and all(len(p) >= 2 and HAN_RUN.fullmatch(p) for p in parts) and len(name) <= 14
    whole = name_at(name, 0)
    return whole is not None and whole.end == len(name) and whole.score >= 3.0


# A split of a byline's word into Han names needs one surname at least this common (the table's counts: 王 9520,
# 古 58, 米 46): 王海张楠 is two names, 古丽米拉 one.
COMMON_SURNAME = 100


# A byline that labels one editor's, writer's or photographer's word alone (责任编辑：娜仁, 编辑：旦增, 录入：苘琇, 编导：德吉, 文／措毛, and in
# an info line, its role parted by a space, a reporter's, an editor's, a writer's or a proofreader's, 记者 格绒邓珠,
# 责任编辑 殳瑢, 排版 笪瑱): a person, though no surname reads the name (Tibetan and
# Mongolian names have none). (作者 is not: a front matter's author is often the outlet, 作者：津云.)
_ONE_ROLES = rf"责任编辑|责编|{WRITER_ROLES}|{DUTY_EDITOR_ROLES}|{REVIEW_ROLES}"
LABELED_ONE = lazy_pattern.compile(
    rf"^[{LABEL_OPENERS}]?(?:(?:编辑|{_ONE_ROLES})[{LABEL_CLOSERS}]|(?:记者|通讯员|{_ONE_ROLES})[\s　]|[文图][/／])"
    rf"\s*(\p{{Han}}{{2,5}})$")
_BARE_NAME = lazy_pattern.compile(r"(\p{Han}{2,3})")
# An outlet where a name should be (作者：安吉发布): a paper, a district's media centre, a government account.
OUTLET_WORD = lazy_pattern.compile(rf"\p{{Han}}{{1,6}}?(?:{OUTLET_ENDINGS}|融媒|融媒体|发布|新闻中心)")


def _reads_as_one_name(tok: str) -> bool:
    """古丽米拉: a word of four or five characters that a split would cut only at rare surnames and whose
    syllables read as a transliteration (a Uyghur or Kazakh name), not two Han names (王海张楠)."""
    if not 4 <= len(tok) <= 5 or not HAN_RUN.fullmatch(tok) or OUTLET_WORD.fullmatch(tok):
        return False
    parts = split_run(tok)
    sur = surnames()
    if parts and any(sur.get(p[:2], sur.get(p[:1], 0)) >= COMMON_SURNAME for p in parts):
        return False
    return name_runs.translit_odds(tok) > 0.5


def _valid_name(name: str) -> bool:
    if _whole_minority_name(name):
        return True
    sur = surnames()
    s = name[:2] if len(name) >= 3 and name[:2] in sur else name[:1]
    if s not in sur or sur[s] < RARE_SURNAME or not 2 <= len(name) <= 4:
        return False
    return all(given_score(c) > -3.0 for c in name[len(s) :])


# Function characters, which open no name (记者|的采访: what follows a role's word in a sentence, not a byline).
_FUNCTION_FIRST = frozenset("的了在是为对把被将从于以等之着过也都就")


def _rare_surname_name(tok: str) -> bool:
    """A byline's word of three Han characters whose last two read as a given name (妥|文博), the first a
    character the surname table lacks or counts as rare."""
    return len(tok) == 3 and HAN_RUN.fullmatch(tok) is not None and not OUTLET_WORD.fullmatch(tok) \
        and tok[0] not in _FUNCTION_FIRST \
        and surnames().get(tok[0], 0) < RARE_SURNAME and all(given_score(c) > -3.0 for c in tok[1:]) \
        and not jieba_freq().get(tok[:2]) and not jieba_freq().get(tok)  # (点击数: a word, no name)


# The last characters of roles' labels of two characters (终校, 终审, 终签, 主编, 签发, 审核): no given name's here.
_ROLE_LAST = frozenset("校审签编发核")


def _rare_surname_pair(tok: str, listed: bool = False) -> bool:
    """A byline's word of two Han characters: a surname the table counts as rare (禚, 笪, 酆, 殳), then a given
    character; no word of jieba's (编辑|部门 is none), nor a role's label of its own (终校, 终签). ``listed``: beside
    another name, where a surname the table lacks will do (记者鄞璐、覃珏; alone after a label, 作者：津云 is an outlet)."""
    count = surnames().get(tok[0], 0)
    return len(tok) == 2 and HAN_RUN.fullmatch(tok) is not None and (0 < count or listed) and count < RARE_SURNAME \
        and tok[1] not in _ROLE_LAST \
        and tok[0] not in _FUNCTION_FIRST and given_score(tok[1]) > -3.0 and not jieba_freq().get(tok)


def _unseen_given_name(tok: str) -> bool:
    """A byline's word of three Han characters: a common surname, then two characters no word of jieba's holds."""
    return len(tok) == 3 and HAN_RUN.fullmatch(tok) is not None and not OUTLET_WORD.fullmatch(tok) \
        and surnames().get(tok[0], 0) >= COMMON_SURNAME and not jieba_freq().get(tok[1:]) \
        and not jieba_freq().get(tok[:2]) and not jieba_freq().get(tok)


def names_in(content: str, *, strict_end: bool, labeled: bool = False) -> list[str] | None:
    """The names a byline's content lists, or None when it is not a list of names; ``labeled`` when a role's label
    (记者, 作者, 通讯员, 编辑) stands right before the content."""
    content = INNER_ROLE.sub(" ", content.strip(" 　|｜丨"))
    out: list[str] = []
    toks = SPLIT.split(content)
    after_label = labeled
    for i, tok in enumerate(toks):
        if not tok or CODE.match(tok):
            continue
        bare = TAIL_WORDS.sub("", tok)
        tok = TAIL_WORDS.sub("", ROLE_WORD.sub("", bare))  # 文并摄 is a tail, not 文 + 并摄
        if not tok:
            after_label = bool(bare)  # 值班主编 蔺霁舟: a role's word alone labels the name after it
            continue
        if _whole_minority_name(tok) or _reads_as_one_name(tok):
            out.append(tok)  # one name, not a run of Han names to split (阿依古丽·买买提, 索朗旺姆, 古丽米拉)
            continue
        # (和雪晴: a surname that is also a function character, 和 or 向, opens no run of names the split reads, but
        # a byline's word of two or three characters is one name)
        parts = split_run(tok) or ([tok] if 2 <= len(tok) <= 3 and HAN_RUN.fullmatch(tok) else None)
        valid = parts is not None and all(_valid_name(p) for p in parts)
        beside = bool(out) or _valid_name(toks[i + 1] if i + 1 < len(toks) else "")
        if not valid and (_rare_surname_name(tok) or (_rare_surname_pair(tok, beside) and tok == bare)
                          or _unseen_given_name(tok)) and (beside or after_label):
            # 记者 马晓岚 通讯员 妥文博: beside a name, a surname the table lacks (妥, 岩) opens one too, and a
            # common surname one whose given characters the table has not seen (作者：易可欣、丁牧之); so does one
            # alone right after a role's label (记者：禚映川, 记者 禚琮: the label says a person's name follows; but not
            # what is left of a word a role's character was cut from, 文|守礼)
            parts = [tok]
        elif not valid:
            if strict_end or out:
                return None if strict_end else out
            return None
        out.extend(parts)
        after_label = False
    return out or None


def _scan(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in anchored_finditer(REPORTER, ROLE_CORE, text, _ROLE_LEAD, _ROLE_REACH):
        names = names_in(m.group(1), strict_end=True, labeled=True)
        if names:
            found.extend((m.start(1), k, n) for k, n in enumerate(names))
    for m in EDITOR.finditer(text):
        names = names_in(m.group(1), strict_end=False, labeled=True)
        if names:
            found.extend((m.start(1), k, n) for k, n in enumerate(names))
    for m in TRAILING.finditer(text):
        names = names_in(m.group(1), strict_end=True)
        if names:
            found.extend((m.start(1), k, n) for k, n in enumerate(names))
    return sorted(found)


@register("authors")
def extract(ctx: Context) -> list[str]:
    names: list[str] = []
    for line in ctx.bylines:
        found = _scan(line)
        if not found:
            bare = names_in(line.strip("（）() \n"), strict_end=True)
            found = [(0, k, n) for k, n in enumerate(bare or [])]
        if not found and (one := LABELED_ONE.match(line.strip()) or _BARE_NAME.fullmatch(line)) \
                and not is_common_word(one[1]) and not OUTLET_WORD.fullmatch(one[1]):
            found = [(0, 0, one[1])]  # (a bare name: the reporter the info line puts after a local outlet; an
            # outlet where the name should be, 编辑：安吉发布, is none)
        names.extend(n for _, _, n in found)
    names.extend(n for _, _, n in _scan(ctx.text))
    return list(dict.fromkeys(names))
