"""Activities: inspection tours and visits (调研, 视察, 考察, 检查, 走访 …).

An activity is a tour verb whose subject is a known person: 市委书记蔡奇围绕“…”到X调查研究,
蔡奇到通州区，就…进行调研检查. The words between the subject and the verb give the topic
(围绕… / 就…) and the places (到 / 赴 / 在 …). Companions are the names before 一同调研 / 陪同 /
参加 and inside 在X陪同下. Mentions of one tour (the headline, the lead, later paragraphs) merge
into one record; sub-steps (来到, 察看, 了解) are not tours of their own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

import regex

from policyie import lazy_pattern, lexicons
from policyie.extractors._events import (
    AHEAD_OR_PAST,
    TEAM,
    PersonMention,
    clause_start,
    date_before,
    date_value,
    dates_between,
    dedupe,
    is_day,
    leader_named_before,
    list_before,
    paragraph_at,
    persons_in,
    place_names_in,
    resolve_pronoun,
    sentence_bounds,
    without_places,
)
from policyie.extractors.base import Context, register
from policyie.records import Activity, DateMention

# Tour verbs (lexicons/event_words.tsv); the kind is the normalised verb.
_KIND = lexicons.tables("event_words.tsv")["tour-kind"]
_VERB = lazy_pattern.compile(
    "(?:" + "|".join(sorted(_KIND, key=len, reverse=True)) + ")"
    # 调研组, 检查报告, 考察团 are nouns; 纪律检查委员会 an organ.
    + r"(?![组团队员站点报告成果结果委情]|工作)"
)
# A visit to a state: one record of its own, whatever is inspected during it.
VISITS = ("访问", "国事访问", "正式访问")
# What turns a tour's verb into a noun's modifier: 慰问电, 慰问信, 考察报告, 调研报告.
_MESSAGE = frozenset("电信函品金报")
# A visit in a description (来华进行国事访问的…总统, 正在访问的…) is no activity of the sentence's subject.
_ATTRIBUTIVE = lazy_pattern.compile(r"(?:了)?(?:的|期间的|之际|期间)")  # (访问期间，他…: the visit named, not reported)
# A visit someone is invited to, or one that is hoped for, has not been made.
_INVITED = lazy_pattern.compile(r"邀请|欢迎[^，,。；;]{0,12}(?:来|前来|再次)|期待[^，,。；;]{0,12}(?:再次|来)")
# A visit or tour announced ahead (将于…进行访问, 拟赴…调研) has not been made.
# (她将牵头开展…调研: a survey one will lead is planned as much as a visit one will make)
_ANNOUNCED = lazy_pattern.compile(r"(?:将于|将要|即将|拟于|拟赴|拟|将(?=[^，,。；;]{0,20}?(?:进行|赴|前往|出席|访问|深入|来到|开展)))")
# 访问期间，他还将|考察…: 将 right before the verb announces the visit as much as 将于 does
_WILL_BEFORE = lazy_pattern.compile(r"(?<!即)将$|将要$")
_COMPANION_BEFORE = lazy_pattern.compile(r"(?:一同|一起|共同|陪同|随同|随团|分别|参加|参与)(?:了)?$")
_COMPANION_VERB = lazy_pattern.compile(
    # 分别陪同调研: each escorts the part of the tour in their own jurisdiction; companions all the same.
    r"(?:分别)?(?:一同|一起|陪同|随同|随团|参加|参与)(?:了)?(?:" + "|".join(sorted(_KIND, key=len, reverse=True)) + r"|活动)?"
    r"(?:和[^。；;，,]{1,8})?(?=[。；;，,\s]|$|并)"  # 参加调研和座谈会; 陪同督导并介绍了…
)
# 邝世平|在东兴|陪同考察: where a companion went along, between the name and the verb.
_WHERE_BEFORE = lazy_pattern.compile(r"在\p{Han}{1,6}$")
_PRONOUN_SUBJECT = lazy_pattern.compile(r"[\s　]*(?:[^，,。；;]{0,10}?[，,])?[他她]")
_ESCORTED = lazy_pattern.compile(r"在([^，,。；;]{2,60}?)(?:的)?陪同下")
# What may stand between the tour's subject and its verb: titles, 在/到/赴 + place, 围绕/就 + topic.
# (要 of a directive, not of 重要/主要/需要 inside a topic: 就贯彻…重要讲话精神进行调研)
_BANNED = lazy_pattern.compile(r"强调|指出|要求|表示|提出|希望|叮嘱|(?<![重主需纲])要|他|她|听取|会见|主持|召开|出席|并|经过|通过")
_TOPIC_OPENS = lazy_pattern.compile(r"就|围绕")
# 叶承志对|代表团|首次访问浙江表示欢迎: the visit is the guests' whom the person welcomes or thanks, not his (against
# 对哈萨克斯坦|进行|国事访问, where 对 opens where the person goes).
_GUESTS_AFTER_TOWARD = lazy_pattern.compile(r"(?:首先|也|还)?对[^，,。；;]{0,8}?(?:代表团|考察团|访问团|一行|客人|贵宾|来宾|嘉宾)")
# 在X出席…座谈会，并|考察: the subject attended a gathering, and the sentence goes on with his visit.
_ATTENDS_THEN = lazy_pattern.compile(r"(?:在\p{Han}{1,8})?出席(?:了)?[^，,。；;“”]{2,40}?(?:会|仪式|论坛|活动)[，,]?并")
# (…代表党中央、国务院，|1日早率…赴兴隆县慰问: a day's date may open the clause that goes on to the verb)
_COMMA_OK = lazy_pattern.compile(r"^(?:就|围绕|深入|先后|实地|专程|前往|到|赴|来到|带队|率队|一行|对|在"
                                 r"|(?:\d{1,2}月)?\d{1,2}日|当天|当日|今天|昨天)")
_QUOTED = lazy_pattern.compile(r"[“\"「『][^”\"」』]{0,40}[”\"」』]")
_TOPIC = lazy_pattern.compile(
    r"围绕[“\"「]?([^”\"」，,。；;]{2,40}?)[”\"」]?(?=到|赴|在|来到|深入|前往|，|,|$)"
    # (a topic may cite a speech and a plenum at length: 就深入贯彻…重要讲话精神、落实…全会部署进行调研)
    r"|就([^，,。；;]{2,80}?)(?:问题|工作)?(?:进行|开展|展开)?$"
)
_PLACE_LIKE = lazy_pattern.compile(r"[\p{Han}]{1,12}(?:省|市|区|县|镇|乡|街道|新区|开发区|自治州|园区|基地)")
_PLACE_CUE = lazy_pattern.compile(r"(?:到|赴|在|来到|深入|前往|走进)([^，,。；;]{1,24}?)(?=，|,|就|围绕|调研|考察|视察|检查|走访|督导|$)")
# Patterns tried at single positions, compiled once: regex's per-call cache lookup cost more than the match.
_OBJECT = lazy_pattern.compile(r"[^，,。；;]{0,24}")  # 察看了产业园标准化厂房和会盟镇临港物流园
_ONWARD = lazy_pattern.compile(r"[，,]\s*(?:先后|随后|又|还|并|分别)?(?:深入|来到|走进|前往|到)([^，,。；;]{1,40})")
_UNNAMED_GROUP = lazy_pattern.compile(r"(?:和|及|以及)[^，,。；;、]{1,16}?(?:负责同志|负责人|领导同志|有关同志)(?:等)?$")
_ACCOMPANIED = lazy_pattern.compile(r"(?:同志)?(?:等)?(?:的)?(?:一同)?陪同")
_ESCORTS_ACTOR = lazy_pattern.compile(r"陪同(?!下)")  # (a person right after it: X陪同Y察看…)
# 习近平在结束同|印度总理莫迪…会晤和对尼泊尔国事访问后, 汪洋还同|…省长穆斯塔法进行深入交流，考察…: a person after 同 or 与
# is the partner of someone named before, not the one who makes the visit (同志, 同时, 共同, 参与 are no such 同 or 与).
_TALK_WORDS = r"会晤|会谈|会见|交流|通电话|通话|举行|签署|共同出席"
_TALKS = lazy_pattern.compile(_TALK_WORDS)
_PARTNER_WORD = r"(?:(?<![共陪协会随赞认如一相])同(?![志时比意学样期一等])|(?<![参给赋])与(?![会此其])|跟)"
_PARTNER_OPENS = lazy_pattern.compile(_PARTNER_WORD + r"[^，,。；;]{0,30}$")
_PARTNER_TALKS = lazy_pattern.compile(_PARTNER_WORD + r"[^，,。；;]{0,30}?(?:" + _TALK_WORDS + ")")
_COMMA = lazy_pattern.compile(r"[，,]")
# (…视察唐山时提出“三个努力建成”的重要指示: what was said then, however long its quoted words, is cited)
_CITED_VISIT_AFTER = lazy_pattern.compile(
    r"[^，,。；;]{0,12}?(?:时的|时)?(?:重要)?(?:讲话|指示|批示|回信)(?:精神)?"
    r"|[^，,。；;]{0,12}?时(?:提出|作出|发表)[^，,。；;]{0,24}?的(?:重要)?(?:讲话|指示|批示|要求)"
    # (习近平…4月成功访问越南以来，中越…: the time since a visit, which the article does not report)
    r"|[^，,。；;]{0,12}?以来")
_CITED_VISIT_BEFORE = lazy_pattern.compile(r"(?:贯彻|学习|落实|领会|传达|践行)[^，,。；;]{0,20}$")


@register("activities", requires=("officials", "places", "dates", "meetings"))
def extract(ctx: Context) -> list[Activity]:
    acts: list[Activity] = []
    for vm in _VERB.finditer(ctx.text):
        a = _activity(ctx, vm)
        if a is not None:
            acts.append(a)
    acts = _merge_tours(acts)
    if acts:
        _attach_companions(ctx, acts)
        _later_days(ctx, acts)
        _later_stops(ctx, acts)
    for a in acts:  # (对中国进行国事访问: where a visit went, China goes by the name the news gives it, not the state's full one)
        a.places = dedupe(["中国" if n == _CHINA_FULL else n for n in a.places])
    return acts


_CHINA_FULL = "中华人民共和国"
# The home state a visit goes to, written as the news writes it of China (对我国, 来华, 访华).
_TO_CHINA = lazy_pattern.compile(r"对我国|来华|访华")


# 26日，他又来到…: the pronoun after a day that opens a sentence.
_PRONOUN_AFTER_DATE = lazy_pattern.compile(r"[，,\s]*(?:上午|下午|晚上)?[，,]?([他她])")
# 检查组先后来到…: the team the tour's actor leads stands for the actor.
GROUP_SUBJECT = lazy_pattern.compile(rf"{TEAM}|代表团|一行")
_NEXT_STOP = lazy_pattern.compile(
    r"(?:^|(?<=[。；;\n，,]))\s*(?:\d{1,2}日|次日|第二天)(?:上午|下午|晚上)?[，,]\s*(?P<who>[他她]|\p{Han}{2,5}?)"
    r"(?:又|还|再|随后|接着|先后)?(?:来到|走进|前往|深入|赶赴)"
)
# 10月2日上午，司徒卫华又来到…: the tour's actor goes on to another stop on a later day.
_GOES_ON = lazy_pattern.compile(r"(?:又|还|再|随后|接着|先后)?(?:来到|走进|前往|深入|赶赴|察看|考察|调研|视察|看望)")


def _later_days(ctx: Context, acts: list[Activity]) -> None:
    """Extend a tour's span over the days its actor goes on to later stops, and add those stops."""
    text = ctx.text
    # Tours dated only by 近日/日前 (an approximate day, the paper's): the first day the article names for
    # them replaces that day instead of widening the span to it.
    approx = {id(a) for a in acts for d in ctx.doc.dates or []
              if d.granularity == "approx" and d.value == a.date and sentence_bounds(ctx, a.start)[0] <= d.start < a.end}
    for d in ctx.doc.dates or []:
        if not is_day(d):
            continue
        s_lo, s_hi = sentence_bounds(ctx, d.start)
        if d.start - s_lo > 2 or AHEAD_OR_PAST.match(text, d.end):
            continue  # the date must open its sentence (重阳节将至，…: the festival ahead dates no stop)
        for a in acts:
            fits = _same_days(a.date, d.value) or (id(a) in approx and _shortly_before(d.value, a.date))
            if not a.date or a.date == d.value or not fits or d.start < a.end:
                continue
            lead = next((p for p in persons_in(ctx, d.end, s_hi) if p.name in a.actors), None)
            if lead is None:  # 26日，他又来到…: the pronoun stands for the actor
                pron = _PRONOUN_AFTER_DATE.match(text, d.end)
                if pron and resolve_pronoun(ctx, pron.start(1)) in a.actors:
                    lead = PersonMention(a.actors[0], pron.start(1), pron.end(1))
            if lead is None or not _GOES_ON.match(text, lead.end) or persons_in(ctx, d.end, lead.start):
                continue
            a.date = d.value if id(a) in approx else _span(a.date, d.value)
            approx.discard(id(a))
            a.places = dedupe(a.places + place_names_in(ctx, lead.end, s_hi))
    # Later stops on a day the article names by its day alone (26日，他又来到石门县三合村), inside the span
    # the tour already has: the stops join it.
    for m in _NEXT_STOP.finditer(text):
        a = next((x for x in reversed(acts) if x.end <= m.start() and x.date and "/" in x.date), None)
        if a is None:
            continue
        who = m.group("who")
        if who in ("他", "她") and resolve_pronoun(ctx, m.start("who")) not in a.actors:
            continue
        if who not in ("他", "她") and who not in a.actors and not GROUP_SUBJECT.fullmatch(who):
            continue
        _, s_hi = sentence_bounds(ctx, m.start("who"))
        a.places = dedupe(a.places + place_names_in(ctx, m.end(), s_hi))


# 李强先后来到乌鲁木齐市、昌吉回族自治州…, 在宜昌，李强首先来到…: a sentence that the tour's actor opens by
# going somewhere, with no date of its own, is a further stop of the tour reported before it.
_STOP = lazy_pattern.compile(
    r"(?:(?:随后|接着|之后|然后|最后)[，,]\s*)?(?:在(?P<pre>[^，,。；;\n]{2,16})[，,]\s*)?(?P<who>[他她]|\p{Han}{2,8}?)"
    r"(?:首先|先后|随后|接着|还|又|再|最后|也|先|则)?(?:来到|走进|前往|深入|赶赴|走访了?|考察了|调研了|察看了)"
)
_CLAUSE_END = lazy_pattern.compile(r"[，,。；;！？!?\n]")


def _later_stops(ctx: Context, acts: list[Activity]) -> None:
    """Add the stops a tour's actor goes on to in the sentences after the tour is reported, in order, up to
    the next activity (one inspection tour = one record with every stop; SPEC.md §3)."""
    text = ctx.text
    tours = [a for a in acts if a.actors and a.kind not in (*VISITS, "会见")]
    if not tours:
        return
    date_starts = sorted(d.start for d in ctx.doc.dates or [])
    # 李强来到中国一汽: a country read inside a firm's name is no stop of a tour at home.
    countries = {p.name for p in ctx.doc.places or [] if p.level == "country"}
    act_starts = sorted(a.start for a in acts)
    tour_at = {t.start: t for t in tours}
    for s_lo, s_hi in ctx.analysis.sentences:
        lead = s_lo + len(text[s_lo:s_hi]) - len(text[s_lo:s_hi].lstrip())
        m = _STOP.match(text, lead, s_hi)
        if m is None:
            continue
        # the tour reported last before this sentence, with no other activity starting in between
        i = bisect_right(act_starts, s_lo) - 1
        a = tour_at.get(act_starts[i]) if i >= 0 else None
        if a is None or sentence_bounds(ctx, a.start)[1] > s_lo:
            continue
        k = bisect_left(date_starts, s_lo)
        if k < len(date_starts) and date_starts[k] < s_hi:
            continue  # a sentence with a date of its own is another day or another visit
        who = m.group("who")
        name = resolve_pronoun(ctx, m.start("who")) if who in ("他", "她") else who
        if name not in a.actors and not GROUP_SUBJECT.fullmatch(who):
            continue  # (检查组首先来到…: the team the actor leads goes where the actor goes)
        end = _CLAUSE_END.search(text, m.end(), s_hi)
        stops = place_names_in(ctx, m.start(), end.start() if end else s_hi)
        a.places = dedupe(a.places + [p for p in stops if p not in countries])


# What makes a tour's verb the noun of work planned (对专项督导作出部署, 督导进行安排, 就汛前检查作出具体部署).
# (…大检查|作具体部署: 作 alone as often as 作出)
_DEPLOYED = lazy_pattern.compile(r"(?:工作)?(?:作出|做出|作|进行)(?:具体|全面|专门|详细|专题|周密)?(?:部署|安排)")


# A verb of expressing right before the tour's verb (致以慰问, 表示诚挚的慰问, 转达习近平总书记的亲切|慰问): the sympathy
# itself, said, sent or passed on (not
# 表示热烈欢迎…的国事访问: the visit welcomed).
_EXPRESSED = lazy_pattern.compile(
    r"(?:致以|表示|表达|转达)(?:了)?(?:[^，,。；;！？欢迎期待访]{0,12}的)?(?:亲切|诚挚|深切|衷心|真诚|深情|热情)?$")


# 打卡式|调研, “打卡式”|调研, “走过场”式|调研: the manner a kind of visit is named by.
_MANNER_BEFORE = lazy_pattern.compile(r"式”$|”式$|(?:走马观花|蜻蜓点水|打卡|作秀|盆景|走过场|应付|被动|钦差)式$")


# 卡丰多此次国事访问|于9月13日至17日|进行: the visit's own span, written after it.
_HELD_OVER = lazy_pattern.compile(r"[，,]?(?:将)?于$")


def _own_span(ctx: Context, vm: regex.Match) -> str | None:
    """The span a visit's sentence gives the visit itself (此次国事访问于9月13日至17日进行), where it does."""
    if _KIND[vm.group()] not in VISITS:
        return None
    d = next((d for d in dates_between(ctx, vm.end(), vm.end() + 4) if d.start <= vm.end() + 2
              and _HELD_OVER.search(ctx.text, vm.end(), d.start) and ctx.text.startswith(("进行", "举行"), d.end)), None)
    return date_value(d) if d is not None else None


def _activity(ctx: Context, vm: regex.Match) -> Activity | None:
    text = ctx.text
    v_lo = vm.start()
    if _KIND[vm.group()] in (*VISITS, "参观") and _ATTRIBUTIVE.match(text, vm.end()):
        return None
    if _EXPRESSED.search(text, max(0, v_lo - 16), v_lo):
        return None  # 就杜达感染新冠病毒|致以|慰问, 表示诚挚的|慰问: sympathy expressed, no visit
    if _MANNER_BEFORE.search(text, max(0, v_lo - 6), v_lo):
        return None  # 搞“打卡式”调研, 走马观花式调研: a manner of research named (a fault), no visit made
    if text[vm.end() : vm.end() + 1] in _MESSAGE or _DEPLOYED.match(text, vm.end()):
        # 向…普京致慰问电, 考察报告: a message or a document, no visit made; 对开学专项督导作出部署: the work planned
        return None
    s_lo, _ = sentence_bounds(ctx, v_lo)
    if _COMPANION_BEFORE.search(text[max(s_lo, v_lo - 4) : v_lo]):
        return None
    if _INVITED.search(text, clause_start(text, v_lo, s_lo), v_lo):
        return None  # 卢拉邀请习近平明年再次访问巴西利亚: an invitation, no visit made
    if _ANNOUNCED.search(text, clause_start(text, v_lo, s_lo), v_lo) or _plan_goes_on(ctx, s_lo, v_lo) or \
            _WILL_BEFORE.search(text, max(s_lo, v_lo - 2), v_lo):
        return None  # 拉克森将于10月26日至29日对中国进行正式访问: announced ahead, not yet made
    subj = persons_in(ctx, s_lo, v_lo)
    pron = _PRONOUN_SUBJECT.match(text, s_lo)
    if pron:
        # 他先后走进…，调研… — the pronoun stands for the person last named.
        name = resolve_pronoun(ctx, pron.end() - 1)
        if name:
            subj = [*subj, PersonMention(name, pron.end() - 1, pron.end())]
            subj.sort(key=lambda p: p.start)
    lead = _subject(ctx, subj, v_lo, s_lo) if subj else None
    if lead is None:
        lead = _delegation_lead(ctx, s_lo, v_lo)
    if lead is None:
        return None
    if _CITED_VISIT_AFTER.match(text, vm.end()) or _CITED_VISIT_BEFORE.search(text, max(s_lo, lead.start - 24), lead.start):
        return None  # 学习贯彻习近平总书记视察天津重要讲话精神: a past visit cited, not one reported
    between = text[lead.end : v_lo]
    actors = list_before(ctx, lead.end, s_lo) if lead.end - lead.start > 1 else []
    actors = actors or [lead.name]
    topic = _topic(between)
    lo = _after_talks(text, lead.end, v_lo)
    places = _places(ctx, lo, v_lo, text[lo:v_lo], topic)
    onward = _ONWARD.match(text, vm.end())
    if onward:
        # …在甘肃考察，先后深入天水市、兰州市的乡村: the stops the same sentence goes on to name
        places = dedupe(places + place_names_in(ctx, onward.start(1), onward.end(1)))
    if not places:
        # 调研海淀区 / 考察雄安新区: the place follows the verb.
        obj = _OBJECT.match(text, vm.end())
        # two places (察看了产业园标准化厂房和会盟镇临港物流园), and one more for each 、 of a list of stops
        places = place_names_in(ctx, vm.end(), obj.end())[: 2 + obj.group().count("、")]
    if not places and _KIND[vm.group()] in VISITS and _TO_CHINA.search(text, lo, v_lo):
        places = ["中国"]  # …是应习近平的邀请对我国|进行国事访问的, 来华|进行国事访问: the state visited is China
    d = date_before(ctx, v_lo, s_lo)
    if d is None or not is_day(d):
        # The lead's date (4月29日，X来到Y。…调研) when the verb's own sentence has none, unless the
        # sentence names a month or year of its own: 2019年8月，习近平曾到张掖考察 is a past visit.
        p_lo, _ = paragraph_at(ctx, v_lo)
        earlier = date_before(ctx, s_lo, p_lo)
        while earlier is not None and (_DEADLINE_AFTER.match(text, earlier.end) or not _leads_sentence(ctx, earlier)
                                       or _COUNT_CUTOFF.search(text, max(0, earlier.start - 3), earlier.start)):
            earlier = date_before(ctx, earlier.start, p_lo)
        if earlier is not None and is_day(earlier) and not (d is not None and d.value[:4] != earlier.value[:4]):
            d = earlier
    value = _own_span(ctx, vm) or _listed_days(ctx, d) or date_value(d)
    if value is None and _AROUND_OCCASION.match(text, s_lo):
        value = _occasion_day(ctx, s_lo)
    if _KIND[vm.group()] == "察看" and value is None and not vm.group().startswith("实地"):
        return None  # 来到车间察看生产情况: a step of a visit reported elsewhere, not an inspection of its own
    return Activity(
        kind=_KIND[vm.group()], actors=actors, places=places, date=value, topic=topic, evidence="tour-verb",
        start=min(lead.start, d.start if d else lead.start), end=vm.end(),
    )


def _leads_sentence(ctx: Context, d: DateMention) -> bool:
    """Whether ``d`` stands where a lead's date does, before any step of a visit its sentence reports (5月8日，县长…;
    国家主席习近平4日抵达…), not inside what a step looked at (岩扫嘎察看五一假期后景区设施维护…: the holiday the upkeep
    follows dates no tour)."""
    return _STEP_VERB.search(ctx.text, sentence_bounds(ctx, d.start)[0], d.start) is None


# The steps of a visit whose object a date may stand in (察看|五一假期后…, 了解|一季度…).
_STEP_VERB = lazy_pattern.compile(r"察看|查看|了解|听取|检查|走进|来到")


def _listed_days(ctx: Context, d: DateMention | None) -> str | None:
    """上周四、周五，X深入两县调研 (1月7日、8日): the tour's two days in a row, listed, span both."""
    if d is None or not is_day(d) or "/" in d.value:
        return None
    prev = date_before(ctx, d.start - 1, max(0, d.start - 12))
    if prev is None or prev.end != d.start - 1 or ctx.text[prev.end] not in "、和" or not is_day(prev) or "/" in prev.value:
        return None
    lo, hi = _bounds(prev.value[:10]), _bounds(d.value[:10])
    if lo is None or hi is None or hi[0] - lo[0] != timedelta(days=1):
        return None
    return f"{lo[0].isoformat()}/{hi[0].isoformat()}"


# 要求…在2月20日前完成…。随后，她来到…调研: a deadline set earlier in the paragraph is not the day of the step, nor
# is one an occasion closes (9月1日开学前), nor the day a period opens (10月15日起，…进入防火期; 供暖期自10月20日开始).
_DEADLINE_AFTER = lazy_pattern.compile(r"(?:开学|开园|开工|开业|开市|入汛|假期|放假)?(?:之|以)?前(?![往来夕])|起(?![来草步])|开始|启动")


# 截至12月20日，全县已收购…: the day a count runs up to dates the figure, no step of a tour; nor does the day a period
# runs to (供暖期至明年4月20日).
_COUNT_CUTOFF = lazy_pattern.compile(r"(?:截至|截止到?|截止至|至|直至)$")


# 仪式结束后，X一行…察看 / 仪式前，X来到…: the step is dated by the occasion the sentence opens with.
_AROUND_OCCASION = lazy_pattern.compile(
    r"\s*(?:[^，,。；;]{0,10}?(?:仪式|典礼|会议|座谈会|大会|活动|会)(?:结束)?(?:后|前|期间)|会前|会后|随后|当天|当日)[，,]")


def _occasion_day(ctx: Context, pos: int) -> str | None:
    """The day of the last gathering reported as held before ``pos``."""
    held = [m for m in ctx.doc.meetings or [] if not m.referenced and m.start < pos and m.date and len(m.date) == 10]
    return max(held, key=lambda m: m.start).date if held else None


# 代表团一行在…陪同下，参观了…: a visiting delegation opens the sentence; 率领的代表团, 率代表团: who leads it.
_DELEGATION_OPENS = lazy_pattern.compile(r"[\s　]*(?:[^，,。；;]{0,8}?[，,])?\s*(?:代表团|考察团|访问团|客人|外宾|来宾)(?:一行)?")
_LEADS_DELEGATION = lazy_pattern.compile(r"(?:率领的|带领的|率|带领)(?:代表团|考察团|访问团)")


def _delegation_lead(ctx: Context, s_lo: int, v_lo: int) -> PersonMention | None:
    """The leader of the delegation that opens the sentence, named earlier as leading it (X率代表团一行访问我市 …
    代表团一行在Y陪同下，参观了…), standing where the delegation is named; None where none opens it."""
    dm = _DELEGATION_OPENS.match(ctx.text, s_lo, v_lo)
    if dm is None:
        return None
    leader = leader_named_before(ctx, _LEADS_DELEGATION, s_lo, 30)
    return PersonMention(leader, dm.end() - 1, dm.end()) if leader else None


def _plan_goes_on(ctx: Context, s_lo: int, v_lo: int) -> bool:
    """他还将前往海南三亚和福建厦门，参观…: a plan (将 before a verb of going) that the sentence goes on with, no one
    else named after it, covers the later clauses' visits too."""
    plan = _ANNOUNCED.search(ctx.text, s_lo, v_lo)
    return plan is not None and not persons_in(ctx, plan.end(), v_lo)


def _subject(ctx: Context, subj, v_lo: int, s_lo: int):
    """The person the tour verb is predicated of, or None when the verb is in someone's speech."""
    text = ctx.text
    lo = min((p.start for p in subj), default=v_lo)
    # 在省委书记X和省长Y陪同下: everyone inside the escort phrase escorts, not only the name before 陪同 (the phrase
    # opens before its first name).
    escorts = [(em.start(1), em.end(1)) for em in _ESCORTED.finditer(text, s_lo, v_lo)]
    for p in reversed(subj):
        if _ACCOMPANIED.match(text[p.end : p.end + 8]) or any(a <= p.start < b for a, b in escorts):
            continue  # 在Y陪同下 / Y陪同: Y escorts, the subject is someone else
        partner = _PARTNER_OPENS.search(text, s_lo, p.start)
        if partner is not None and any(q.end <= partner.start() for q in subj) and \
                _TALKS.search(text, p.end, v_lo) is not None:
            continue  # X同Y…会晤，考察…: Y is X's partner in talks, X makes the visit (X同Y到…调研: both go)
        if _TOPIC_OPENS.search(text, clause_start(text, p.start, lo), p.start):
            continue  # 就贯彻习近平总书记…重要讲话精神进行调研: a person named in the topic is not its subject
        between = without_places(ctx, p.end, v_lo)  # (深入泰康镇、他拉哈镇…，调研: a place's 他 is no pronoun)
        if _GUESTS_AFTER_TOWARD.match(between) and "进行" not in between:
            continue
        topic = _topic(between)
        plain = _QUOTED.sub("", between.replace(topic, "") if topic else between)
        if _ATTENDS_THEN.fullmatch(plain):
            return p  # 王毅在卡塔赫纳出席…座谈会，并考察…: he attended, then went on to inspect
        if len(plain) > 60 or _BANNED.search(plain):
            continue
        pieces = _COMMA.split(plain)
        if any(x and not _COMMA_OK.match(x) for x in pieces[1:]):
            continue
        return p
    return None


def _after_talks(text: str, lo: int, hi: int) -> int:
    """Where the places of a visit may start after its subject at ``lo``: past the talks with a partner in between
    (赵乐际同|埃及众议院议长…进行深入交流|，考察…: the partner's country is not where the visit goes)."""
    talks = _PARTNER_TALKS.search(text, lo, hi)
    return talks.end() if talks is not None else lo


def _topic(between: str) -> str | None:
    m = _TOPIC.search(between)
    if not m:
        return None
    return (m.group(1) or m.group(2)).strip("“”\"「」 ")


def _places(ctx: Context, lo: int, hi: int, between: str, topic: str | None) -> list[str]:
    # Places inside the topic (围绕推动首都高质量发展) are not where the tour went.
    t_lo = t_hi = -1
    if topic:
        i = between.find(topic)
        if i >= 0:
            t_lo, t_hi = lo + i, lo + i + len(topic)
    names: list[str] = []
    for cue in _PLACE_CUE.finditer(between):
        c_lo, c_hi = lo + cue.start(1), lo + cue.end(1)
        if t_lo <= c_lo < t_hi:
            continue
        found = place_names_in(ctx, c_lo, c_hi)
        if not found and _PLACE_LIKE.fullmatch(cue.group(1)):
            found = [cue.group(1)]  # a place the places layer does not know yet
        names.extend(found)
    if not names:
        names = [n for n in place_names_in(ctx, lo, hi) if not (topic and n in topic)]
    return dedupe(names)


# Days apart that one tour may span when an article reports it day by day (10月1日晚 … 10月2日上午).
TOUR_DAYS = 3


def _shortly_before(value: str, approx: str) -> bool:
    """The days ``value`` end at most ten days before ``approx`` (the paper's day a 近日 stands for)."""
    days, near = _bounds(value), _bounds(approx)
    return days is not None and near is not None and 0 <= (near[0] - days[1]).days <= 10


def _same_days(a: str | None, b: str | None) -> bool:
    """Dates of one tour: unknown, equal, a day inside the tour's span (7月30日至31日 … 30日下午), or days
    a few apart (the tour reported day by day)."""
    if not a or not b or a == b:
        return True
    if any(_within(x, y) for x, y in ((a, b), (b, a))):
        return True
    lo, hi = _bounds(a), _bounds(b)
    if lo is None or hi is None:
        return False
    return abs((max(lo[1], hi[1]) - min(lo[0], hi[0])).days) <= TOUR_DAYS


def _bounds(value: str) -> tuple[date, date] | None:
    """First and last day of a day or a span of days (2024-10-01, 2024-10-01/2024-10-02)."""
    lo, _, hi = value.partition("/")
    try:
        return date.fromisoformat(lo), date.fromisoformat(hi or lo)
    except ValueError:
        return None


def _span(a: str, b: str) -> str:
    """The days ``a`` and ``b`` cover together, as a day or an ISO interval."""
    x, y = _bounds(a), _bounds(b)
    if x is None or y is None:
        return a
    lo, hi = min(x[0], y[0]), max(x[1], y[1])
    return lo.isoformat() if lo == hi else f"{lo.isoformat()}/{hi.isoformat()}"


def _within(day: str, span: str) -> bool:
    lo, _, hi = span.partition("/")
    return bool(hi) and len(day) == len(lo) == len(hi) == 10 and day[:4] == lo[:4] and lo <= day <= hi


def _merge_tours(acts: list[Activity]) -> list[Activity]:
    """The headline, the lead and later mentions of one tour: same lead actor, compatible dates."""
    out: list[Activity] = []
    for a in acts:
        # (a state visit and an inspection made during it are two records: 正式访问 … 抵达雅典后考察了…港)
        twin = next(
            (o for o in out if set(o.actors) & set(a.actors) and _same_days(o.date, a.date)
             and (o.kind in VISITS) == (a.kind in VISITS)),
            None,
        )
        if twin is None:
            out.append(a)
            continue
        headline = twin.date is None
        if headline and a.date is not None:
            # The dated mention is the report proper; the undated one a headline.
            twin.kind, twin.date = a.kind, a.date
        elif twin.date and a.date and twin.date != a.date:
            # One tour over several days: its date is the whole span (2023-07-05/2023-07-07).
            twin.date = _span(twin.date, a.date)
        if headline:
            # after the report's dated lead, a later mention (蔡奇、陈吉宁来到…察看) names who went along
            twin.actors = dedupe(twin.actors + a.actors)
        twin.places = dedupe(twin.places + a.places)
        twin.topic = twin.topic or a.topic
        twin.start, twin.end = min(twin.start, a.start), max(twin.end, a.end)
    return out


def _attach_companions(ctx: Context, acts: list[Activity]) -> None:
    text = ctx.text
    for cm in _COMPANION_VERB.finditer(text):
        s_lo, _ = sentence_bounds(ctx, cm.start())
        # 蔡奇、何立峰|和中央有关部门负责同志|陪同考察: the named list ends before the unnamed group
        group = _UNNAMED_GROUP.search(text, max(s_lo, cm.start() - 24), cm.start())
        where = _WHERE_BEFORE.search(text, max(s_lo, cm.start() - 7), cm.start())
        names = list_before(ctx, group.start() if group else where.start() if where else cm.start(), s_lo)
        if names:
            _target(acts, cm.start()).companions.extend(names)
    for em in _ESCORTED.finditer(text):
        names = [p.name for p in persons_in(ctx, em.start(1), em.end(1))]
        if names:
            _target(acts, em.start()).companions.extend(names)
    for em in _ESCORTS_ACTOR.finditer(text):
        # 会前，县委书记X陪同Y察看茶园: X escorts the tour of Y, named right after 陪同 (not a state visit: 李克强陪同洪森
        # 检阅仪仗队 is the host at the guest's welcome)
        after = [p for p in persons_in(ctx, em.end(), em.end() + 8) if p.start == em.end()]
        if not after:
            continue
        tour = next((a for a in reversed(acts) if after[0].name in a.actors and a.start <= em.start()
                     and "访问" not in a.kind), None)
        if tour is not None:
            tour.companions.extend(list_before(ctx, em.start(), sentence_bounds(ctx, em.start())[0]))
    for a in acts:
        a.companions = dedupe(c for c in a.companions if c not in a.actors)


def _target(acts: list[Activity], pos: int) -> Activity:
    """The tour a companion line (蔡奇陪同考察) belongs to: the last one before it, passing over cited past
    visits (2013年11月…考察, dated by month or year) when a tour dated to the day was reported."""
    before = [a for a in acts if a.start <= pos] or acts[:1]
    reported = [a for a in before if a.date and len(a.date.partition("/")[0]) == 10]
    return (reported or before)[-1]
