"""Directives: the instructions (要… / 必须… / 务必…) a speaker issues, and who issued them.

A directive opens at a speech verb with its subject (蔡奇强调，/ 他指出，/ 会议要求，/ X在座谈时
强调，) and runs on through the following sentences of the paragraph (要…。要…。推动…。) until
the paragraph ends or the narrative resumes (another speaker, a person doing something). Each
sentence becomes one Directive carrying the speaker, the verb and the slogans inside it.
他 / 她 resolve to the person last mentioned; 会议 / 会上 / 全会 to the meeting the article reports.
"""

from __future__ import annotations

import regex

from policyie import lazy_pattern
from policyie.extractors._events import (
    SENT_PUNCT,
    SENT_PUNCT_RE,
    last_person_before,
    own_post,
    paragraph_at,
    person_ending_at,
    persons_in,
    resolve_pronoun,
    sentence_bounds,
    slogans_in,
)
from policyie.extractors._people import OBJECT_PREPOSITIONS
from policyie.extractors.base import Context, register
from policyie.extractors.meetings import RECEPTION_KINDS
from policyie.records import Directive

_VERBS = "强调|指出|要求|提出|表示|叮嘱|认为|号召|希望|说|指示|批示|作出批示|作出指示"
# 要求各地…, 希望山东…: addressed to someone, the instruction follows the verb directly.
# (叮嘱企业说，…: who is told, then 说; the instruction follows 说. 强调必须守住…, 强调遗址保护要坚持…: 强调 right before
# a modal, or before the short subject of one; 指出要加快…, 提出要坚持… alike: a statement verb then a modal, not
# 提出了…理念 or 全会提出的重要思想, a noun it names; nor 重要, no modal)
_TRIGGER = lazy_pattern.compile(rf"(?:{_VERBS})[，,：:]|叮嘱\p{{Han}}{{0,6}}?说[，,：:]|(?:要求|希望|叮嘱)(?=[\p{{Han}}\d])"
                         r"|强调(?=[\p{Han}“”]{0,12}?(?:要(?!求)|必须|务必|应当|应该))"
                         r"|(?:指出|提出)(?![了的])(?=[\p{Han}“”]{0,12}?(?:(?<![重主必只想纲摘不索])要(?!求)|必须|务必|应当|应该))")
_DIRECT_VERBS = frozenset(("要求", "希望", "叮嘱"))
_BARE_STATEMENT = frozenset(("指出", "提出"))  # a statement verb that opens an instruction with no comma after it
# Verbs that report a statement: what follows is an instruction only when it says so (要, 必须, 希望 …);
# 李强表示，21世纪是亚洲的世纪 states a belief. The others (强调, 要求, 指示 …) instruct by themselves.
_STATEMENT_VERBS = frozenset("表示 指出 认为 说 提出".split())
# (…决不能以牺牲湿地为代价, 不得…: a prohibition instructs as a modal does)
_MODAL = lazy_pattern.compile(r"(?<![重主必只想纲摘不索])要(?!求|素|点|闻|害|领|事|职)|必须|务必|应当|应该|需要|须|希望|一定|确保|切实|坚决"
                       r"|决不|绝不|不能|不得|严禁")
# Between the subject and the verb: 在座谈时 / 在讲话中 / 还 / 进一步 ….
_ADVERBIAL = lazy_pattern.compile(
    # 近日 / 7月15日上午 before the place: 习近平近日在内蒙古考察时强调
    r"(?:近日|日前|近期|今天|昨天|前天|当天|当日|(?:\d{1,2}月)?\d{1,2}日(?:上午|中午|下午|晚上)?)?"
    r"(?:在[^，,。；;]{1,32}?(?:时|中|上|后))?(?:还|并|也|又|同时|进一步|再次|特别|明确|充分|着重|最后|深刻|郑重|强调)*$"
)
_MEETING_SUBJECT = lazy_pattern.compile(r"(?:会议|会上|全会|大会|常委会|常务会议|座谈会|务虚会)$")
# A sentence the reported meeting opens as its subject (会议还审议了…): the meeting is who speaks later in it.
_MEETING_OPENS = lazy_pattern.compile(r"[\s　]*(?:会议|会上|全会)(?:还|并|也|同时|首先|最后)?(?:听取|审议|传达|学习|研究|通报|讨论)")
_PRONOUN = lazy_pattern.compile(r"[他她]$")
_PRONOUN_SUBJECT = lazy_pattern.compile(r"(?:^|[，,])\s*(?:随后|接着|然后|最后|之后|此后)?([他她])(?!们)")
# A sentence that resumes the narrative: a person (or 市领导…) opening it.
_NARRATIVE_OPEN = lazy_pattern.compile(r"^[\s　]*(?:市领导|省领导|区领导|县领导|[^，,。；;]{0,12}?(?:来到|走进|察看|参观|听取|登上|考察|调研))")
_INSTRUCTION = lazy_pattern.compile(
    r"要|必须|务必|应当|应该|需要|须|坚持|确保|推动|推进|加强|加快|强化|深化|完善|优化|落实|抓好|做好|办好|"
    r"提高|提升|着力|力争|切实|坚决|不断|持续|进一步|扎实|积极|全力|防止|严格|统筹|发挥|打造|建设|培育|注重|"
    r"聚焦|围绕|用好|守住|牢记|增强|树立|保持|促进|支持|引导|鼓励|探索|健全|构建|加大|实施|服务|扩大|立足|结合|依托"
)


@register("directives", requires=("officials", "slogans", "meetings", "activities"))
def extract(ctx: Context) -> list[Directive]:
    text = ctx.text
    triggers = [t for t in (_trigger(ctx, m) for m in _TRIGGER.finditer(text)) if t is not None]
    out: list[Directive] = []
    for i, (speaker, verb, body_lo, v_lo) in enumerate(triggers):
        p_lo, p_hi = paragraph_at(ctx, v_lo)
        stop = p_hi
        if i + 1 < len(triggers):
            nxt = triggers[i + 1][3]
            if nxt < p_hi:
                cut, shared = _before_trigger(ctx, body_lo, nxt)
                if shared and not _MODAL.search(text, body_lo, cut) and body_lo != v_lo:
                    # 习近平强调，站在新的历史起点上，希望…: the clause before the sentence's next trigger only leads
                    # into it, unless it instructs itself (叮嘱要发展林下经济，要求…; 要求景区加强…，要求值守人员…: one
                    # addressed directly is an instruction of its own)
                    continue
                stop = min(stop, cut)
        out.extend(_sentences(ctx, speaker, verb, body_lo, max(stop, body_lo)))
    return out
# Patterns tried at single positions, compiled once: regex's per-call cache lookup cost more than the match.
_SENT_END = lazy_pattern.compile(r"[。；;]")
_CLAUSE_END_LAST = lazy_pattern.compile(r"[，,；;：:]", flags=regex.REVERSE)


def _before_trigger(ctx: Context, body_lo: int, nxt: int) -> tuple[int, bool]:
    """Where an instruction ends when the next trigger (at ``nxt``) follows, and whether the two share a sentence:
    at the start of that trigger's sentence, or, when they share one (叮嘱要发展林下经济，要求在5月底前…), at the
    clause before it: the next trigger's sentence start would end this one before it began."""
    start = sentence_bounds(ctx, nxt)[0]
    if start > body_lo:
        return start, False
    cut = _CLAUSE_END_LAST.search(ctx.text, body_lo, nxt)
    return (cut.start() if cut else nxt), True


def _trigger(ctx: Context, m: regex.Match) -> tuple[str, str, int, int] | None:
    """(speaker, verb, where the instruction starts, where the verb is) or None."""
    text = ctx.text
    v_lo = m.start()
    verb = m.group().rstrip("，,：:")
    verb = "叮嘱" if verb.startswith("叮嘱") else verb  # (叮嘱企业说)
    s_lo, _ = sentence_bounds(ctx, v_lo)
    pre = text[s_lo:v_lo]
    if pre.endswith(("的", "和", "及", "、", "与", "等")) and not (pre.endswith("和") and person_ending_at(ctx, v_lo, "")):
        return None  # 党中央…的要求，/ 提出的 — a noun, not a speech act (程家和|要求: a name's 和)
    # The adverbial ends at the verb and is short: looking back 120 characters keeps a long
    # sentence from costing a scan per trigger.
    adv = _ADVERBIAL.search(pre, max(0, len(pre) - 120))
    q = s_lo + (adv.start() if adv else len(pre))
    q = min(q, _stop_opening(ctx, s_lo, v_lo) or q)
    speaker = _speaker_at(ctx, q, s_lo)
    if speaker is None:
        return None
    if m.group() in _BARE_STATEMENT and _MEETING_SUBJECT.search(text, s_lo, q):
        return None  # 党的十九届六中全会提出要…: a meeting cited by its name, not the one reported, proposed it
    # 要求保护区力争…, 叮嘱企业…: addressed directly, the verb is the instruction's own first word (要求相关部门加快…
    # is what was asked); after a colon or comma the instruction follows it
    direct = verb in _DIRECT_VERBS and m.group() == verb
    return speaker, verb, v_lo if direct else m.end(), v_lo


def _stop_opening(ctx: Context, s_lo: int, v_lo: int) -> int | None:
    """Where ``，在X`` opens the clause of the verb at ``v_lo``, X a place the article names ending right at the verb
    (…，在秤架森林防火检查站|要求…): the stop is an adverbial, and who asks is the clause's subject before it."""
    text = ctx.text
    for p in ctx.doc.places or []:
        for m in p.mentions:
            if m.end == v_lo and m.start - 1 >= s_lo and text[m.start - 1] == "在" and (
                    m.start - 1 == s_lo or text[m.start - 2] in "，,；;"):
                return m.start - 1
    return None


def _speaker_at(ctx: Context, q: int, s_lo: int) -> str | None:
    text = ctx.text
    head = text[s_lo:q]
    p = person_ending_at(ctx, q)
    if p is not None:
        return p.name
    named = persons_in(ctx, max(s_lo, q - 16), q)
    if named and own_post(ctx, named[-1].name, text[named[-1].end : q]):
        return named[-1].name  # 茆瑗副区长|要求，: the name, then the post the article gives that person
    if _PRONOUN.search(head):
        return resolve_pronoun(ctx, q - 1)
    if _MEETING_SUBJECT.search(head):
        return _meeting_speaker(ctx)
    # (…，听取…马秀兰介绍…情况后|指出: what the subject did before speaking ends as a clause does)
    if head.endswith(("，", ",", "后")):
        if _MEETING_OPENS.match(head):
            return _meeting_speaker(ctx)  # 会议审议了…，要求…, 会议听取了…汇报，强调…: the meeting goes on speaking
        # 蔡奇察看…，了解…，指出， — the sentence's subject speaks; so does a pronoun that opens a clause before any
        # name (他在…主持召开座谈会，听取…拉毛吉介绍…后|指出: the one who listened)
        first = persons_in(ctx, s_lo, q)
        pm = _PRONOUN_SUBJECT.search(head)
        if pm and first and s_lo + pm.start(1) < first[0].start:
            return resolve_pronoun(ctx, s_lo + pm.start(1))
        if first and not _SENT_END.search(text[first[0].end : q]):
            return first[0].name
        last = last_person_before(ctx, q, s_lo)
        if last is not None:
            return last.name
        # 在拉尕山景区，他详细询问…，要求…: the pronoun that opens a clause is the subject who instructs
        if pm:
            return resolve_pronoun(ctx, s_lo + pm.start(1))
        return _touring(ctx, q) if _TOUR_GOES_ON.match(head) else None
    return None


# 随后来到…，察看…，要求…: a sentence of a tour with no subject of its own goes on with the tour's visitor.
# (and 随后沿…察看, 随后在…察看, 又在…观摩: along a river, at a stop, after a word that goes on with the tour)
_TOUR_GOES_ON = lazy_pattern.compile(r"[\s　]*(?:(?:随后|接着|然后|之后|此后)?[，,]?(?:又|还|再)?(?:来到|走进|前往|深入|登上|走访|沿)"
                                     r"|(?:随后|接着|然后|之后|此后)[，,]?(?:又|还|再)?在|(?:又|还|再)在"
                                     # (…；在永登站察看…，要求车站…: a stop and its verb, no subject of its own)
                                     r"|在[^，,。；;]{1,16}?(?:察看|查看|检查|调研|考察|督导))")


# …，又来到|随后走进…: a clause that takes the tour to its next stop.
_TOUR_MOVES_ON = lazy_pattern.compile(r"[，,](?=(?:随后|接着|然后|之后|此后|最后)?(?:又|还|再)(?:来到|走进|前往|深入|登上|走访|到))")


def _touring(ctx: Context, q: int) -> str | None:
    """The visitor of the tour reported last before ``q``, where one is."""
    tours = [a for a in ctx.doc.activities if a.start < q and a.actors]
    return max(tours, key=lambda a: a.start).actors[0] if tours else None


def _meeting_speaker(ctx: Context) -> str:
    """The reported meeting's name when there is one to name, else 会议."""
    # A name the article never writes (中共中央政治局…召开会议 → 中共中央政治局会议) is not how it names the
    # issuer: 会议强调 then speaks as 会议.
    held = [m for m in ctx.doc.meetings or []
            if not m.referenced and m.kind not in RECEPTION_KINDS and m.evidence != "organ-convenes"]
    names = [m.name for m in held if m.name.endswith(("会", "会议"))]
    return names[0] if len(set(names)) == 1 else "会议"


# The speaker's own side opening a sentence: the same speaker goes on, whoever the sentence names after it.
_SPEAKERS_SIDE = lazy_pattern.compile(r"[\s　，,]*(?:中方|我们|我国|我)(?![市区县省乡镇])")
def _actors_in(ctx: Context, lo: int, hi: int) -> bool:
    """A person opens one of the clauses in [lo, hi) as its actor: not the object of a preposition (我期待…，同|普京总统
    一道规划…: the speaker goes on)."""
    return any(p.start == 0 or ctx.text[p.start - 1] not in OBJECT_PREPOSITIONS for p in persons_in(ctx, lo, hi))


def _sentences(ctx: Context, speaker: str, verb: str, lo: int, hi: int) -> list[Directive]:
    text = ctx.text
    out: list[Directive] = []
    pos = lo
    first = True
    while pos < hi:
        stop = SENT_PUNCT_RE.search(text, pos, hi)
        end = stop.end() if stop else hi
        seg = text[pos:end]
        if not first and _NARRATIVE_OPEN.match(seg):
            break
        if not first and _actors_in(ctx, pos, min(end, pos + 14)) and not _INSTRUCTION.search(seg[:6]) \
                and not _SPEAKERS_SIDE.match(seg):
            break  # a new actor takes over the paragraph (中方高度评价普京总统…: the speaker's side is still the subject)
        s = pos + (len(seg) - len(seg.lstrip(" \u3000，,：:")))
        e = end
        if (move := _TOUR_MOVES_ON.search(text, s, e)) is not None:
            e = move.start()  # 要求…汛限水位|，又来到…: the tour goes on, the instruction has ended
        while e > s and text[e - 1] in SENT_PUNCT + " \u3000":
            e -= 1
        instructive = verb not in _STATEMENT_VERBS or _MODAL.search(text[s:e]) is not None
        if e > s and ((first and instructive) or (not first and _INSTRUCTION.search(text[s:e]))):
            out.append(Directive(speaker=speaker, verb=verb, text=text[s:e], start=s, end=e,
                                 slogans=slogans_in(ctx, s, e),
                                 evidence="speech-verb" if first else "speech-verb:continued"))
        first = False
        pos = end
    return out
