"""Meetings: gatherings an article reports (held) or only cites (referenced).

A meeting name is found from its head noun (会议, 全会, 座谈会, 论坛 …) and grown leftwards over
the segmenter's tokens until a verb, preposition or conjunction ends it (召开|2024年第2次工委会议,
落实|市委十三届四次全会). Whether it was held or cited is read off the words around it:
主持召开 / 出席 / 举行 make it held; 精神 / 部署 / 贯彻 / 迎接 make it cited. 会见 and 会谈 are
meetings too, hosted by the receiving leader. Dates, hosts and places link by position.
"""

from __future__ import annotations

import dataclasses
import functools
from bisect import bisect_left

import regex

from policyie import lazy_pattern, lexicons
from policyie.extractors._events import (
    TEAM,
    TEAM_VERBS,
    PersonMention,
    clause_start,
    date_after,
    date_before,
    date_value,
    dates_between,
    dedupe,
    is_day,
    leader_named_before,
    list_before,
    paragraph_at,
    person_ending_at,
    persons_in,
    place_names_in,
    resolve_pronoun,
    sentence_bounds,
    token_starts,
)
from policyie.extractors._foreign import HOME_STATE, countries, is_body
from policyie.extractors._people import posts, transcript_speakers
from policyie.extractors._spans import in_work_title
from policyie.extractors.base import Context, register
from policyie.gazetteer import load as load_gazetteer
from policyie.nlp import Token
from policyie.records import DateMention, Meeting

# The curated words of meetings and tours (heads, kinds, stop words): data, in lexicons/event_words.tsv.
_WORDS = lexicons.lists("event_words.tsv")
_TABLES = lexicons.tables("event_words.tsv")

# Head noun → kind, in lexicons/event_words.tsv's order: 常委会会议 is listed before 会议, so it wins.
_KINDS: list[tuple[str, str]] = list(_TABLES["meeting-kind"].items())
_KIND_OF = dict(_KINDS)
_HEAD_WORDS = tuple(k for k, _ in _KINDS)  # …会议|和|市委…全会: two meetings, not one name


def _head_of(name: str) -> str:
    """The head noun a meeting's name ends with (the first in `_KINDS`' order), or ""."""
    return next((k for k in _HEAD_WORDS if name.endswith(k)), "")


# Forums, summits, ceremonies and generic 大会 are meetings only when attended or held: an article
# that says 办好…论坛 plans an event, it does not report or cite one.
# A bare 常委会 cited (根据全国人大常委会的决定) is the standing committee, an organ.
_HELD_ONLY = set(_WORDS["held-only"])

_HEAD = lazy_pattern.compile(
    "(?:" + "|".join(regex.escape(k) for k, _ in _KINDS) + ")"
    # 会议室, 人民大会堂, 代表大会常务委员会 are places and bodies, not gatherings; 对话会|议 is a 会议; 国会|议员
    # are members (but …五次会议|代表建议: what the session's deputies proposed cites the session).
    + r"(?![室堂厅场中议员]|常务委员会|常委会|代表(?!建议|议案|提出)|制度|主席团|秘书|组织|主任|委员|党组|办公|机关|组成|工作机构)"
)
# Numbered Party congresses and plenums: 党的二十大, 十九届四中全会, 市委十三届四次全会.
_CONGRESS = lazy_pattern.compile(
    r"(?:党的|中共)?(?:第)?(?<![一二三四五六七八九十])(?:十[一二三四五六七八九]?|二十[一二三四五]?)大(?![会力量学家众型小幅楼院多于伙工行举项类重])"
)

# Patterns tried at single positions, compiled once: regex's per-call cache lookup cost more than the match.
# (also a Party committee's numbered session: 抓好|省委十四届九次全会)
_SESSION_OPEN = lazy_pattern.compile(
    r"(?:中共|中国共产党|全国|政协|(?:省委|市委|区委|县委|州委|旗委|自治区党委)?[一二三四五六七八九十]{1,3}届)")
_DETERMINER = lazy_pattern.compile(r"(?:一次|这次|此次|本次|一个|这个|每次|多次|历次|一场|这场|此场|一系列)(?!第)")
_NUMBERED_SESSION = lazy_pattern.compile(r"[一二三四五六七八九十]{1,3}届[^，,。；;]{0,12}?(?:[一二三四五六七八九十]中全会|[一二三四五六七八九十]{1,3}次(?:全体)?会议)"
                               # 国务院第十一次全体会议, 市政府第五次常务会议: an organ's sitting by its number
                               r"|\p{Han}{2}第[一二三四五六七八九十]{1,4}次(?:全体|常务)会议$"
                               # 中央全面深化改革委员会第十二次会议, 中X政府间经贸联委会第二十次会议: a standing or joint
                               # body's sitting by its number
                               r"|(?:委员会|联委会|混委会|领导小组)第[一二三四五六七八九十]{1,4}次会议$"
                               # 联合国人权理事会第49届会议, 联合国大会第78届会议: a council's or assembly's session
                               r"|(?:理事会|大会|委员会)第[\d一二三四五六七八九十]{1,4}届会议$")
_HAN_DIGITS = lazy_pattern.compile(r"[\p{Han}\d]+")
# Quote marks and dashes stand inside names: 第三届“一带一路”国际合作高峰论坛, 第二届中国—中亚峰会.
_NAME_TOKEN = lazy_pattern.compile(r"[\p{Han}\d０-９A-Za-z（）()·+＋“”‘’—－–-]+")
# One-character short forms of partner countries after 中 (中新, 中欧, 中俄, 中非).
BILATERAL_SHORT = frozenset(_WORDS["bilateral-short"])
# A forum or summit with an edition number is a named event: cited, it still counts (办好第二届中国—中亚峰会).
_EDITION = lazy_pattern.compile(r"第[一二三四五六七八九十百\d]{1,4}[届次]|首届|(?:19|20)\d\d年(?=年会|峰会|论坛|会议|大会)")  # (…论坛2026年年会)
_CONVENES_OTHER = lazy_pattern.compile(
    r"[^，,。；;]{0,14}?(?:召开|举行|举办)(?!了?(?:第[^，,。]{1,8}次)?(?:全体|常务|专题|扩大)?会议)\p{Han}{2,}?(?:座谈会|会议|大会|论坛|会)")
_YEAR_FIRST = lazy_pattern.compile(r"(?:19|20)\d\d年(?=\p{Han})")
_DATELINE = lazy_pattern.compile(r"[\p{Han}]{0,12}?\d{1,2}月\d{1,2}日电[\s　]*")
_LEAD_PART_OF_DAY = lazy_pattern.compile(r"(?:当天|当日|昨天|今天|前天)?(?:上午|下午|晚上|晚间|早上)|当天|当日")
_LEAD_DATE = lazy_pattern.compile(r"(?:\d{1,2}月\d{1,2}日|\d{1,2}日)(?:上午|下午|晚上)?")
_YEAR_VALUE = lazy_pattern.compile(r"\d{4}")
_HOSTS_BEFORE = lazy_pattern.compile(r"(?:同志)?[^，,。；;]{0,16}?主持")
_CHAIRS_BEFORE = lazy_pattern.compile(r"并?主持(?:召开)?(?:了)?$")
_CO_CHAIRS = lazy_pattern.compile(r"[同与和][^，,。；;]{1,30}?共同主持(?:召开)?(?:了)?$")
# X来到…村，…，并在村党群服务中心召开座谈会: the sentence's subject convenes what it 召开.
# Only a clause with no subject of its own (X表示，中国共产党召开了… names who convened).
# (当天下午，他主持召开座谈会: a pronoun opening the clause convenes it too; _sentence_subject resolves it)
# (他来到和硕县…查汗通古村|主持召开座谈会: where he went to convene it, as 在 says where; 主持召开A会议和|B会议: the
# second of two meetings the verb holds)
_CONVENED_BEFORE_IT = r"(?:[^，,。；;]{2,24}?(?:会议|会|论坛)[和与及、])?"
_CONVENES_BEFORE = lazy_pattern.compile(
    rf"\s*(?:[他她])?(?:{TEAM})?(?:并|随后|还|又|接着)?(?:(?:在|来到|前往)[^，,。；;]{{1,24}}?)?(?:主持)?召开(?:了)?"
    + _CONVENED_BEFORE_IT
)
_NAME_CONVENES = lazy_pattern.compile(r"(?:同志)?(?:并|随后|还|又|接着)?(?:(?:在|来到|前往)[^，,。；;]{1,24}?)?(?:主持)?召开(?:了)?"
                                      + _CONVENED_BEFORE_IT)
# 习近平在人民大会堂金色大厅举行欢迎宴会: who gives a banquet, a reception or a ceremony (欢迎仪式) hosts it.
_NAME_GIVES = lazy_pattern.compile(r"(?:同志)?(?:和夫人[^，,。；;]{2,4})?(?:在[^，,。；;]{1,20}?)?举行(?:了)?(?:欢迎|盛大)?")
_GIVEN_KINDS = frozenset(("宴会", "招待会", "仪式"))
# (the clause before the pronoun may be where it happened: 在塔西河哈萨克族乡喀拉苏村，他主持召开座谈会)
_SENTENCE_PRONOUN = lazy_pattern.compile(r"[\s　]*(?:[^，,。；;]{0,8}?[，,]|在[^，,。；;]{2,24}?[，,])?\s*([他她])")
# 检查组召开座谈会: the team opens the sentence; its leader is the one who 带队 earlier in the article.
_GROUP_OPENS = lazy_pattern.compile(rf"[\s　]*(?:[^，,。；;]{{0,8}}?[，,])?\s*{TEAM}")
# (X率视察组, X率省人大常委会视察组: 率 before the team names its leader as 带队 after it does)
# (X带领部分市人大代表，视察…: those led to inspect, the team's verb after them, are the team the article calls 视察组)
_LEADS_TEAM = lazy_pattern.compile(
    rf"(?:同志)?(?:带队|率队|领队|(?:率|带领|率领)[^，,。；;、]{{0,12}}?(?:{TEAM}|[，,]?(?:{TEAM_VERBS})))")
# After a person: the person escorts someone (X等陪同, X一同陪同).
_ESCORTS = lazy_pattern.compile(r"(?:同志)?(?:等)?[^，,。；;]{0,12}?陪同")
_ORGAN_HOST = lazy_pattern.compile(r"\p{Han}{0,12}(?:常委会|委员会|党委|党组|党工委|工委|政府|主席团|常务委员会)")
# 为X举行 before a ceremony's name: the ceremony is held for X by the sentence's subject.
_HOLDS_WITH = lazy_pattern.compile(r"[同与和]([^，,。；;]{1,80}?)(?:举行|召开)(?:了)?$")
# How a ceremony is held, between the verb and its name (举行|隆重盛大|欢迎仪式, 举行了|庄重的|纪念仪式).
_MANNER_WORDS = "隆重|盛大|热烈|庄严|庄重|简短|简朴"
_HELD_FOR = lazy_pattern.compile(rf"为([^，,。；;为]{{1,40}}?)举行(?:了)?(?:{_MANNER_WORDS}){{0,2}}的?$")
# A gathering noun right before 由X主持 names what X chairs (开幕式由X主持, 签约仪式由X主持).
_OTHER_GATHERING = lazy_pattern.compile(r"(?:开幕式|闭幕式|仪式|分论坛|全体会议|会议)[，,。；;]?$")
_HOSTED_BY = lazy_pattern.compile(
    r"由([^，,。；;]{1,30}?)主持|([^，,。；;由]{2,30}?)(?:同志)?主持(?:会议|大会|全会|座谈会|并讲话|仪式|开工仪式|签约仪式|开幕式|活动|(?=[。；;]|$))"
)
# Gatherings made of sessions of their own: a bare 会议 after one may be one of its sessions.
_SERIES_KINDS = frozenset(("论坛", "峰会", "博览会", "大会", "年会"))
_BARE_MEETING = lazy_pattern.compile(r"(?:^|[。；;\n])会议$")  # 。会议由X主持: the meeting just reported, named again
_AND_SPOKE = lazy_pattern.compile(r"并(?:发表|作)?(?:重要)?(?:讲话|致辞)")
_SPOKE = lazy_pattern.compile(r"(?:同志)?(?:在[^，,。；;]{1,20}?)?(?:先后|分别)?(?:发表)?(?:讲话|强调|指出|致辞|发言)")
# X、Y在座谈会上发言 / 会上，X、Y先后发言: a list of speakers.
_LIST_SPOKE = lazy_pattern.compile(r"(?:在[^，,。；;]{1,20}?上)?(?:先后|分别|相继)?(?:作)?(?:发言|讲话|交流发言)")
# X主持会议并讲话: the host spoke too.
_CHAIR_SPOKE = lazy_pattern.compile(r"(?:同志)?主持(?:会议|仪式|座谈会)?并(?:发表)?(?:重要)?讲话")
# …在长沙召开, …在人民大会堂开幕: where it was held, after its name.
# The place ends before 为/同/与/向 and whom they name: 在人民大会堂东门外广场|为特朗普|举行欢迎仪式.
_HELD_AT_AFTER = lazy_pattern.compile(
    r"[^，,。；;]{0,12}?在([^，,。；;]{1,16}?)(?:[为同与向][^，,。；;]{1,14}?)?(?:隆重)?(?:召开|举行|开幕|闭幕|举办)")
_HELD_AT = lazy_pattern.compile(r"在([^，,。；;]{1,16}?)(?:[为同与向][^，,。；;]{1,14}?)?(?:主持)?(?:召开|举行)")
# (a list of guests after a long description of the occasion, 会见出席第十六届…峰会的老挝副总理宋赛、…和印尼总统特使、
# 海洋统筹部长卢胡特, runs past 60 characters)
_CLAUSE_REST = lazy_pattern.compile(r"[^，,。；;\n]{1,100}")
# Where the guest ends inside 会见… : 会见X时指出 / 会见X时重要讲话 / 会见X并讲话 (not 比利时).
_GUEST_END = lazy_pattern.compile(
    r"(?<!比利)时(?=也|又|还|表示|指出|强调|说|重要|的|提交|提出|介绍|谈到|就|$)"
    r"|并(?=讲话|发表|致辞|合影|表示|指出|强调|共同|出席|宴请|颁发)"
    r"|^并"  # (…同首相先生举行会见|并达成重要共识: the reception named before, no guest after 会见)
)
_MANNER = lazy_pattern.compile(rf"(?:{_MANNER_WORDS}){{1,2}}的?$")
_SPEECH_BEFORE = lazy_pattern.compile(r"(?:表示|指出|强调|说|介绍)[，,：:]")
_REPEATED = lazy_pattern.compile(r"已经|曾经|多次|两度|三度|数度|数次|几次|屡次|再度|[两三四五六七八九十]次")
# Adverbs between the guest and the verb of talks (已举行首次面对面会晤, 成功举行会谈, 再次通电话).
# (…默克尔|16日|通电话, …金正恩|继4月27日|会晤: when the talks were, no part of the guest either)
_TALK_ADVERB = lazy_pattern.compile(r"已|曾|首次|再次|又一次|先后|面对面|成功|正式|共同|分别|深入|当天|今天|昨天"
                                    r"|(?:继|将在|将于|于|在)?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日")
_TALKS_WITH = lazy_pattern.compile(r"[同与和]([^，,。；;\n]{1,24}?)(?:举行了?)?(?:亲切)?(?:视频)?(?:会谈|会晤|通电话|通话)$")
# Tokens that end a name when walking leftwards.
_STOP_WORDS = set(_WORDS["name-stop"])
# A holiday whose 期间 a meeting's name holds (全国元旦春节期间…工作电视电话会议), where 期间 otherwise ends the name.
_HOLIDAY = lazy_pattern.compile(r"春节|元旦|国庆节?|劳动节|五一|元宵节|中秋节?|两节|节日|节假日")
_PAIRED_VERBS = frozenset(_WORDS["paired-verb"])
_FIELD_VERBS = frozenset(_WORDS["field-verb"])
_SESSION_GOVERNORS = frozenset(_WORDS["session-governor"])
_BODIES_NUMBERED = ("中国人民政治协商会议第", "中华人民共和国第")
_STOP_SUFFIXES = tuple(w for w in _STOP_WORDS if len(w) >= 2 and w not in ("时间",))
_STOP_POS = ("p", "c", "u", "f", "r", "w")
_GENERIC_MODIFIERS = {"", *_WORDS["generic-modifier"]}  # "": the bare head (会议)

_BARE_SPIRIT = lazy_pattern.compile(r"会议(?:精神|部署)")
_ORDINAL_ONLY = lazy_pattern.compile(r"第[一二三四五六七八九十\d]{1,3}次")
_BARE_NEVER = set(_WORDS["bare-never"])
_LEADING_PERIOD = lazy_pattern.compile(r"(?:\d{4}年度?|[一二三四]季度|[上下]半年|第[一二三四五六七八九十\d]{1,3}次)+$")
# (承办, 主办: the host country or city holds it, 在达喀尔承办…部长级会议)
_HELD_BEFORE = lazy_pattern.compile(r"(?:主持召开|召开了?|举行了?|举办了?|承办了?|主办了?|主持|出席|参加|列席|出席了|参加了|出席完|参加完|进行)$")
# 主持召开经济形势专家和企业家座谈会: a name joined by 和/与 that the leftward growth stopped at.
_HELD_GAP = lazy_pattern.compile(r"(?:主持召开|召开了?|举行了?|举办了?|主持)([^，,。；;的]{1,14}?[和与及])$")
_HELD_LISTED = lazy_pattern.compile(r"(?:主持召开|召开了?|举行了?|举办了?)([^，,。；;的]{2,30}?、)$")
_ATTEND_BEFORE = lazy_pattern.compile(r"(?:出席|参加|列席)(?:了|完)?$")
# 见证 earlier in the clause, before what a ceremony signs (见证了…多份合作文件的签字仪式).
_WITNESSED = lazy_pattern.compile(r"见证(?:了)?[^，,。；;]{0,60}$")
# 出席了 and a list of fields ending in 、 (双方经贸、|港口和人文领域…签字仪式): where the word walk stopped, at the list.
_ATTENDED_LISTED = lazy_pattern.compile(r"(?:出席|参加)(?:了)?([^，,。；;的]{1,30}?、)$")
# …第五次全体会议，8月5日至6日在京举行: a date clause may stand between the name and the verb
_HELD_AFTER = lazy_pattern.compile(
    r"^(?:[，,](?=\d{1,2}月|\d{4}年|[今昨前]天))?[^，,。；;]{0,24}?(?:在[^，,。；;]{1,12})?(?:隆重|胜利)?(?:召开|举行|开幕|闭幕)"
    r"(?![^，,。；;]{0,4}(?:以来|不久))"  # 党的十九大闭幕不久: a time after it, not a report of it
)
# 欢迎仪式后，…举行会谈: the clause after the ceremony reports what followed it there (not 此后, 以后: a time).
_CEREMONY_THEN = lazy_pattern.compile(r"^(?:结束)?后[，,][^。；;]{0,30}?(?:举行|会谈|会见|出席|参观|共同)")
# …揭牌仪式由X主持: someone presided over it, so it took place.
_PRESIDED_AFTER = lazy_pattern.compile(r"^[，,]?由[^，,。；;]{1,30}?(?:主持|共同主办|联合主办|主办|承办)")
# 向|…理论研讨会|致贺信: a letter of congratulation to a gathering marks it being held.
_CONGRATULATED_AFTER = lazy_pattern.compile(r"^(?:致|发来)(?:贺信|贺词|贺电|视频致辞)")
_CITED_AFTER = lazy_pattern.compile(
    r"^(?:的)?(?:各项|重大|重要|决策)?(?:精神|部署|决策|要求|确定|提出|作出|强调|指出|明确|以来|上的|报告|决议|决定|做好(?:各项)?准备|作好准备|成果|共识|在即|"
    r"召开以来|胜利召开以来|闭幕以来|(?:所)?取得的)"
)
_CITED_BEFORE = lazy_pattern.compile(
    r"(?:贯彻|落实|学习|传达|迎接|按照|根据|领会|宣传|践行|对标|纪念|庆祝|筹备|开好|办好|自|从)[^，,。；;]{0,12}$"
    # 高度评价|上合组织天津峰会: judged, so over (not 评价习近平主席在…大会上的讲话, a speech judged)
    r"|(?:评价|赞赏|祝贺)$"
    # 经|中央纪委常委会会议|研究并报…批准: the body's decision cites the meeting that took it
    r"|(?:^|[，,])经$"
    # 在深圳举行的…领导人非正式会议: a meeting named as held elsewhere, at another time, is cited
    r"|(?<!随后|随即|接着|当天|当日|会后)(?:召开|举行|举办|开幕|闭幕)的$"
)
# 在随后召开的港口发展座谈会上，他指出: what was said at it is reported, so it was held here.
_SUMMIT_ROLE = lazy_pattern.compile(r"领导人|元首|首脑|总理|总统|外长|部长|书记|省长|市长|主席|议长")
_HELD_ATTRIBUTIVE = lazy_pattern.compile(r"(?:召开|举行|举办)的$")
# (一场 is "a": 举行一场媒体座谈会 reports one)
# (23个平行论坛: a count in figures with 个 too; not 三个…, which opens watchwords, 三个代表…研讨会)
_COUNTED_MEETINGS = lazy_pattern.compile(r"(?<![第\d一二两三四五六七八九十百几多])(?:(?:\d+|[二两三四五六七八九十百几多][一二两三四五六七八九十百几多]*)[多余]?(?:次|场|轮)|\d+[多余]?个)")
# 出席在科托努举行的…论坛: attended where it was held, so held (not 在深圳举行的…会议, cited)
_ATTENDED_AT = lazy_pattern.compile(r"(?:出席|参加|主持)(?:了)?在[^，,。；;]{1,16}(?:召开|举行|举办)的$")
_ATTEND_VERBS = frozenset(("出席", "参加", "列席", "参与"))
_SPEECH_VERB = lazy_pattern.compile(r"指出|强调|表示|要求|认为|说")
_SAID_THERE = lazy_pattern.compile(r"上[，,]\s*([他她])")
# …论坛并致辞，中国贸促会会长任鸿斌主持论坛: who chaired the meeting named just before, later in its sentence.
_CHAIRED_AFTER = lazy_pattern.compile(r"[^，,。；;]{0,8}[，,]([^，,。；;]{2,30}?)主持(?:论坛|会议|会谈|仪式|开幕式|大会|活动|峰会)")
# 会议决定，…召开 / 将于…举行: a meeting decided or announced, not yet held.
_PLANNED_AFTER = lazy_pattern.compile(r"^[^，,。；;]{0,4}?(?:将|拟|定)(?:于|在)[^，,。；;]{0,24}?(?:召开|举行|举办|开幕)")
_DECIDED_BEFORE = lazy_pattern.compile(r"决定[，,：:]?$")
# What says the clause is a plan still to come (明年组织…参加…; not 将赴…出席…, a trip announced, which keeps its day).
_FUTURE_CLAUSE = lazy_pattern.compile(r"明年|下一步")
# (期待明年在堪培拉举办…, 为今年下半年举行…做好准备: looked forward to, so still to come)
_PLANNED = lazy_pattern.compile(
    r"(?:决定|将于|将在|拟于|拟在|定于|期待|期盼|欢迎|支持)[，,]?[^，,。；;]{0,24}?(?:召开|举行|举办|承办|主办)(?:了)?$"
    r"|将(?:承办|主办)$")  # (中方明年将主办…会议)
# X在…大会上讲话 / 发表讲话 / 强调: someone spoke at it, so it took place.
_SPEECH_AT = "发表|作|强调|指出|讲话|致辞|表示"
_ANNOUNCEMENT_AT = "宣布|提出|宣示|阐述|倡议|发出"
_SPOKE_AT = lazy_pattern.compile(rf"^上(?:{_SPEECH_AT})")
# 我在第三届“一带一路”国际合作高峰论坛上宣布, 在中央经济工作会议上提出: what was announced or put forward at a meeting
# is cited from it; whether it was held the day reported other words say. At an opening ceremony it was spoken there
# (在…部长级会议开幕式上宣布): a ceremony is reported as it happens.
_ANNOUNCED_AT = lazy_pattern.compile(rf"^上(?:郑重|正式)?(?:{_ANNOUNCEMENT_AT})")
_SPOKE_OR_ANNOUNCED_AT = lazy_pattern.compile(rf"^上(?:郑重|正式)?(?:{_SPEECH_AT}|{_ANNOUNCEMENT_AT})")


def _spoke_at(kind: str) -> lazy_pattern.LazyPattern:
    """What says someone spoke at a gathering of ``kind`` right after its name and 上."""
    return _SPOKE_OR_ANNOUNCED_AT if kind == "仪式" else _SPOKE_AT
# …大会上，习近平总书记郑重宣布: the speaker named after the meeting, in the clause after its 上.
_SPOKE_THERE = lazy_pattern.compile(r"^上[，,]([^，,。；;]{2,14}?)(?:郑重|庄严|向世界)?(?:宣布|发表|强调|指出|讲话|致辞|表示)")
# An organ convening a meeting it does not name: 市委常委会召开会议, 国务院召开常务会议.
_ORG_CONVENES = lazy_pattern.compile(
    r"([\p{Han}]{0,16}?(?:常委会|党组|党工委|党委|工委|委员会|政府|国务院|政治局|市委|省委|区委|县委|管委会))"
    r"(?:于[^，,。；;]{1,12}|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上)?|[今昨前]天(?:上午|下午|晚上)?)?召开(?:了)?$"
)
_ORG_HEADS = set(_WORDS["organ-head"])
# A talk held where a visit went, unnamed (在夏隆村召开的座谈会上): the visit's, whose leader the sentence before names.
_TALK_HELD_THERE = r"在[^，,。；;“”]{1,12}?(?:召开|举行)的座谈会上"
# 座谈会上 / 在…座谈 opening a sentence reports a talk held during a visit.
_TALK = lazy_pattern.compile(
    rf"(?:^|(?<=[，,。；;\s]))(?:{_TALK_HELD_THERE}|座谈会上)(?=[，,])"
    r"|[在与同和][^，,。；;“”]{0,20}?座谈(?:交流)?(?:时|中)?(?=[，,。；;]|时|中)"
)
_SAME_OCCASION = lazy_pattern.compile(
    # 对话会前，开幕式前，欢迎仪式结束后，就职典礼结束后，随后，峰会期间，: the occasion the sentence before reported
    r"[\s　]*(?:会前|会上|会后|会议期间|其间|期间|当天|当日|随后|\p{Han}{0,8}?(?:会|会谈|会见|仪式|典礼|论坛|开幕式|闭幕式)(?:结束)?[前后]"
    r"|\p{Han}{0,8}?(?:会|论坛)期间)"
    r"(?:上午|中午|下午|晚上|晚)?[，,]"
)
_DELEGATION = lazy_pattern.compile(r"代表团|一行|客人")
# 双方举行工作会谈: talks held by the two sides of the reception reported just before (…举行欢迎仪式，随后两人举行会谈).
_BOTH_SIDES = lazy_pattern.compile(
    r"(?:会见后，)?(?:随后|会后|仪式后)?(双方|两国元首|两国领导人|两国总理|两国外长|两国议长|两位领导人|两人|二人)(?:随后|还|并|即)?"
    r"(?:在[^，,。；;]{2,14}?)?(?:举行|进行)(?:了)?(工作|正式|深入|小范围|大范围)?")  # (…在人民大会堂举行)
_LEADS = lazy_pattern.compile(r"率(?:团|代表团|领代表团|队)")
_RECEPTION = lazy_pattern.compile(r"(?:会见|会谈|会晤|通电话|视频通话|亲切会见|集体会见|(?<!团)拜会(?!见))")
# (团拜会 is a party; 在迪拜|会见 no courtesy call)
# 他应邀拜会布干达国王: a courtesy call, a reception the one called on hosts (the subject is the guest).
_CALLS_ON = "拜会"
# The kind of record each reception verb makes (SPEC.md §2: 会见, 会谈 …).
_RECEPTION_KIND = {"会谈": "会谈", "会晤": "会晤", "通电话": "通电话", "视频通话": "通电话"}
RECEPTION_KINDS = frozenset(("会见", *_RECEPTION_KIND.values()))
# Venues in Beijing where state receptions are held: 在人民大会堂会见 happened in 北京.
BEIJING_VENUES = _WORDS["beijing-venue"]
_JOINS_RECEPTION = lazy_pattern.compile(r"(?:参加|出席|陪同|列席)(?:了)?(?:有关|上述|相关|以上)?$")  # 参加有关会见
_ATTEND_AFTER = lazy_pattern.compile(
    r"(?:出席|列席|参加)(?:了)?(?:会议|开幕式|闭幕式|活动)?(并(?:发表|作)?(?:重要|主旨)?(?:讲话|致辞|演讲))?"
    r"(?:并[^，,。；;]{1,8})?(?=[，,。；;]|$)"  # 出席并答记者问
)


@register("meetings", requires=("officials", "places", "dates"))
def extract(ctx: Context) -> list[Meeting]:
    found: list[Meeting] = []
    for start, end, kind in _candidates(ctx):
        if _next_edition(ctx.text, start):
            continue  # 下一届论坛将于2028年举办: the next edition, announced, is no meeting held or cited
        if kind == "常委会" and _CONVENES_OTHER.match(ctx.text, end):
            continue  # 全国人大常委会22日下午在京召开长江保护法实施座谈会: the standing committee convenes another meeting
        m = _classify(ctx, start, end, kind)
        if m is not None:
            found.append(m)
    receptions = _receptions(ctx)
    # A gathering named inside a guest's description (会见来华出席…论坛的…总统) is not one held here: a
    # named edition of it is cited (第三届“一带一路”国际合作高峰论坛), anything else is dropped.
    kept = []
    for m in found:
        if any(r.start < m.start < r.end for r in receptions):
            edition = _EDITION.search(m.name) or _YEAR_FIRST.match(m.name)  # (2025年|上海合作组织峰会: the year's)
            if not edition and not _proper_gathering(m.name):
                continue
            if edition and ctx.published and edition.group().startswith(str(ctx.published.year)) and not m.referenced:
                m.hosts, m.attendees, m.speakers = [], [], []  # …2026年年会 in a paper of 2026: going on now, held
            else:
                m.referenced, m.date, m.hosts, m.attendees, m.speakers, m.place = True, None, [], [], [], None
                m.evidence = "cited:guest-description"
        kept.append(m)
    found = kept
    if not any(m.kind == "座谈会" for m in found):
        # 座谈会上，… after a named 座谈会 refers back to it; otherwise it is a visit's talk.
        found.extend(_talks(ctx))
    # (出席金砖国家领导人第十五次会晤, 中国—中亚外长会晤: the verb is the named meeting's last word, no reception)
    found.extend(r for r in receptions if not any(m.start < r.start and r.end == m.end for m in found))
    found.extend(_briefings(ctx))
    found.extend(_welcomes(ctx))
    found.extend(_headline_press_conference(ctx, found))
    found.sort(key=lambda m: m.start)
    merged = _merge_mentions(found, frozenset(o.name for o in ctx.doc.officials or [] if o.name))
    _later_hosts(ctx, merged)
    merged.extend(_opened(merged))
    merged.sort(key=lambda m: m.start)
    return merged


def _next_edition(text: str, start: int) -> bool:
    """Whether the candidate at ``start`` names the next edition (下一届, 下届), opening on 下 or just after it."""
    return text.startswith(("下一届", "下届"), start) or (text[start - 1 : start] == "下" and text.startswith(
        ("一届", "届"), start)) or (text[start - 2 : start] == "下一" and text.startswith("届", start))


# 出席…投资合作论坛开幕式: the gathering a held opening opens (论坛, 峰会, 博览会 …), named before 开幕式.
# (…经济论坛全会, …博览会全体大会: a forum's plenary session is its part, reported as held with it)
_OPENED = lazy_pattern.compile(r"([\p{Han}“][\p{Han}—\-·“”《》\d]{2,40}?(论坛|峰会|博览会|交易会|洽谈会|研讨会|年会|大会|会议))(?:开幕式|闭幕式|全会|全体大会)$")


def _proper_gathering(name: str) -> bool:
    """全球妇女峰会, 中国—中亚峰会: a summit, forum or expo named by a subject of its own (four characters or more before
    its kind, no determiner or generic word), one gathering whatever its edition."""
    head = _head_of(name)
    modifier = name[: len(name) - len(head)] if head else ""
    return head in _PROPER_KINDS and len(modifier) >= 4 and modifier not in _GENERIC_MODIFIERS and \
        _DETERMINER.match(modifier) is None


_PROPER_KINDS = frozenset(("峰会", "论坛", "博览会", "大会"))


def _opened(found: list[Meeting]) -> list[Meeting]:
    """The forum a reported opening or closing ceremony belongs to is held too (SPEC §3: an 开幕式 is a
    meeting separate from its forum, every set's annotators list both), chaired by no one named."""
    names = {m.name for m in found}
    out = []
    for m in found:
        g = _OPENED.match(m.name) if not m.referenced and m.kind in ("仪式", "全会", "会议") else None
        if g is None or g.group(1) in names or (m.name.endswith("全会") and g.group(2) not in ("论坛", "峰会", "博览会")):
            continue  # (a party congress's 全会 is its own plenum, not a forum's session)
        names.add(g.group(1))
        out.append(Meeting(name=g.group(1), kind=g.group(2), date=m.date, attendees=list(m.attendees), place=m.place,
                           referenced=False, start=m.start, end=m.start + len(g.group(1)), evidence="opened"))
    return out


# X主持会议。 / X主持开幕会 / X在主持学习时强调: the chair named apart from the meeting's own sentence.
_CHAIRS_IT = lazy_pattern.compile(
    r"(?:同志)?(?:主持(?:了)?(?:会议|开幕会|闭幕会|本次会议|全体会议)(?=[。，,并；;\n]|$)|在主持(?:会议|学习|座谈会|座谈)时)")


# 开幕会由全国政协副主席胡春华主持: the same, said of the meeting first (by 由, a title between).
_CHAIRED_BY = lazy_pattern.compile(r"(?:开幕会|闭幕会|会议|本次会议|全体会议)由[^，,。；;\n]{0,30}$")
_CHAIR_VERB = lazy_pattern.compile(r"(?:同志)?主持(?=[。，,；;\n]|$)")


def _chaired_by(text: str, start: int, end: int) -> regex.Match | None:
    if not _CHAIR_VERB.match(text, end):
        return None
    return _CHAIRED_BY.search(text, max(0, start - 40), start)


def _later_hosts(ctx: Context, meetings: list[Meeting]) -> None:
    """A held meeting reported without its chair takes the person who, later in the article, 主持会议 or
    speaks 在主持学习时 (国务院副总理…出席会议并讲话。…韩俊主持会议。), or by whom 开幕会由…主持, the last such
    meeting before them."""
    open_ = [m for m in meetings if not m.referenced and not m.hosts and m.kind not in RECEPTION_KINDS]
    if not open_:
        return
    text = ctx.text
    for p in persons_in(ctx, 0, len(text)):
        chair = _CHAIRS_IT.match(text, p.end) or _chaired_by(text, p.start, p.end)
        if chair is None:
            continue
        before = [m for m in meetings if not m.referenced and m.kind not in RECEPTION_KINDS and m.start < p.start]
        # 主持开幕会 opens the session the article reports (its first meeting), not the 主席团 sitting before it
        target = before[0] if before and "幕会" in chair.group() else (before[-1] if before else None)
        if target is not None and target in open_ and p.name not in target.attendees:
            target.hosts = [p.name]
            open_.remove(target)


def _candidates(ctx: Context) -> list[tuple[int, int, str]]:
    text = ctx.text
    spans: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for m in _CONGRESS.finditer(text):
        # The congress is named by its number alone; anything before it is context (经过十八大).
        spans.append((m.start(), m.end(), "党代会"))
        taken.update(range(m.start(), m.end()))
    for m in _HEAD.finditer(text):
        if m.start() in taken:
            continue
        tok = ctx.analysis.token_at(m.start())
        glued = tok is not None and tok.start < m.start() and text[tok.start : m.start()] in _GLUED_VERBS
        # (举行宴会 is one word of jieba's: the name starts after the verb, not where the word does)
        kind = _KIND_OF[m.group()]
        if kind == "节会" and not _FESTIVAL_OPENS.match(text, m.end()):
            continue
        if _HEADED_BY.match(text, m.end()):
            continue  # 巴林协商会议|主席, 联合国大会|主席: a chamber or an assembly its head's title names, no gathering
        last = ctx.analysis.token_at(m.end() - 1)
        if last is not None and last.start == m.end() - 1 and last.end > m.end() and m.end() - m.start() == 2 \
                and not _AT_THE_MEETING.match(last.text):
            continue  # 议会|议长, 全会|议题: the head's last character opens the word after it, no gathering's
        s = m.start() if glued else _grow_left(ctx, m.start())
        spans.append((s, m.end(), kind))
    return spans


# (出席会议, 主持会议 are words of jieba's too: the bare meeting the sentence is about, never a name that runs back
# over its attendee, 部长王广华|出席会议)
_GLUED_VERBS = frozenset(("举行", "召开", "举办", "出席", "参加", "列席", "主持"))
# (印尼国会|议长: 会议 read across a chamber and its speaker's post; 会议长达3小时 is the meeting)
_HEADED_BY = lazy_pattern.compile(r"副?(?:主席|议长)(?!团)|(?<=会议)长(?![达时期久])")
# 年|会上, 峰|会期间: a word jieba makes of a gathering's last character and a localizer belongs to the gathering
_AT_THE_MEETING = lazy_pattern.compile(r"会[上中前后间期]")


def _bloc_pair(before: Token, after: Token) -> bool:
    """东盟|与|中日韩: 与 between two groups of states (an abbreviation and a run of states' one-character forms)
    joins the parties a summit's name holds, not a subject and its partner."""
    return before.pos == "j" and after.pos in ("ns", "j") and len(after.text) >= 2


_PLACE_TAGS = ("ns", "nz", "nrt", "j")
_STATES_OF = frozenset(("国家", "地区"))


def _regions_pair(toks: list[Token], i: int) -> bool:
    """拉美|和|加勒比|国家共同体, 俄罗斯|与|非洲|国家峰会: two regions whose states a body's or a summit's name groups (the
    国家 or 地区 right after the second says so), not a subject and its partner."""
    if i + 2 >= len(toks) or toks[i - 1].pos not in _PLACE_TAGS or toks[i + 1].pos not in _PLACE_TAGS:
        return False
    return toks[i + 2].text in _STATES_OF and toks[i].end == toks[i + 1].start and toks[i + 1].end == toks[i + 2].start


def _joins_inside_name(text: str, toks: list[Token], i: int, pos: int) -> bool:
    """Whether the conjunction at token ``i`` joins two parts of the name that ends at ``pos`` rather than a subject
    and its partner: two nouns (中国—东盟商务|与|投资峰会), two groups of states, or two parties (中国共产党|同|正义党
    第三次理论研讨会); or a holiday's 期间 is part of the name."""
    t = toks[i]
    if i == 0 or toks[i - 1].end != t.start:
        return False
    before = toks[i - 1]
    if (t.text == "期间" and _HOLIDAY.fullmatch(before.text)) or (t.text == "间" and before.text.endswith("政府")):
        return True  # 全国元旦|春节|期间|保供稳价工作电视电话会议: the holiday names the meeting's task; 政府|间: intergovernmental
    if t.text in "与和及" and (before.pos in ("n", "vn") or (t.text == "与" and _bloc_pair(before, toks[i + 1]))
                              or _regions_pair(toks, i) or _verb_noun_pair(toks, i)) \
            and before.text not in _STOP_WORDS and not text.endswith(_HEAD_WORDS, 0, t.start):
        return True
    return t.text in "同与和" and before.text.endswith("党") and "党" in text[t.end : pos]


def _verb_noun_pair(toks: list[Token], i: int) -> bool:
    """绿色开发|与|农业合作论坛, 生态保护|与|高质量发展…: a verb of two characters jieba tags so, used as a field's noun, then
    与 and a noun: two fields of one name."""
    before, after = toks[i - 1], toks[i + 1] if i + 1 < len(toks) else None
    return toks[i].text == "与" and before.pos == "v" and len(before.text) == 2 and after is not None \
        and after.start == toks[i].end and after.pos in ("n", "vn", "ns", "nz")


def _parties_word(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` is the 方 of 相关方 or 有关方, the parties concerned."""
    return toks[i].text == "方" and i > 0 and toks[i - 1].text in ("相关", "有关") and toks[i - 1].end == toks[i].start


def _grow_left(ctx: Context, pos: int) -> int:
    """Extend a name leftwards token by token (at most 24 characters, 40 across a 暨)."""
    text = ctx.text
    toks = ctx.analysis.tokens
    starts = token_starts(ctx)
    i = bisect_left(starts, pos) - 1
    start = pos
    if i >= 0 and toks[i].start < pos < toks[i].end and _HAN_DIGITS.fullmatch(text[toks[i].start : pos]):
        start = toks[i].start  # the head sits inside a token (三中全会): take the whole token
        i -= 1
    # Two names joined by 暨 (全国审计工作会议暨…表彰大会) are one event's name and run longer; a ceremony's
    # name does not (…博览会暨…峰会|开幕式: the expo and summit are gatherings of their own, as before).
    ceremony = text.startswith(_CEREMONY_WORDS, pos)
    plenum = _PLENUM_HEAD.match(text, pos) is not None
    while i >= 0 and pos - toks[i].start <= (40 if "暨" in text[start:pos] and not ceremony else 24):
        t = toks[i]
        if t.end == start and t.text == "》" and start < pos and (opened := text.rfind("《", max(0, start - 40), start)) >= 0 \
                and "》" not in text[opened : start - 1]:
            start = opened  # 《大连市与北九州市…合作备忘录》|签约仪式: a ceremony named by the document it signs
            break
        if t.end == start and t.text == "”" and (quoted := _quoted_titles_start(text, t.start)) is not None:
            start, i = quoted, bisect_left(starts, quoted) - 1  # 全国“人民满意的公务员”|表彰大会
            continue
        if t.end != start or not _NAME_TOKEN.fullmatch(t.text) or "——" in text[max(0, t.start - 1) : t.end + 1]:
            break  # 《…——热烈祝贺…会议开幕》: a double dash opens a subtitle, never a name's part
        if plenum and t.text.endswith(_GATHERING_ENDS):
            plenum = False  # 俄罗斯国际能源论坛|全会: a forum's plenary session, named by the forum
        if plenum and not _plenum_part(t):
            break  # 热议|十九届五中全会, 深刻认识|全会: a Party plenum is named by its body and numbers alone
        if t.text == "的" and i > 0 and toks[i - 1].text == "党" and toks[i - 1].end == t.start:
            start = toks[i - 1].start  # 党的二十大
            break
        if (t.text == "中" and text[t.end : t.end + 1] in BILATERAL_SHORT) or (
                t.text == "对" and text.startswith(("台", "外"), t.end) and text.startswith("工作", t.end + 1)):
            # (对台|工作会议: the field of work, no preposition)
            start = t.start  # 中新|数字经济合作中心, 中欧|…: China and a partner, abbreviated
            i -= 1
            continue
        if _joins_inside_name(text, toks, i, pos):
            start = t.start
            i -= 1
            continue
        if t.text == "年" and i > 0 and toks[i - 1].end == t.start and regex.fullmatch(r"(?:19|20)\d\d", toks[i - 1].text):
            start = toks[i - 1].start  # 博鳌亚洲论坛|2026|年|年会: an edition's year inside the name
            i -= 2
            continue
        if t.text in ("中", "初", "末") and i > 0 and toks[i - 1].text == "年" and toks[i - 1].end == t.start:
            start = toks[i - 1].start  # 全国市场监管系统|年|中|工作座谈会: the time of year the meeting is named for
            i -= 2
            continue
        if t.text in _PAIRED_VERBS and i > 0 and toks[i - 1].end == t.start and toks[i - 1].pos in ("v", "vn") \
                and len(toks[i - 1].text) == 2 and toks[i - 1].text not in _STOP_WORDS:
            start = toks[i - 1].start  # 梯田保护|利用|暨…推进会: the second of two verbs inside the name
            i -= 2
            continue
        if t.text in _FIELD_VERBS and i > 0 and toks[i - 1].end == t.start and toks[i - 1].pos == "n" \
                and len(toks[i - 1].text) == 2 and toks[i - 1].text not in _STOP_WORDS:
            start = toks[i - 1].start  # 加强基础|研究|座谈会: a field named by a noun and its verb
            i -= 2
            continue
        if t.text in posts() and (p := person_ending_at(ctx, t.start, slack="")) is not None and p.end == t.start:
            break  # 贯彻习近平|总书记|全国两会期间…讲话: the speaker and his post, no part of the meeting's name
        if _parties_word(toks, i):
            start = toks[i - 1].start  # 相关|方|外长会: "the parties concerned", a noun (相关会议 names none)
            i -= 2
            continue
        if t.text in _STOP_WORDS or (t.pos.startswith(_STOP_POS) and len(t.text) == 1 and t.text not in "党市省区县"):
            break
        if ((t.pos.startswith("v") and t.pos != "vn") or t.text in _SESSION_GOVERNORS) and (
                text.startswith("第", t.end) or _SESSION_OPEN.match(text, t.end)):  # (经济|合作, a noun: …合作|第八次领导人会议)
            break  # 推动|第二十一次会议, 提请|全国政协十四届…, 建议|第十三届…: a verb before a numbered name governs it
        if t.text in _SESSION_GOVERNORS and text.startswith(_BODIES_NUMBERED, t.end):
            break  # 播发|中国人民政治协商会议第十四届…: the body's full name before its numbered session (not 庆祝|…成立75周年大会)
        if t.pos.startswith(("p", "c")) and len(t.text) == 2:
            break  # 关于|政协第十四届…会议: a preposition opens no name
        if t.text.endswith(_STOP_SUFFIXES):
            break  # 认真落实, 深入贯彻: the segmenter fused an adverb onto the verb
        start = t.start
        i -= 1
    return _trimmed_start(ctx, start, pos)


def _quoted_titles_start(text: str, close: int) -> int | None:
    """Where the quoted titles that end with the ” at ``close`` start: a quoted title inside a meeting's name, whatever
    words it holds (全国“人民满意的公务员”|表彰大会), and the one before it that 和 joins (“…”和“…”表彰大会)."""
    start = _quote_opened(text, close)
    while start is not None and text[start - 1 : start] in ("和", "、", "及") and text[start - 2 : start - 1] == "”" \
            and (before := _quote_opened(text, start - 2)) is not None:
        start = before
    return start


def _quote_opened(text: str, close: int) -> int | None:
    """Where the “ that the ” at ``close`` closes stands, within 24 characters and around Han words (a book's title and
    digits among them: “纪念《世界人权宣言》发表75周年”) only."""
    opened = text.rfind("“", max(0, close - 24), close)
    if opened < 0 or not _QUOTED_TITLE.fullmatch(text, opened + 1, close):
        return None
    return opened


_QUOTED_TITLE = lazy_pattern.compile(r"[\p{Han}、·《》\d]+")


def _trimmed_start(ctx: Context, start: int, pos: int) -> int:
    """Where the name the word walk read from ``start`` to the head at ``pos`` starts once what is no part of it is cut
    off: a governing verb, an unopened bracket, a dateline, a date."""
    text = ctx.text
    if start < pos and (verb := ctx.analysis.token_at(pos - 1)) is not None and verb.pos == "v" and verb.end == pos and (
            (text.startswith("全会", pos) and verb.start == start) or _BARE_SPIRIT.match(text, pos)):
        # 推动|全会精神: a plenum is named by its number, so a verb alone before it governs it; a verb right before a
        # bare 会议 whose spirit or plan follows governs that (抓紧推动|会议精神落地见效: the meeting just reported)
        start = pos
    if text.startswith("年", start) and start >= 4 and text[start - 4 : start].isdigit():
        start -= 4  # 2025|年度中国青年五四奖章…颁奖仪式: the length limit cut the year off its 年度
    start = _after_unopened_bracket(text, start, pos)
    # A date heading the sentence belongs to the event, not its name (1月12日召开…), but a year or
    # an ordinal inside it does (2024年第2次工委会议): drop leading month/day parts only.
    dateline = _DATELINE.match(text, start, pos)
    if dateline:
        start = dateline.end()  # 新华社福州5月21日电　第九届…峰会: the dateline is no part of the name
    lead = _LEAD_DATE.match(text[start:pos])
    if lead:
        start += lead.end()
    part = _LEAD_PART_OF_DAY.match(text, start, pos)
    if part:
        start = part.end()  # 传达学习上午|学习会精神: when, not what it is called
    for d in dates_between(ctx, start - 12, pos):
        if d.start <= start < d.end <= pos and (not _YEAR_VALUE.fullmatch(d.value or "") or d.text in _DEICTIC_YEARS):
            start = d.end  # 昨天, 今天上午, 今年: when it happened, not what it is called (2024年 may be part of it)
    return start


_PLENUM_HEAD = lazy_pattern.compile(r"中?全会")
_GATHERING_ENDS = ("论坛", "大会", "峰会", "年会", "会议")
# What a plenum's name is made of besides its numbers (十九届, 五中, 第三次): the Party, its organ, a place's organ.
_PLENUM_WORDS = frozenset(("届", "第", "次", "中", "历次", "党", "的", "中共", "中央", "党中央", "纪委", "中央纪委", "委",
                           "委员会"))
_PLENUM_NUMBER = lazy_pattern.compile(r"第?[零〇一二三四五六七八九十百\d]+(?:届|次|中)?")


def _plenum_part(t: Token) -> bool:
    """Whether a word may stand in a plenum's name (中国共产党|十九届|五中全会, 湖南|省委|十一届|九次|全会, 民盟|第十二届…:
    a party's short name); a numeral word of no ordinal (刘结|一对|全会) is none."""
    return _PLENUM_NUMBER.fullmatch(t.text) is not None or t.pos in ("ns", "nt", "j") or t.text in _PLENUM_WORDS \
        or t.text.endswith(("委", "党", "盟"))


def _after_unopened_bracket(text: str, start: int, pos: int) -> int:
    """新华社…电（记者 樊思远）|全国春季农业生产现场推进会: a bracket closed inside that it did not open ends a byline,
    not a part of the name (中国（海南）…论坛 keeps both)."""
    depth = 0
    for k in range(start, pos):
        c = text[k]
        if c in "（(":
            depth += 1
        elif c in "）)":
            if depth == 0:
                start = k + 1
            else:
                depth -= 1
    return start


_DEICTIC_YEARS = frozenset(("今年", "明年", "去年", "前年", "后年", "当年", "本年"))
_SITTING = lazy_pattern.compile(r"会议|第[一二三四五六七八九十百\d]+次")  # a standing committee's sitting, not the body
_TITLE_CLOSES = lazy_pattern.compile(r"[^《》。；;！？!?\n]{0,40}》")
_TITLE_VERB = lazy_pattern.compile(r"(?:热烈|隆重|认真|深入)?(?:祝贺|庆祝|纪念|迎接|学习|贯彻|落实|宣传|领会|传达)+")


def _in_title(ctx: Context, start: int, end: int, kind: str) -> Meeting | None:
    """A meeting named inside the title of a work (社论《…——热烈祝贺全国政协十四届四次会议开幕》) is cited there,
    whatever the title says of it; its name starts after the 《 or the subtitle's dash."""
    text = ctx.text
    opened = text.rfind("《", max(0, start - 40), end)
    lo = max(opened + 1 if opened >= 0 else start, text.rfind("——", opened + 1, end) + 2)
    start = max(start, lo)
    verb = _TITLE_VERB.match(text, start, end)
    if verb is not None:
        start = verb.end()  # 《热烈祝贺|…会议开幕》
    name = text[start:end]
    head = _head_of(name)
    if start == opened + 1 and text.startswith("》", end):
        return None  # 《全国大学生党史知识竞答大会》今晚开播: a work named after a gathering is a programme
    if len(name) - len(head) < 2 and not _CONGRESS.search(name):
        return None  # 《关于召开会议的通知》: no gathering named
    if kind == "常委会" and not _SITTING.search(name):
        return None  # 《区委常委会工作报告》: the standing committee as a body, not a sitting of it
    return Meeting(name=name, kind=kind, referenced=True, start=start, end=end, evidence="cited:work-title")


# 出席|越南在重庆设立总领馆换文|仪式: a ceremony is named by what it marks, a clause of its own.
_CEREMONY_AFTER_VERB = lazy_pattern.compile(r"(?:出席|参加|举行|举办|见证|主持)(?:了)?([^，,。；;、“”《》的]{2,20})$")
# What a clause's subject holds before a meeting's name when it is no part of the name (以实际行动迎接|党的二十大,
# 在|…大会, 由…主办的|…论坛): prepositions, particles, conjunctions, pronouns, and the verbs of welcoming.
_NOT_NAME_POS = ("p", "u", "c", "r")
# (将, 就, 将就: 14日将就峰会举行筹备会议 says what a later meeting will be about, it names none)
# (俄罗斯宣布|金砖峰会…举行, 距离|第三届进博会开幕: the clause's own verb before its subject)
_NOT_NAME_WORDS = frozenset(("迎接", "喜迎", "庆祝", "纪念", "献礼", "为", "以", "在", "由", "的", "将", "就", "将就", "拟",
                             "宣布", "距离"))
_CEREMONY_HEADS = ("仪式", "典礼")
_CEREMONY_WORDS = tuple(k for k, kind in _KINDS if kind == "仪式")
# The name is the clause's whole subject: only when and where stand between it and 召开.
_SUBJECT_HELD = lazy_pattern.compile(
    r"\s*(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上)?(?:在[^，,。；;]{1,12}?)?(?:隆重|胜利)?(?:召开|举行|开幕|闭幕|开班)")


def _whole_clause_name(
    ctx: Context, c_lo: int, start: int, head: str, before: str, after: str
) -> tuple[int, regex.Match | None] | None:
    """Where a name the word walk cut short really starts, and the verb that shows it held (None when it is
    the clause's subject): (1) a clause that opens with the name and goes on to say it was held takes the
    whole opening phrase (深入贯彻中央八项规定精神学习教育中央指导组工作座谈会|6日在京召开: the walk stops at
    学习); (2) a ceremony attended or held runs back to the verb (出席|越南在重庆设立总领馆换文仪式)."""
    text = ctx.text
    if head in _CEREMONY_HEADS:
        cm = _CEREMONY_AFTER_VERB.search(before)
        if cm is not None and cm.start(1) < len(before) and not persons_in(ctx, start - len(before) + cm.start(1), start):
            return start - len(before) + cm.start(1), cm
    if not _SUBJECT_HELD.match(after) or start - c_lo > 30:
        return None
    lo = c_lo + len(text[c_lo:start]) - len(text[c_lo:start].lstrip())
    lead = _LEAD_DATE.match(text, lo, start)
    if lead is not None:
        lo = lead.end()
    if lo >= start or not _NAME_TOKEN.fullmatch(text, lo, start) or persons_in(ctx, lo, start) or dates_between(ctx, lo, start):
        return None
    toks = ctx.analysis.tokens
    i = bisect_left(token_starts(ctx), lo)
    while i < len(toks) and toks[i].start < start:
        if (toks[i].pos.startswith(_NOT_NAME_POS) or toks[i].text in _NOT_NAME_WORDS) and not _joins_fields(toks, i, lo):
            return None
        i += 1
    return lo, None


def _joins_fields(toks: list[Token], i: int, lo: int) -> bool:
    """推动科技创新|和|产业创新融合发展…座谈会|18日在京召开: 和, 与 or 及 between two fields inside a clause-long name (a
    noun or verb on either side), not a subject and its partner, nor two gatherings (…部长会议|和|国际能源变革论坛)."""
    return toks[i].text in ("和", "与", "及") and toks[i - 1].start >= lo and i + 1 < len(toks) \
        and toks[i - 1].pos[:1] in ("n", "v") and toks[i + 1].pos[:1] in ("n", "v") and toks[i - 1].end == toks[i].start \
        and not toks[i - 1].text.endswith(_GATHERING_ENDS + ("会", "会晤"))


def _held_verb_and_start(
    ctx: Context, start: int, c_lo: int, head: str, before: str, after: str
) -> tuple[int, regex.Match | None]:
    """The verb before a name that shows the meeting held, and where the name starts once what the word walk
    left out is taken in: a name joined to another (召开A和B座谈会), a clause-long name or a ceremony's."""
    # 召开2025年一季度重大项目建设动员部署会: a period between the verb and the name
    held_verb = _HELD_BEFORE.search(_MANNER.sub("", _LEADING_PERIOD.sub("", before)))
    if held_verb:
        return start, held_verb  # (举行|隆重盛大|欢迎仪式, 举行|庄严的|升旗仪式: the manner between verb and name)
    if head.endswith("仪式") and (witnessed := _WITNESSED.search(before)) is not None:
        return start, witnessed  # 两国总理共同见证了…合作文件的|签字仪式: a ceremony its witnesses attend is held
    if head.endswith("仪式") and (attended := _ATTENDED_LISTED.search(before)) is not None:
        # 共同出席了双方经贸、|港口和人文领域合作文件签字仪式: the fields the documents cover, listed, are the name's;
        # but 出席了…揭幕仪式、|…植树仪式: a ceremony of its own before 、, the verb holding both
        own = _own_meeting(attended.group(1)[:-1])
        return (start, attended) if own else (start - len(attended.group(1)), attended)
    gap = _HELD_GAP.search(before)
    if gap is not None:
        # the whole joined name; but 召开|省委常委会会议和|省政府常务会议: a meeting of its own before 和, which its own
        # candidate reads, the verb holding both
        # (举办|30场高峰会和|平行论坛: a count of both, no meeting reported)
        return (start, gap) if _own_meeting(gap.group(1)[:-1]) else (start - len(gap.group(1)), gap)
    listed = _HELD_LISTED.search(before)
    if listed is not None and _own_meeting(listed.group(1)[:-1]):
        return start, listed  # 举行|第三场全体会议、|企业家论坛和…: a list of meetings the verb holds, each its own
    whole = _whole_clause_name(ctx, c_lo, start, head, before, after)
    return whole if whole is not None else (start, None)


def _own_meeting(left: str) -> bool:
    """Whether the words a joiner (和, 、) closes after a verb of holding name a meeting of their own (省委常委会会议和|…),
    not the first part of one joined name (经济形势专家和|企业家座谈会) nor a count of meetings (30场高峰会和|…)."""
    return bool(_head_of(left)) and not _COUNTED_MEETINGS.search(left)


def _numbered(name: str, kind: str) -> bool:
    """A Party congress, and a plenum or session by its number (二十届四中全会, 十四届全国人大三次会议): a proper
    name, cited wherever the article does not report it held."""
    return (kind == "党代会" and bool(_CONGRESS.search(name))) or bool(_NUMBERED_SESSION.search(name))


def _year_month_before(ctx: Context, start: int, lo: int) -> tuple[int, int] | None:
    """(year, month) of the date nearest before the name from ``lo`` (a bare year counts from its end, month 12),
    or None when there is none, its year is unknown or the paper has no date."""
    value = date_value(date_before(ctx, start, lo)) or ""
    if not ctx.published or not value[:4].isdigit():
        return None
    return int(value[:4]), int(value[5:7]) if value[5:7].isdigit() else 12


def _in_an_earlier_year(ctx: Context, start: int, lo: int) -> bool:
    """2024年9月中非合作论坛北京峰会期间 in a paper of 2026: the date before the name puts it in a year gone."""
    ym = _year_month_before(ctx, start, lo)
    return ym is not None and ym[0] < ctx.published.year


# 首届…博览会于2024年10月在北京举办: 举办 after a name reports it held where the name says which edition (本届论坛…举办
# speaks of the one the article names otherwise).
_HOSTED_AFTER = lazy_pattern.compile(r"^[^，,。；;]{0,24}?(?:在[^，,。；;]{1,12})?(?:成功)?举办")


def _hosted_edition(name: str, after: str) -> bool:
    """Whether the name says which edition (首届, 第五届) and the words after it report it hosted (…在北京举办)."""
    return _EDITION.search(name) is not None and _HOSTED_AFTER.match(after) is not None


# 首届…博览会于2024年10月在北京举办: the month the verb of holding after the name gives.
_HELD_AFTER_IN = lazy_pattern.compile(r"^[^，,。；;]{0,6}?((?:19|20)\d\d)年(\d{1,2})月[^，,。；;]{0,16}?(?:召开|举行|举办)")


def _recalled_after(ctx: Context, after: str) -> bool:
    """Whether the words after the name report it held two months or more before publication (…于2024年10月在北京举办)."""
    m = _HELD_AFTER_IN.match(after)
    if m is None or ctx.published is None:
        return False
    return _months_before(ctx, int(m.group(1)), int(m.group(2))) >= 2


def _spoke_there(ctx: Context, end: int, after: str) -> bool:
    """Whether a person named after the meeting's 上 speaks there (…30周年大会上，习近平总书记郑重宣布)."""
    m = _SPOKE_THERE.match(after)
    return m is not None and bool(persons_in(ctx, end + m.start(1), end + m.end(1)))


def _months_ago(ctx: Context, start: int, lo: int) -> int:
    """How many calendar months before publication the date opening the name's sentence lies (0 when none
    or unknown): 2024年4月，习近平…主持召开…座谈会 in a paper of August 2026 is 28 months back."""
    ym = _year_month_before(ctx, start, lo)
    return 0 if ym is None else max(0, _months_before(ctx, *ym))


def _months_before(ctx: Context, year: int, month: int) -> int:
    """Calendar months from ``year``-``month`` to the month of publication (negative for a later month)."""
    return (ctx.published.year - year) * 12 + ctx.published.month - month


def _citable(ctx: Context, name: str, kind: str, start: int, end: int, head: str) -> bool:
    """Whether a gathering not reported as held may be cited: any 会议; a kind only held (大会, 论坛 …) when its
    name says which one (an edition, a host city, a scope and subject)."""
    if kind not in _HELD_ONLY or name.endswith("会议"):
        return True
    # (庆祝…成立75周年大会: an anniversary's assembly is one event)
    return _one_edition(ctx, start, end, head) or _SCOPED_CONFERENCE.match(name) is not None \
        or _ANNIVERSARY_ASSEMBLY.search(name) is not None


# 全国生态环境保护大会, 全省科技创新大会: a conference named by its scope and subject is one event, cited as such.
_SCOPED_CONFERENCE = lazy_pattern.compile(r"(?:全国|全省|全市|全区|全县|全州|全盟|全旗|中央)\p{Han}{2,16}大会$")


# 今年在比什凯克举行的|上海合作组织峰会: a year and a verb of holding right before the name say which edition.
_HELD_IN_YEAR = lazy_pattern.compile(r"(?:今年|明年|去年|(?:19|20)\d\d年)[^，,。；;]{0,12}(?:举行|举办|召开)的$")


def _one_edition(ctx: Context, start: int, end: int, head: str) -> bool:
    """Whether the name ``text[start:end]`` names one edition of a series: by its number (第二届), by a city
    or state named right before its head (中非合作论坛北京|峰会, 二十国集团杭州|峰会), or by the year it is held in
    said right before it (今年在比什凯克举行的上海合作组织峰会)."""
    if _EDITION.search(ctx.text, start, end) or _HELD_IN_YEAR.search(ctx.text, max(0, start - 24), start):
        return True
    at = end - len(head)
    gz = load_gazetteer()
    return any(
        e.level in ("country", "province", "city") for n in (2, 3, 4) if at - n >= start for e in gz.lookup(ctx.text[at - n : at])
    )


# A festival is a gathering held only where the article reports it opening (…文化旅游周在红岩村开幕): 举办文化节 and
# 多场文化节活动 speak of festivals in general.
_FESTIVAL_OPENS = lazy_pattern.compile(r"(?:活动)?(?:[于在][^，,。；;]{1,24}?)?(?:隆重|盛大)?(?:开幕|启动|举行|拉开帷幕)")


# …成立100周年大会, …建省办经济特区30周年大会: an assembly marking an anniversary, named with the 庆祝 or 纪念 before it.
_ANNIVERSARY_ASSEMBLY = lazy_pattern.compile(r"周年(?:纪念)?大会$")


def _celebration_opening(text: str, lo: int, start: int, end: int) -> int:
    """在|庆祝|中国共产党成立100周年大会上: an anniversary's assembly is named by its celebration (庆祝, 纪念), no citing
    verb; where the name starts then."""
    return start - 2 if _ANNIVERSARY_ASSEMBLY.search(text, start, end) and text.endswith(("庆祝", "纪念"), lo, start) else start


def _classify(ctx: Context, start: int, end: int, kind: str) -> Meeting | None:
    text = ctx.text
    if in_work_title(text, end) and _TITLE_CLOSES.match(text, end):
        return _in_title(ctx, start, end, kind)
    name = text[start:end]
    head = _head_of(name)
    modifier = name[: len(name) - len(head)] if head else name
    if _DETERMINER.match(modifier) or (modifier in _ATTEND_VERBS and text.startswith("的", end)) or is_body(name):
        return None  # 这次会议: described, not named; 为出席会议的…: those attending; 联合国贸发会议: a body
    numbered = _numbered(name, kind)
    s_lo, s_hi = sentence_bounds(ctx, start)
    c_lo = clause_start(text, start, s_lo)
    # (the patterns tried on the clause before the name end at it and span at most ~30 characters: 60 are enough)
    b_lo = max(c_lo, start - 60)
    before = text[b_lo:start]
    after = text[end:s_hi]
    start, held_verb = _held_verb_and_start(ctx, start, c_lo, head, before, after)
    start = _celebration_opening(text, b_lo, start, end)
    name = text[start:end]
    modifier = name[: len(name) - len(head)] if head else name
    before = text[b_lo:start]
    # A typed gathering without a proper name (召开座谈会, 召开工作务虚会) is a meeting when held; a bare 会议 / 大会 never is.
    presided = _PRESIDED_AFTER.match(after) is not None
    bare_ok = (held_verb or presided) and head not in _BARE_NEVER
    convened = False
    org_ordinal = _ORDINAL_ONLY.fullmatch(modifier) and _ORG_CONVENES.search(before)
    if org_ordinal:
        # 国务院召开第五次全体会议: the body convening names the meeting (国务院第五次全体会议).
        org = org_ordinal
        start = max(b_lo + org.start(1), _grow_left(ctx, b_lo + org.end(1)))
        name = text[start : b_lo + org.end(1)] + modifier + head
        held_verb, convened = org, True
    elif name == "两会" and _CITED_AFTER.match(after):
        pass  # 两会在即: the annual sessions, cited
    elif not numbered and modifier in _GENERIC_MODIFIERS and not bare_ok and name != "全国两会":
        org = _ORG_CONVENES.search(before)
        if not org or head not in _ORG_HEADS:
            return None
        # 市委常委会召开会议 / 市政府召开常务会议: the body convening names the meeting.
        start = max(b_lo + org.start(1), _grow_left(ctx, b_lo + org.end(1)))
        name = text[start : b_lo + org.end(1)] + head
        held_verb, convened = org, True
        kind = "常委会" if "常委会" in name else kind
    if kind == "会晤" and not (len(modifier) <= 16 and _SUMMIT_ROLE.search(modifier + head[:-2])):
        return None  # 成功会晤, 北京会晤: a talk (see _receptions), not a summit series (金砖国家领导人会晤, 外长会晤)
    spoke_at = (bool(_spoke_at(kind).match(after)) and bool(persons_in(ctx, c_lo, start))) or _spoke_there(ctx, end, after)
    held_verb = held_verb or (after.startswith("上") and _HELD_ATTRIBUTIVE.search(before)) or None
    cited_after = _CITED_AFTER.match(after) is not None or (after.startswith("期间") and _in_an_earlier_year(ctx, start, s_lo))
    planned = bool(held_verb and _PLANNED.search(text, s_lo, start)) or bool(
        _PLANNED_AFTER.match(after) or (_DECIDED_BEFORE.search(text, s_lo, start) and _HELD_AFTER.match(after)))
    long_ago = not planned and (((held_verb or spoke_at) and _months_ago(ctx, start, s_lo) >= 2) or _recalled_after(ctx, after))
    if planned or long_ago or _attends_later(text, held_verb, s_lo, start):
        held = False  # announced ahead (会议决定，今年10月…召开), recalled (2024年4月，…主持召开 in 2026), or to be attended
    elif (held_verb and not cited_after) or _attended_there(ctx, b_lo, before):
        held = True
    elif cited_after or _CITED_BEFORE.search(before) or (kind != "仪式" and _ANNOUNCED_AT.match(after)):
        held = False
    elif (spoke_at and not numbered) or presided or _held_after(before, after, name) or _hosted_edition(name, after) or (
            _ATTEND_BEFORE.search(before) and after.startswith("的") and not numbered):
        held = True  # X在全市干部大会上讲话, 会见出席…年会的…: the article reports the meeting
    elif numbered:
        held = False
    else:
        return None
    if _COUNTED_MEETINGS.match(name) or (not held and not planned and not long_ago and not _citable(
            ctx, name, kind, start, end, head)):
        return None  # (累计召开55次专家协商会, 举办30场高峰会和平行论坛: a count of meetings, none reported)
    evidence = "planned" if planned else "cited:recalled" if long_ago else "cited" if not held else "organ-convenes" if convened else "held" if held_verb else \
        "spoke-at" if spoke_at else "presided" if presided else "held-after"
    meeting = Meeting(name=name, kind=kind, referenced=not held, start=start, end=end, evidence=evidence)
    if planned:
        # when and where it is to be held are part of the announcement; no one has chaired it yet
        _fill_held(ctx, meeting, s_lo, s_hi, False)
        meeting.hosts, meeting.attendees, meeting.speakers = [], [], []
    elif held or long_ago:  # (a recalled meeting keeps the date and chair its sentence gives)
        attended = bool(held_verb and _ATTEND_BEFORE.search(before)) or spoke_at
        _fill_reported(ctx, meeting, (s_lo, s_hi), attended, spoke_at)
    else:
        _date_recalled(ctx, meeting, s_lo)
    return meeting


def _guest_clause(rest: str) -> tuple[str, str]:
    """The reception's object up to where the guest ends (会见X时指出, 会见X并讲话), and the stretch the guest is named in:
    the same, but where 并出席 goes on inside the guest's description (会见来华进行国事访问并出席…峰会的塔吉克斯坦总统), the
    whole of it, the guest named after its 的."""
    cut = _GUEST_END.search(rest)
    if cut is None:
        return rest, rest
    inside = cut.group() == "并" and cut.start() > 0 and rest.startswith(("出席", "参加"), cut.end()) and "的" in rest[cut.end() :]
    return rest[: cut.start()], rest if inside else rest[: cut.start()]


def _guests_named(guest: str) -> str:
    """The guests a reception's name holds: a long list up to a separator within 24 characters (会见…首席顾问尤努斯、|
    俄罗斯副总理奥韦…), never cut inside a name where a separator comes first."""
    if len(guest) <= 24:
        return guest
    return guest[: guest.rfind("、", 0, 25)] if "、" in guest[:25] else guest[:24]


def _held_after(before: str, after: str, name: str) -> bool:
    """…召开, or 向|…研讨会|致贺信: what follows the name reports it held; so does a ceremony opening its clause that
    what the clause then reports follows (欢迎仪式后，李克强同洪森举行会谈)."""
    return _HELD_AFTER.match(after) is not None or (before.endswith("向") and _CONGRATULATED_AFTER.match(after) is not None) \
        or (not before.strip() and name.endswith("仪式") and _CEREMONY_THEN.match(after) is not None)


# 去年10月在科纳克里举行的|首届…论坛: the date (and place) of a cited meeting its sentence gives right before it.
_HELD_THERE_BEFORE = lazy_pattern.compile(r"(?:在([^，,。；;的]{1,12}?))?(?:举行|举办|召开)的$")


def _date_recalled(ctx: Context, m: Meeting, s_lo: int) -> None:
    d = date_before(ctx, m.start, clause_start(ctx.text, m.start, s_lo))
    held = _HELD_THERE_BEFORE.fullmatch(ctx.text, d.end, m.start) if d is not None else None
    if held is None:
        return
    m.date = date_value(d)
    if held.group(1) and held.group(1) in {p.name for p in ctx.doc.places or []} | {
            x.text for p in ctx.doc.places or [] for x in p.mentions}:
        m.place = held.group(1)


def _fill_reported(ctx: Context, m: Meeting, sentence: tuple[int, int], attended: bool, spoke_at: bool) -> None:
    """Roles, date and place of a meeting the article reports as held."""
    _fill_held(ctx, m, *sentence, attended)
    if spoke_at:
        m.speakers = dedupe(m.speakers + m.attendees)
    chaired = _CHAIRED_AFTER.match(ctx.text, m.end, sentence[1])
    if chaired and not m.hosts and (who := persons_in(ctx, chaired.start(1), chaired.end(1))):
        m.hosts.append(who[-1].name)  # …论坛并致辞，中国贸促会会长任鸿斌主持论坛: he chaired it
    said = _SAID_THERE.match(ctx.text, m.end, sentence[1])
    if said and not m.hosts and (who := resolve_pronoun(ctx, said.start(1))):
        # 在随后召开的…座谈会上，他指出: the visit's leader, who speaks, holds it
        m.hosts.append(who)
        m.speakers = dedupe([*m.speakers, who])


def _held_date(ctx: Context, m: Meeting, s_lo: int, s_hi: int) -> str | None:
    """The day a held meeting took place: in its name (an organ's), before it in its sentence, after it up
    to a speech verb, or the day the article reported last."""
    text = ctx.text
    inner = [x for x in dates_between(ctx, m.start, m.end) if is_day(x)] if m.evidence == "organ-convenes" else []
    # 中共中央政治局4月25日召开会议: the day stands between the organ and the verb it convenes with
    # A date after a speech verb belongs to what was said (…会上，他指出，今年3月…), not to the meeting.
    speech = _SPEECH_VERB.search(text, m.end, s_hi)
    after = date_after(ctx, m.end, speech.start() if speech else s_hi)
    if after is not None and text[after.start : after.end] == "年内":
        after = None  # (…党组会议，研究部署年内重点工作: 年内 scopes the work or sets a deadline, it dates no meeting)
    # (新华社北京11月17日电　…工作会议|16日至17日|在北京召开: a day right after the name is the meeting's, not the
    # dateline's before it)
    d = inner[0] if inner else after if after is not None and after.start == m.end and is_day(after) else (
        date_before(ctx, m.start, s_lo, exclude=(m.start, m.end)) or after)
    if d is None:
        # 副区长刘兆麟主持签约仪式 later in the report: the day the article reports, if one was named (not a deadline
        # set on the way: 要在12月18日前完成…)
        earlier = date_before(ctx, m.start, 0, exclude=(m.start, m.end))
        while earlier is not None and text.startswith(_DEADLINE_AFTER, earlier.end):
            earlier = date_before(ctx, earlier.start, 0, exclude=(m.start, m.end))
        if earlier is not None and "/" in (earlier.value or "") and \
                (day := date_before(ctx, earlier.start, 0, exclude=(m.start, m.end))) is not None and is_day(day):
            earlier = day  # (…24日上午…举行会谈。…于3月23日至27日…国事访问。会谈前，…举行欢迎仪式: a visit's days span the
            # event, the day the report gave before them dates it)
        d = earlier if earlier is not None and is_day(earlier) else None
    return date_value(d)


_DEADLINE_AFTER = ("前", "之前", "以前")


# 本届活动…将持续至11月2日: how long the festival just opened lasts.
_LASTS_UNTIL = lazy_pattern.compile(r"(?:本届|本次|此次)[^。；;]{0,30}?持续(?:到|至)(\d{1,2})月(\d{1,2})日")


def _festival_days(text: str, end: int, opened: str | None) -> str | None:
    """The festival's days, from the day it opened to the day the article says it lasts until."""
    until = _LASTS_UNTIL.search(text, end, end + 600)
    if until is None or opened is None or not regex.fullmatch(r"\d{4}-\d\d-\d\d", opened):
        return opened
    year, month, day = int(opened[:4]), int(until[1]), int(until[2])
    if (month, day) < (int(opened[5:7]), int(opened[8:10])):
        year += 1  # (opened in December, lasting into January)
    return f"{opened}/{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else opened


# (习近平出席摩尔多瓦总统…在…广场举行的|隆重|欢迎仪式, 韩正出席阿尔塔米拉诺举行的|就职招待会, the venue unsaid; not
# 将出席9日在…举行的…, 不会出席…: planned, or refused)
_HOST_BEFORE_VENUE = lazy_pattern.compile(
    rf"(?<![将拟会未不])(?:出席|参加)(?:了)?([^，,。；;将于\d]{{2,40}}?)(?:在[^，,。；;]{{1,16}})?(?:召开|举行|举办)的"
    rf"(?:{_MANNER_WORDS})*$")


def _attends_later(text: str, held_verb: regex.Match | None, s_lo: int, start: int) -> bool:
    """明年组织企业赴…参加|农业博览会: a clause still to come attends it, so it is not reported held (an unnamed kind of
    fair is then no meeting at all; a named one is cited)."""
    return held_verb is not None and held_verb.group().removesuffix("了") in _ATTEND_VERBS and \
        _FUTURE_CLAUSE.search(text, s_lo, start) is not None


def _attended_there(ctx: Context, b_lo: int, before: str) -> bool:
    """出席在…举行的…, 出席X在…举行的…: a gathering attended where it was held (by a named host) is reported held."""
    if _ATTENDED_AT.search(_MANNER.sub("", before)):
        return True
    hm = _HOST_BEFORE_VENUE.search(before)
    return hm is not None and bool(persons_in(ctx, b_lo + hm.start(1), b_lo + hm.end(1)))


def _host_before_venue(ctx: Context, m: Meeting, s_lo: int) -> None:
    """习近平出席摩尔多瓦总统武尔佩在…广场举行的欢迎仪式: who is named between the verb of attending and the venue
    holds the ceremony; the sentence's subject attends it."""
    hm = _HOST_BEFORE_VENUE.search(ctx.text, max(s_lo, m.start - 80), m.start)
    hosts = [p.name for p in persons_in(ctx, hm.start(1), hm.end(1))] if hm and not m.hosts else []
    if hosts:
        m.hosts = hosts[-1:]
        m.attendees.extend(p.name for p in persons_in(ctx, s_lo, hm.start()) if p.name not in m.hosts)


def _hosts_in_sentence(ctx: Context, m: Meeting, s_lo: int) -> None:
    """Hosts named in the meeting's own sentence, before it: X主持…, the subject who 召开 it, X同Y举行…,
    X为Y举行…."""
    text = ctx.text
    in_sentence = persons_in(ctx, s_lo, m.start)
    for p in in_sentence:
        if _HOSTS_BEFORE.match(text[p.end : m.start]):
            m.hosts.append(p.name)
    co = _CO_CHAIRS.search(text, clause_start(text, m.start, s_lo), m.start)
    if co is not None and m.hosts:
        # 李强…同俄罗斯总理米舒斯京共同主持…会晤: the subject before 同 chairs it too
        m.hosts[:0] = [p.name for p in persons_in(ctx, s_lo, co.start()) if p.name not in m.hosts][:1]
    if not m.hosts and in_sentence and _CHAIRS_BEFORE.search(text, max(s_lo, m.start - 8), m.start):
        # X带队，先后到…调研，并主持召开…调度会: the sentence's subject chairs it
        m.hosts.append(in_sentence[0].name)
    if not m.hosts and _CONVENES_BEFORE.fullmatch(text, clause_start(text, m.start, s_lo), m.start):
        m.hosts.extend(_sentence_subject(ctx, s_lo, m.start))
    if not m.hosts:
        # 18日下午，公乘远志在昌吉市召开…座谈会: the person right before the verb convenes it
        m.hosts.extend(p.name for p in in_sentence[-1:] if _NAME_CONVENES.fullmatch(text, p.end, m.start))
    holds_with = _HOLDS_WITH.search(text, clause_start(text, m.start, s_lo), m.start)
    if not m.hosts and holds_with:
        # 李强同世界银行行长…举行“1+10”对话会: who holds it with the others hosts, the others attend
        partners = [p.name for p in persons_in(ctx, holds_with.start(1), holds_with.end(1))]
        hosts = [p.name for p in persons_in(ctx, s_lo, holds_with.start())][:1]
        m.hosts.extend(hosts)
        m.attendees.extend(n for n in partners if n not in hosts)
    held_for = _HELD_FOR.search(text, max(s_lo, m.start - 60), m.start)
    if not m.hosts and in_sentence and held_for:
        # 李强在人民大会堂为黄循财举行欢迎仪式: who holds the ceremony hosts it, for whom it is held attends
        guests = [p.name for p in persons_in(ctx, held_for.start(), held_for.end())]
        hosts = [p.name for p in in_sentence if p.name not in guests][:1]
        m.hosts.extend(hosts)
        m.attendees.extend(guests)
    if not m.hosts and m.kind in _GIVEN_KINDS:
        m.hosts.extend(p.name for p in in_sentence[:1] if _NAME_GIVES.fullmatch(text, p.end, m.start))


def _fill_held(ctx: Context, m: Meeting, s_lo: int, s_hi: int, attended: bool) -> None:
    text = ctx.text
    m.date = _held_date(ctx, m, s_lo, s_hi)
    if m.kind == "节会":
        m.date = _festival_days(text, m.end, m.date)
    # (习近平出席热恩别科夫为…各国领导人举行的欢迎宴会: who is named before 举行的 gives it, before 为…举行 reads the
    # subject as the host)
    _host_before_venue(ctx, m, s_lo)
    _hosts_in_sentence(ctx, m, s_lo)
    p_lo, p_hi = paragraph_at(ctx, m.start)
    tail = text[m.end : min(p_hi, m.end + 200)]
    named_chairs: list[str] = []
    for hm in _HOSTED_BY.finditer(tail):
        other = _OTHER_GATHERING.search(tail[: hm.start()]) if hm.group(1) else None
        if other and not tail[: hm.start()].endswith(m.name[-2:]) and not (
                _BARE_MEETING.search(tail[: hm.start()]) and m.kind not in _SERIES_KINDS):
            continue  # …论坛开幕。…开幕式由X主持: X chairs the opening ceremony, not the forum (but 外长会。会议由X主持)
        lo = m.end + hm.start(1 if hm.group(1) else 2)
        hi = m.end + hm.end(1 if hm.group(1) else 2)
        chairs = [p.name for p in persons_in(ctx, lo, hi + 2)]
        if not chairs and hm.group(1) and _ORGAN_HOST.fullmatch(hm.group(1)):
            chairs = [hm.group(1)]  # 全会由区委常委会主持: an organ chairs it
        named_chairs.extend(chairs)
    if named_chairs and _GROUP_OPENS.match(text, s_lo, m.start):
        m.hosts = []  # 督导组召开反馈会，X主持会议: the team convenes it and X chairs it, not the team's leader
    m.hosts.extend(named_chairs)
    if attended:
        subj_lo = clause_start(text, m.start, s_lo)
        m.attendees.extend(p.name for p in persons_in(ctx, subj_lo, m.start))
    # Attendees: X、Y…出席 / 列席 / 参加 later in the same paragraph.
    seg_lo = m.end
    for am in _ATTEND_AFTER.finditer(text[m.end : p_hi]):
        a_hi = m.end + am.start()
        names = [n for n in list_before(ctx, a_hi, seg_lo) if n not in m.hosts]
        m.attendees.extend(names)
        if am.group(1):
            m.speakers.extend(names)
        seg_lo = m.end + am.end()
    # Speakers: who 讲话 / 强调 / 指出 in the paragraph; 主持召开…会议并讲话 makes the host one.
    if _AND_SPOKE.match(text[m.end : m.end + 8]):
        m.speakers.extend(m.hosts + m.attendees)
    for p in persons_in(ctx, p_lo, p_hi):
        if _SPOKE.match(text[p.end : p.end + 24]):
            m.speakers.append(p.name)
    for p in persons_in(ctx, p_lo, p_hi):
        if _CHAIR_SPOKE.match(text, p.end) and p.name in m.hosts:
            m.speakers.append(p.name)
        elif _LIST_SPOKE.match(text, p.end):
            m.speakers.extend(list_before(ctx, p.end, max(p_lo, p.start - 40)) or [p.name])
    places = place_names_in(ctx, s_lo, m.start)
    at_after = _HELD_AT_AFTER.match(text, m.end, s_hi)
    if at_after:
        inside = place_names_in(ctx, at_after.start(1), at_after.end(1))
        where = at_after.group(1)
        m.place = inside[0] if inside else ("北京" if any(v in where for v in BEIJING_VENUES) else where)
    at = None if at_after else _HELD_AT.search(text[s_lo : m.start])
    if at:
        inside = place_names_in(ctx, s_lo + at.start(1), s_lo + at.end(1))
        m.place = inside[0] if inside else at.group(1)
    elif places and any(c + places[-1] in text[s_lo : m.start] for c in "在于赴到"):
        m.place = places[-1]
    if m.kind == "节会":
        m.hosts = []  # a festival has organisers, not a chair: who presides chairs its opening ceremony
    m.hosts = dedupe(m.hosts)
    m.attendees = dedupe(a for a in m.attendees if a not in m.hosts)
    m.speakers = dedupe(m.speakers)


def _sentence_subject(ctx: Context, s_lo: int, pos: int) -> list[str]:
    """Who a sentence is about, before ``pos``: its first person not escorting (陪同) anyone, or the
    person an opening 他/她 stands for."""
    text = ctx.text
    first = _first_unescorted(ctx, s_lo, pos)
    if first:
        return first
    pron = _SENTENCE_PRONOUN.match(text, s_lo, pos)
    name = resolve_pronoun(ctx, pron.start(1)) if pron else None
    if name is None and _GROUP_OPENS.match(text, s_lo, pos):
        # 检查组召开座谈会: the team's leader (X带队 earlier in the article) convenes it
        name = leader_named_before(ctx, _LEADS_TEAM, s_lo, 24)
    if name is None and s_lo >= 2 and _CONTINUES.match(text, s_lo, pos):
        # 29日上午，林拓海来到…村。随后在宁德主持召开座谈会: a sentence that goes on with no subject of its own
        # is the previous sentence's subject's doing
        return _first_unescorted(ctx, sentence_bounds(ctx, s_lo - 2)[0], s_lo)
    return [name] if name else []


def _first_unescorted(ctx: Context, lo: int, hi: int) -> list[str]:
    """The first person between ``lo`` and ``hi`` not escorting (陪同) anyone, as a one-name list, or []."""
    return [p.name for p in persons_in(ctx, lo, hi) if not _ESCORTS.match(ctx.text, p.end)][:1]


# What opens a sentence that goes on from the last one's subject (随后在…主持召开; 在…村召开的座谈会上, the talk of the
# visit the sentence before told).
_CONTINUES = lazy_pattern.compile(r"[\s　]*(?:(?:随后|接着|之后|其后|而后|最后)[，,]?(?:在[^，,。；;]{1,20}?)?(?:主持)?召开"
                           rf"|{_TALK_HELD_THERE})")



def _talks(ctx: Context) -> list[Meeting]:
    """A 座谈 during a visit: 座谈会上，… / X在…座谈，指出 / 在座谈时强调."""
    text = ctx.text
    out: list[Meeting] = []
    for tm in _TALK.finditer(text):
        # 习近平在…同…座谈: the visit's leader hosts the talk (the sentence's first person).
        d, hosts = _visit_occasion(ctx, tm.start(), tm.end())
        out.append(Meeting(name="座谈会", kind="座谈会", date=d, hosts=hosts,
                           start=tm.start(), end=tm.end(), evidence="talk"))
    return out


def _visit_occasion(ctx: Context, pos: int, end: int) -> tuple[str | None, list[str]]:
    """The day and the host of a gathering held during a visit (a 座谈, a briefing): the date in its
    sentence or else the visit's (the nearest earlier in the article), and the sentence's first person or
    the one its 他/她 stands for."""
    s_lo, _ = sentence_bounds(ctx, pos)
    own = date_before(ctx, pos, s_lo)
    value = date_value(own or date_before(ctx, pos, 0))
    if own is None and value is not None and _DAY_RANGE.fullmatch(value) and _told_day_by_day(ctx, pos, value):
        # 5月10日至12日在东营调研 … 在刘集村…座谈交流 … 11日，…: a talk is held on one day; in a report told day by
        # day, one told before the tour's later days is on its first (a summary that names no day keeps the range)
        value = value.split("/")[0]
    subj = persons_in(ctx, s_lo, pos + 1) or persons_in(ctx, s_lo, end)
    return value, [subj[0].name] if subj else _sentence_subject(ctx, s_lo, max(pos, end))


_DAY_RANGE = lazy_pattern.compile(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d")


def _told_day_by_day(ctx: Context, pos: int, span: str) -> bool:
    """Whether a later day of the tour ``span`` opens a sentence after ``pos`` (11日，… after 10日至12日; not a 今天
    inside someone's words)."""
    first, last = span.split("/")
    return any(d.start > pos and d.value is not None and len(d.value) == 10 and first < d.value <= last
               and not ctx.text[sentence_bounds(ctx, d.start)[0] : d.start].strip()
               for d in ctx.doc.dates or [])


# 在人民大会堂东门外广场举行仪式，欢迎…总统…: the state welcome, whose ceremony the text names only by 仪式.
_WELCOME = lazy_pattern.compile(r"举行(?:了)?(?:隆重|盛大|简短)?(?:的)?(仪式)[，,](?:热烈)?欢迎([^，,。；;]{2,60}?)(?=对|来华|访华|[，,。；;])")


def _welcomes(ctx: Context) -> list[Meeting]:
    """X举行仪式，欢迎Y对中国进行国事访问: the welcome ceremony for a state guest (欢迎仪式), which X holds and Y
    attends, where and when the sentence says."""
    out = []
    for wm in _WELCOME.finditer(ctx.text):
        s_lo, _ = sentence_bounds(ctx, wm.start())
        hosts = [p.name for p in persons_in(ctx, clause_start(ctx.text, wm.start(), s_lo), wm.start())][:1]
        guests = [p.name for p in persons_in(ctx, wm.start(2), wm.end(2)) if p.name not in hosts]
        if not hosts or not guests:
            continue
        d = date_before(ctx, wm.start(), s_lo)
        out.append(Meeting(name="欢迎仪式", kind="仪式", date=date_value(d), hosts=hosts, attendees=guests,
                           place=_reception_place(ctx, s_lo, wm.start()), start=wm.start(1), end=wm.end(1),
                           evidence="held:welcome"))
    return out


# 听取自治区党委和政府工作汇报: a leader on a visit hears the local report, a 汇报会 (SPEC §2) of its own.
_BRIEFING = lazy_pattern.compile(r"听取(?:了)?[^，,。；;]{1,30}?工作汇报")
# …but a meeting that hears reports as an item of its agenda (会议听取了…工作汇报, 召开座谈会，听取…工作汇报, 主持召开
# 调度会，听取…工作汇报) holds no second one: one gathering, one record. Any meeting's kind that is a gathering (…会).
_AGENDA_ITEM = lazy_pattern.compile("|".join(sorted(
    {"会议", "会上", "常务会", "座谈"} | {k for k, _ in _KINDS if k.endswith("会")}, key=len, reverse=True)))


def _briefings(ctx: Context) -> list[Meeting]:
    """X听取…工作汇报: the listening leader hosts the briefing, dated by its sentence or the visit."""
    out: list[Meeting] = []
    for bm in _BRIEFING.finditer(ctx.text):
        s_lo, _ = sentence_bounds(ctx, bm.start())
        if _AGENDA_ITEM.search(ctx.text, s_lo, bm.start()):
            continue
        d, hosts = _visit_occasion(ctx, bm.start(), bm.start())
        if hosts:
            out.append(Meeting(name="工作汇报", kind="汇报会", date=d, hosts=hosts,
                               start=bm.start(), end=bm.end(), evidence="briefing"))
    return out


# A transcript's headline: 外交部发言人郭嘉昆主持例行记者会 (its body is questions and answers only).
_HEADLINE_PRESSER = lazy_pattern.compile(r"主持(?:召开)?((?:例行|专题)?(?:记者会|新闻发布会))$")


def _headline_press_conference(ctx: Context, found: list[Meeting]) -> list[Meeting]:
    """The press conference a transcript's headline reports and its body never names: held on the day of
    publication, hosted by the speaker who answers in the body."""
    title = (ctx.doc.title or "").strip()
    m = _HEADLINE_PRESSER.search(title)
    if m is None or any(f.kind == "记者会" for f in found):
        return []
    host = next((s for s in transcript_speakers(ctx.text) if title.endswith(s, 0, m.start())), None)
    if host is None:
        return []
    day = ctx.published.date().isoformat() if ctx.published else None
    return [Meeting(name=m.group(1), kind="记者会", date=day, hosts=[host], start=0, end=0,
                    evidence="headline:transcript")]


# Thanks for a reception (感谢习近平主席拨冗会见): the guest speaks of the one reported.
_THANKED = lazy_pattern.compile(r"感谢\p{Han}{0,16}$")
# What may open a clause that continues the sentence's subject before a reception verb.
# (…11日上午会见A，当天下午会见B: a time of the same day may open the clause too)
_CLAUSE_GOES_ON = lazy_pattern.compile(
    r"\s*(?:(?:当天|当日|同日|随后)?(?:上午|中午|下午|晚上|晚间)|当晚)?(?:分别|先后|并|还|随后|又|同时|也)?(?:亲切)?\s*")
# A clause that opens on 同/与 goes on from the sentence's subject (…，随后同菲佐举行会谈, …，随后在人民大会堂同…举行会谈).
_WITH_LEAD = r"\s*(?:随后|并|还|又|接着|然后|同时)?(?:在[^，,。；;同与和]{1,16}?)?(?:同|与)"
_WITH_OPENS = lazy_pattern.compile(_WITH_LEAD + "$")


# What a reception's name holds after its guest when the guest is only the one addressed (…举行了富有成果的|会谈).
_ADDRESSED_TAIL = r"(?:举行了?)?(?:富有成果的|深入的)?"
# A guest named by a pronoun: the speaker or the one addressed, in reported speech.
_PRONOUN_GUEST = lazy_pattern.compile(r"[你您我](?:们)?" + _ADDRESSED_TAIL)
# …or by a post and a form of address (同总统先生举行了富有成果的会谈, 会见总书记同志): the one addressed, whose talks or
# reception the article reported before when it did.
_ADDRESSED_GUEST = lazy_pattern.compile(r"(?:总书记|主席|总统|总理|首相|国王|议长|委员长|部长)(?:同志|先生|女士|阁下)" + _ADDRESSED_TAIL)
# What a clause says of talks or a reception that open it as its subject or time (会谈在友好气氛中进行, 会见结束后, 会谈前,
# 会谈中): the one reported already, not another.
_SAID_OF_HELD = lazy_pattern.compile(r"在[^，,。；;]{0,16}(?:中|下)进行|(?:结束)?(?:后|前|中|时|期间)|结束|气氛")
# …，并同其举行会谈: a clause whose partner is 其, the guest the sentence named before.
_WITH_IT = lazy_pattern.compile(_WITH_LEAD + r"其(?:举行了?)?(?:亲切)?(?:视频)?")


def _subject_and_partner(ctx: Context, rm: regex.Match, c_lo: int, s_lo: int) -> tuple[list, PersonMention | None]:
    """Who holds the reception or talks at ``rm`` (the clause's persons, else the sentence's subject or the 他 that opens
    it), and, where the clause names its partner only by 其, the guest the sentence named before it."""
    text = ctx.text
    subj = persons_in(ctx, c_lo, rm.start())
    if subj and _WITH_OPENS.match(text, c_lo, subj[0].start) and (first := persons_in(ctx, s_lo, c_lo)[:1]):
        subj = first  # …举行欢迎仪式，随后同菲佐举行会谈: the one after 同 is the partner, the sentence's subject holds them
    if not subj and _WITH_IT.fullmatch(text, c_lo, rm.start()) and len(before := persons_in(ctx, s_lo, c_lo)) >= 2 \
            and before[-1].name != before[0].name:
        return before[:1], before[-1]  # 李强…为彭布里奇举行欢迎仪式，并同其举行会谈
    if not subj and _CLAUSE_GOES_ON.fullmatch(text, c_lo, rm.start()):
        # 王毅…出席…外长会期间，(分别)会见…: the clause goes on from the sentence's subject
        subj = persons_in(ctx, s_lo, c_lo)[:1]
    if not subj:
        subj = _pronoun_subject(ctx, s_lo, rm.start())  # 当晚，他会见了…: whom the opening 他 stands for
    return subj, None


def _receptions(ctx: Context) -> list[Meeting]:
    """X会见Y / X同Y举行会谈: the receiving leader (the subject) hosts."""
    text = ctx.text
    out: list[Meeting] = []
    cited: list[Meeting] = []
    for rm in _RECEPTION.finditer(text):
        s_lo, s_hi = sentence_bounds(ctx, rm.start())
        c_lo = clause_start(text, rm.start(), s_lo)
        if not text[c_lo : rm.start()].strip() and _SAID_OF_HELD.match(text, rm.end()):
            continue  # …举行视频会谈，…，会谈在友好热烈的气氛中进行: the talks just reported, the clause's subject
        subj, partner = _subject_and_partner(ctx, rm, c_lo, s_lo)
        if not subj:
            if (recalled := _recalled_by_speaker(ctx, rm, c_lo, s_lo)) is not None:
                cited.append(recalled)  # (kept apart: who joins a reception later (…等参加会见) joins the one held)
                continue
            out.extend(_both_sides_talks(ctx, out, rm, c_lo, s_lo))
            continue
        if _THANKED.search(text, c_lo, rm.start()):
            continue  # 敏昂莱衷心感谢习近平主席拨冗会见: thanks for the reception already reported, no second one
        verb = next((k for v, k in _RECEPTION_KIND.items() if rm.group().endswith(v)), "会见")
        if _JOINS_RECEPTION.search(text, max(c_lo, rm.start() - 6), rm.start()):
            # 副市长司马红参加会见: someone joined the reception already reported, no second one
            if out:
                out[-1].attendees = dedupe([*out[-1].attendees, *(p.name for p in subj)])
            continue
        obj = _CLAUSE_REST.match(text[rm.end() : s_hi])
        rest = obj.group() if obj else ""
        rest, named = _guest_clause(rest)
        guest = _guests_named(named.split("的")[-1].removeprefix("了"))
        between = text[subj[0].end : rm.start()]
        if verb != "会见":
            # The guest sits between 同/与 and 举行会谈 / 通电话.
            g = _TALKS_WITH.search(text[c_lo : rm.end()])
            if g and _REPEATED.search(g.group(1)):
                continue  # 习近平主席和博鲁阿尔特总统已经两度会晤: meetings counted, not one reported
            if g and "主持" in g.group(1):
                continue  # 同俄罗斯总理…共同主持中俄总理第三十一次定期会晤: a named meeting two chair, not a talk
            # 同来华进行国事访问的安哥拉总统洛伦索: the guest, not the description before 的
            who = g.group(1).split("的")[-1] if g else ""
            if g and (len(who) < 2 or who[0].isdigit()):
                who = g.group(1)  # 举行的3天会谈: 的 ends no description of the guest
            if (adv := _TALK_ADVERB.search(who)) is not None and adv.start() >= 2:
                who = who[: adv.start()]  # 和拜登总统|已举行首次面对面|会晤: how the talks went is no part of the guest
            video = _VIDEO if _video_before(text, rm.start()) else ""  # (举行的视频会晤: its kind)
            if partner is not None:
                who = partner.name  # …为彭布里奇举行欢迎仪式，并同其举行会谈: 其 is the guest named before
            name = "与" + who + video + verb if g else video + verb
            hosts = [subj[0].name]
            # SPEC.md §3: the guest side are the attendees.
            guests = [partner.name] if partner is not None else [
                p.name for p in persons_in(ctx, c_lo + g.start(1), c_lo + g.end(1))] if g else []
        else:
            name = (_CALLS_ON if rm.group() == _CALLS_ON else "会见") + guest
            hosts = [p.name for p in subj if "同" not in between]
            guests = [p.name for p in persons_in(ctx, rm.end(), rm.end() + len(rest))]
            if not guests and _DELEGATION.search(guest):
                # 会见了代表团一行: the delegation a person led (X率团访问…) in the sentences before
                led = _LEADS.search(text, max(0, s_lo - 200), s_lo)
                if led is not None:
                    guests = [p.name for p in persons_in(ctx, max(0, led.start() - 30), led.start())][-1:]
        guest_words = name.removeprefix("与").removesuffix(verb).removeprefix("会见")
        if _PRONOUN_GUEST.fullmatch(guest_words) or (
                _ADDRESSED_GUEST.fullmatch(guest_words) and verb in text[: rm.start()]):
            continue  # 习近平主席同你举行会谈, …会见我: a speaker recalls talks with the one addressed, reported elsewhere
        d = _reception_date(ctx, rm.start(), s_lo, c_lo, rm.end() + len(rest))
        place = _reception_place(ctx, c_lo, rm.start())
        hosts = dedupe(hosts or [subj[0].name])
        # 王沪宁表示，去年，习近平主席同…斯图布总统举行会谈: talks a speaker recalls, dated by a year or month
        # only, are cited, not reported
        recalled = d is not None and not is_day(d) and _SPEECH_BEFORE.search(
            text, paragraph_at(ctx, rm.start())[0], rm.start()) is not None
        met = Meeting(name=name, kind=verb, date=date_value(d), hosts=hosts,
                      attendees=[n for n in dedupe(guests) if n not in hosts],
                      place=place, start=rm.start(),
                      evidence="cited:recalled" if recalled else "reception", referenced=recalled,
                      end=rm.end() + (len(rest) if verb == "会见" else 0))
        if rm.group() == _CALLS_ON and met.attendees:
            met = dataclasses.replace(met, hosts=list(met.attendees), attendees=list(met.hosts))
        out.extend(_separately(_hosted_abroad(ctx, met), text[c_lo : rm.start()], rest))
    return sorted(out + cited, key=lambda m: m.start) if cited else out


def _reception_date(ctx: Context, start: int, s_lo: int, c_lo: int, end: int) -> DateMention | None:
    """The day of a reception said at ``start``: named before it in its sentence; on 会前, the day of the occasion
    the sentence before reported; for a delegation a person led in the sentences before (X率代表团来我市访问。…会见
    代表团一行, 与代表团举行会谈), the day its visit is reported."""
    text = ctx.text
    d = date_before(ctx, start, s_lo)
    if d is None and _SAME_OCCASION.match(text, s_lo):
        earlier = date_before(ctx, s_lo, max(0, s_lo - 300))
        d = earlier if earlier is not None and is_day(earlier) else None
    if d is None and _DELEGATION.search(text, c_lo, end) and (led := _LEADS.search(text, max(0, s_lo - 200), s_lo)):
        came = date_before(ctx, led.start(), sentence_bounds(ctx, led.start())[0])
        d = came if came is not None and is_day(came) else None
    return d


def _reception_place(ctx: Context, lo: int, hi: int) -> str | None:
    """Where a reception or talks said in ``[lo, hi)`` took place: the first place named there, or 北京 for a state
    venue of Beijing's (在人民大会堂会见)."""
    places = place_names_in(ctx, lo, hi)
    # 厄瓜多尔总统…在基多…会见: the place after 在 is where, one in a title only whose office it is (在人民大会堂同
    # 乌拉圭总统…: in Beijing)
    at = sorted((m.start, p.name) for p in ctx.doc.places or [] if p.name in places
                for m in p.mentions if lo < m.start < hi and ctx.text[m.start - 1] in "在于")
    if at:
        return at[0][1]
    if any(v in ctx.text[lo:hi] for v in BEIJING_VENUES):
        return "北京"
    return places[0] if places else None


_SAYS = lazy_pattern.compile(r"说|表示|指出|认为|强调|介绍|称")


def _pronoun_subject(ctx: Context, s_lo: int, pos: int) -> list[PersonMention]:
    """The official an opening 他/她 of the sentence stands for, as a mention at the pronoun (当晚，他应邀拜会…)."""
    pron = _SENTENCE_PRONOUN.match(ctx.text, s_lo, pos)
    if pron is None or pos - pron.end() > 8 or _SAYS.search(ctx.text, pron.end(), pos):
        return []  # 他说，此次会谈成果…: what he says names the talks, he does not hold them here
    name = resolve_pronoun(ctx, pron.start(1))
    return [PersonMention(name, pron.start(1), pron.end(1))] if name else []


def _hosted_abroad(ctx: Context, met: Meeting) -> Meeting:
    """王毅在奥斯陆同挪威外交大臣艾德举行会谈: talks held in a foreign city are hosted by the side that receives the
    visitor (SPEC.md §2: the receiving leader), the visitor attends. A foreign place is one with no GB/T 2260
    code (every Chinese division has one)."""
    if met.kind not in ("会谈", "会晤") or not met.attendees:
        return met
    if met.place is None:
        return _hosted_where_received(ctx, met)
    place = next((p for p in ctx.doc.places or [] if p.name == met.place), None)
    # (a city the tables lack, read by its sounds: 在罗索同多米尼克总统…, is as foreign as a listed one)
    foreign = place is not None and (place.level in ("city", "country") or (place.level is None and place.evidence == "translit"))
    if place is None or place.code or not foreign or place.name in HOME_STATE:
        return met
    # the place is where the talks were held (在奥斯陆), not the guest's country in his title (同乌拉圭总统…)
    lo = clause_start(ctx.text, met.start, sentence_bounds(ctx, met.start)[0])
    if not any(lo <= m.start < met.start and ctx.text[m.start - 1 : m.start] in "在于赴" for m in place.mentions if m.start):
        return _hosted_where_received(ctx, met)
    countries = {o.country for o in ctx.doc.officials or [] if o.name in met.hosts}
    if countries & {place.name, place.parent}:
        return met  # 莫迪在海得拉巴宫同李强举行会谈: the subject is at home, and receives
    return dataclasses.replace(met, hosts=list(met.attendees), attendees=list(met.hosts))


def _hosted_where_received(ctx: Context, met: Meeting) -> Meeting:
    """…在基多…会见王毅。当天下午，王毅同厄瓜多尔外长…举行会谈: talks a Chinese visitor holds with one foreign state's
    office-holders, where the sentence names no place, took place in that state's city the paragraph last put him in
    (在基多): hosted by the side that receives him."""
    officials = {o.name: o.country for o in ctx.doc.officials or []}
    host_states = {officials.get(n) for n in met.hosts}
    guest_states = {officials.get(n) for n in met.attendees}
    if host_states != {"中国"} or len(guest_states) != 1 or None in guest_states or "中国" in guest_states:
        return met
    state = next(iter(guest_states))
    lo = paragraph_at(ctx, met.start)[0]
    last = max(((m.start, p) for p in ctx.doc.places or [] if not p.code and p.level == "city" and p.parent == state
                for m in p.mentions if lo <= m.start < met.start and ctx.text[m.start - 1 : m.start] in "在于赴"),
               default=None, key=lambda x: x[0])
    if last is None:
        # 在瑙鲁期间，…同瑙鲁议会议长…举行会谈: the paragraph opens on his stay in that state; …对安提瓜和巴布达进行国事
        # 访问 … 同埃尔德里奇举行会谈: the article reports his visit to it before the talks
        stay = any(p.level == "country" and p.name == state and ctx.text[m.start - 1 : m.start] == "在"
                   and _STAY.match(ctx.text, m.end) for p in ctx.doc.places or [] for m in p.mentions
                   if lo <= m.start < met.start) or _visit_to(state).search(ctx.text, 0, met.start) is not None \
            or _visit_to(state).search(ctx.doc.title or "") is not None  # (or its headline: …并对尼日尔进行正式访问)
        return dataclasses.replace(met, hosts=list(met.attendees), attendees=list(met.hosts)) if stay else met
    return dataclasses.replace(met, hosts=list(met.attendees), attendees=list(met.hosts), place=last[1].name)


_STAY = lazy_pattern.compile(r"(?:访问|考察|出访)?期间")


@functools.cache
def _visit_to(state: str) -> regex.Pattern:
    """A visit to ``state`` as the article reports it (对安提瓜和巴布达进行国事访问, 访问老挝)."""
    s = regex.escape(state)
    return regex.compile(rf"对{s}进行(?:国事|正式|友好|工作)?访问|访问{s}")


# 我同你在杭州会晤, 我们在北京会晤: a speaker recalls talks with the one he addresses; 2024年11月…期间，两国领导人在北京
# 会晤: or the two states' leaders meeting (group "leaders").
_RECALLED = lazy_pattern.compile(r"(?:我(?:们)?(?:曾|曾经|多次)?(?:在[^，,。；;同与和]{2,8}?)?(?:同|与|和)(?:你|您|阁下|(?P<third>\p{Han}{0,10}?"
                          r"(?:总统|主席|总理|首相|国王|元首|领导人)(?:先生|阁下)?))|我们|我俩|(?P<leaders>两国(?:领导人|元首|总理)))"
                          r"(?:曾|曾经|多次)?(?:在[^，,。；;]{2,8}?)?(?:举行了?)?(?:视频)?(?:会谈|会晤)$")


_VIDEO = "视频"


def _video_before(text: str, pos: int) -> bool:
    """Whether 视频 stands right before the talks' word at ``pos`` (视频|会晤): it is part of their name."""
    return pos >= len(_VIDEO) and text.startswith(_VIDEO, pos - len(_VIDEO))


def _recalled_by_speaker(ctx: Context, rm: regex.Match, c_lo: int, s_lo: int) -> Meeting | None:
    """…指出，2023年9月，我同你在杭州会晤: talks the speaker recalls with the guest he addresses are cited (SPEC.md
    §3), dated and placed by the clause; who held them is the speech's, not the record's."""
    me = _RECALLED.search(ctx.text, c_lo, rm.end())
    if me is None or me.end() != rm.end():
        return None
    # (the date opens this clause or the one before it: 2023年9月，我同你…; not the dateline's day)
    d = date_before(ctx, rm.start(), clause_start(ctx.text, max(s_lo, c_lo - 1), s_lo))
    if (me.group("leaders") or me.group("third")) and (d is None or is_day(d)):
        # 两国领导人在北京会晤, 我同纽西总统在北京会晤 (a guest's predecessor), 我同总统先生在北京会晤 (the guest): recalled
        # only under a month or year gone by (2024年11月…期间，…)
        return None
    if me.group("third") and any(o.name in me.group("third") for o in ctx.doc.officials or ()):
        return None  # 我同习近平主席在阿根廷会晤: talks with a person the article names are read where he is
    places = place_names_in(ctx, me.start(), rm.start())
    start = rm.start() - len(_VIDEO) if _video_before(ctx.text, rm.start()) else rm.start()
    return Meeting(name=ctx.text[start : rm.end()], kind=_RECEPTION_KIND.get(rm.group(), "会谈"), date=date_value(d),
                   hosts=[], attendees=[], place=places[0] if places else None, start=start, end=rm.end(),
                   evidence="cited:recalled", referenced=True)


_ATTENDS_AFTER_NAME = lazy_pattern.compile(r"(?:同志)?(?:\d{1,2}日)?(?:上午|下午|晚上)?出席")


def _both_sides_talks(ctx: Context, out: list[Meeting], rm: regex.Match, c_lo: int, s_lo: int) -> list[Meeting]:
    """…会见代表团一行，双方举行工作会谈: the talks of the reception just reported, between the same sides;
    …为米沙勒埃米尔举行欢迎仪式，随后两国元首举行会谈: the leaders the sentence named before hold them, the first
    (who welcomed the other) hosting."""
    text = ctx.text
    both = _BOTH_SIDES.fullmatch(text, c_lo, rm.start())
    if both is None or rm.group() != "会谈":
        return []
    lead = both.group(2) or ""
    sides = dedupe([p.name for p in persons_in(ctx, s_lo, c_lo)])
    side_lo = s_lo
    if len(sides) < 2 and s_lo > 0 and (s_lo == c_lo or _SAME_OCCASION.fullmatch(text, s_lo, c_lo)):
        # 欢迎仪式后，两国元首…举行会谈: the sentence before, which reported the ceremony, names the two
        side_lo = sentence_bounds(ctx, s_lo - 1)[0]
        sides = dedupe([p.name for p in persons_in(ctx, side_lo, s_lo)])
    if both.group(1) != "双方" and len(sides) >= 2:
        # (习近平出席…武尔佩…举行的欢迎仪式，随后两国元首举行会谈: who attended the other's welcome is the guest)
        guests = {p.name for p in persons_in(ctx, side_lo, c_lo) if _ATTENDS_AFTER_NAME.match(text, p.end)}
        sides = [n for n in sides if n not in guests] + [n for n in sides if n in guests]
        d = date_before(ctx, rm.start(), side_lo)
        return [Meeting(name=lead + "会谈", kind="会谈", date=date_value(d), hosts=sides[:1], attendees=sides[1:],
                        place=_reception_place(ctx, s_lo, rm.start()), start=rm.start() - len(lead), end=rm.end(),
                        evidence="reception:both-sides")]
    if not out:
        return []
    return [dataclasses.replace(out[-1], name=lead + "会谈", kind="会谈", start=rm.start() - len(lead), end=rm.end(),
                                evidence="reception:both-sides")]


def _separately(met: Meeting, before: str, rest: str) -> list[Meeting]:
    """分别会见A和B (or 先后会见: one after the other): one reception per guest, each named by its own part of the
    list."""
    if met.kind != "会见" or not ("分别" in before or "先后" in before) or len(met.attendees) < 2:
        return [met]
    out, lo = [], 0
    for guest in met.attendees:
        at, written = rest.find(guest, lo), guest
        if at < 0 and "·" in guest:  # (马格努斯·林德贝里, written 林德贝里 in the list after the first mention)
            written = guest.rsplit("·", 1)[-1]
            at = rest.find(written, lo)
        if at < 0:
            return [met]
        if not out:
            # (会见了…, 会见出席…峰会的老挝副总理宋赛: the first guest's part starts after 了 and the occasion)
            lo = max(rest.rfind("的", 0, at) + 1, 1 if rest.startswith("了") else 0)
            out += _unnamed_guests(met, rest, lo, at)  # (分别会见了林德贝里、荷兰首相范德维尔…: 林德贝里 is a guest too)
            lo = max(lo, rest.rfind("、", lo, at) + 1)
        else:
            # the guest's part starts after the last 和 / 、 before it (阿尔及利亚 holds a 及, so not that; nor is the 和 of
            # 圣文森特和格林纳丁斯 one)
            cuts = [(i + len(w)) for w in ("和", "、", "以及") if (i := _last_joiner(rest, w, lo, at)) >= 0]
            if not cuts:
                return [met]
            lo = max(cuts)
        out.append(dataclasses.replace(met, name="会见" + rest[lo : at + len(written)], attendees=[guest]))
        lo = at + len(written)
    return out


def _last_joiner(rest: str, joiner: str, lo: int, at: int) -> int:
    """Where the last ``joiner`` between ``lo`` and ``at`` stands that is no part of a state's name written with 和
    (安提瓜和巴布达, 特立尼达和多巴哥), or -1."""
    i = rest.rfind(joiner, lo, at)
    while i >= 0 and joiner == "和" and any(rest.startswith(f, i - k) for f, k in _states_with_and()):
        i = rest.rfind(joiner, lo, i)
    return i


@functools.cache
def _states_with_and() -> tuple[tuple[str, int], ...]:
    """The country forms that hold 和, each with where its 和 stands."""
    return tuple((f, k) for f in countries() if "和" in f for k, c in enumerate(f) if c == "和")


def _unnamed_guests(met: Meeting, rest: str, lo: int, at: int) -> list[Meeting]:
    """The receptions of the list's items before its first known guest (a guest the article names without a title
    here: 分别会见了|林德贝里|、荷兰首相范德维尔), one each."""
    items = [x for x in rest[lo:at].split("、")[:-1] if _GUEST_ITEM.fullmatch(x)]
    return [dataclasses.replace(met, name="会见" + x, attendees=[]) for x in items]


_GUEST_ITEM = lazy_pattern.compile(r"[\p{Han}·]{2,12}")


def _other_guests(a: Meeting, b: Meeting) -> bool:
    """Whether two receptions of one name and host received other guests (会见汤加议长…, 当天下午会见委内瑞拉…代表团: two
    receptions called 会见代表团 alike)."""
    return bool(a.attendees) and bool(b.attendees) and not set(a.attendees) & set(b.attendees)


def _day_within(day: str, span: str) -> bool:
    """Whether ``day`` (2027-02-26) is one of the days of ``span`` (2027-02-24/2027-02-26)."""
    lo, _, hi = span.partition("/")
    return bool(hi) and len(day) == len(lo) == 10 and lo <= day <= hi


def _merge_mentions(found: list[Meeting], people: frozenset[str] = frozenset()) -> list[Meeting]:
    """One record per meeting: 党的二十大 and 二十大, or a headline's 工委会议 and the body's full name."""
    out: list[Meeting] = []
    for m in found:
        twin = None
        if m.kind in RECEPTION_KINDS:
            # A headline and its body report one reception: the same kind, host and guest.
            # A named summit series cited again (《中俄总理第三十一次定期会晤联合公报》) is the one held.
            twin = next(
                (o for o in out if o.kind == m.kind and (
                    set(o.hosts) & set(m.hosts) and (o.name == m.name and not _other_guests(o, m)
                                                     or set(o.attendees) & set(m.attendees))
                    or o.name == m.name and len(m.name) >= 6 and not (o.hosts and m.hosts))),
                None,
            )
        else:
            # (传达学习|学习会|精神 after the 第6次集体学习会 held that morning names it again, cited)
            twin = next(
                (o for o in out if o.kind not in RECEPTION_KINDS and (o.name in m.name or m.name in o.name)
                 and (o.referenced == m.referenced or min(len(o.name), len(m.name)) >= 4
                      or (m.referenced and not o.referenced and m.name in o.name))),
                None,
            )
        if twin is None:
            out.append(m)
            continue
        # a longer name, unless what it adds names a person (刘结一为|政协…第四次会议新闻发言人: a clause, not a name)
        longer = len(m.name) > len(twin.name)
        if longer and not any(p in m.name.replace(twin.name, "") for p in people):
            twin.name, twin.kind = m.name, m.kind
        if twin.referenced and not m.referenced:
            twin.referenced = False
            twin.date, twin.hosts, twin.attendees, twin.speakers, twin.place = (
                m.date, m.hosts, m.attendees, m.speakers, m.place)
        if twin.date and m.date and longer and m.kind != "仪式" and _day_within(twin.date, m.date):
            # (…常委会|第二十六次会议|2月24日至26日…: the session's days its full name is given, not the dateline's day
            # its organ's mention took; but an opening ceremony keeps its day, and a name repeated its first date)
            twin.date = m.date
        twin.date = twin.date or m.date
        twin.place = twin.place or m.place
        twin.hosts = twin.hosts or m.hosts
        twin.attendees = dedupe(twin.attendees + m.attendees)
        twin.speakers = dedupe(twin.speakers + m.speakers)
    return out
