"""The output contract (../shared/SPEC.md §2) as dataclasses that round-trip through JSON.

Field names are the contract: they may be added to, never renamed. Offsets are Python ``str``
indices into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, TypeVar

R = TypeVar("R", bound="JsonRecord")


class JsonRecord:
    """dataclasses-json's ``DataClassJsonMixin`` (to_json, from_json, to_dict, from_dict, schema), imported on
    first use: its import, marshmallow with it, was a fifth of a cold start, and `extract` never serialises.
    On that first use every record class becomes a registered subclass of the mixin, so dataclasses-json
    treats them as its own (nested records in `schema`, ``isinstance`` checks)."""

    dataclass_json_config = None

    def to_json(self, **kw: Any) -> str:
        return _mixin().to_json(self, **kw)

    def to_dict(self, encode_json: bool = False) -> dict[str, Any]:
        return _mixin().to_dict(self, encode_json=encode_json)

    @classmethod
    def from_json(cls: type[R], s: str | bytes, **kw: Any) -> R:
        return _mixin().from_json.__func__(cls, s, **kw)

    @classmethod
    def from_dict(cls: type[R], kvs: Any, *, infer_missing: bool = False) -> R:
        return _mixin().from_dict.__func__(cls, kvs, infer_missing=infer_missing)

    @classmethod
    def schema(cls, **kw: Any) -> Any:
        return _mixin().schema.__func__(cls, **kw)


@functools.cache
def _mixin() -> type:
    from dataclasses_json import DataClassJsonMixin

    DataClassJsonMixin.register(JsonRecord)
    return DataClassJsonMixin


def _list() -> list:
    return field(default_factory=list)


@dataclass
class Span(JsonRecord):
    text: str
    start: int
    end: int


@dataclass
class Title(JsonRecord):
    text: str
    org: str | None = None
    post: str | None = None


@dataclass
class Official(JsonRecord):
    name: str
    titles: list[Title] = _list()
    mentions: list[Span] = _list()
    # The state or international body whose posts the person holds, as a Chinese short name: 中国 for
    # Chinese posts (Hong Kong and Macao too), 法国 for 马克龙, 联合国 for its Secretary-General.
    country: str | None = None
    # The knowledge base's key for the person (the same in every document), or None where no KB knows
    # them or two office-holders share the name and the document does not tell them apart.
    id: str | None = None
    # Which rule made this an official: "title" (a post written next to the name), "kb:untitled" (a
    # name the KB knows as an office-holder around the article's date), "list:untitled" (a name in a
    # list of officials: 列席的有…), "formula:untitled" (the leader 以…同志为核心的党中央 names).
    evidence: str | None = None


@dataclass
class Place(JsonRecord):
    name: str
    level: str | None = None
    code: str | None = None
    parent: str | None = None
    mentions: list[Span] = _list()
    lat: float | None = None
    lon: float | None = None
    # Which rule found it: gazetteer, gazetteer:ambiguous, park-suffix, deictic, village-table, site-list,
    # region-list, list-member, city-named (a foreign city's port, palace or division; a Chinese city's port),
    # settlement-named (a landform named by a township or village), village-named (an excavation named by a village),
    # township-named, township-community, farm-base (a township's demonstration field or base), after-county,
    # visited-site, listed-site, kind-list, river-section, dotted-site, township-head, village-head (a township or a
    # village written at the head of a site's name), flat, translit, headline (a county only the headline names, no
    # mentions), ner (the statistical NER, `policyie.charner`); docs/records.md says what each reads.
    evidence: str | None = None


@dataclass
class DateMention(JsonRecord):
    text: str
    start: int
    end: int
    value: str
    granularity: str
    interval: list[str] | None = None
    part: str | None = None  # part of day, TIMEX3: MO 上午, MI 中午, AF 下午, EV 晚上, NI 夜间/凌晨
    evidence: str | None = None  # the date rule that read it (date:month_day, date:relative_day, range:… …)


@dataclass
class Meeting(JsonRecord):
    name: str
    kind: str
    date: str | None = None
    hosts: list[str] = _list()
    attendees: list[str] = _list()
    speakers: list[str] = _list()
    place: str | None = None
    referenced: bool = False
    start: int = 0
    end: int = 0
    # Which rule found it: held (a verb of holding or attending), cited (精神, 贯彻 …), organ-convenes
    # (市委常委会召开会议), reception (会见, 会谈, 会晤, 通电话), talk (a 座谈 during a visit), spoke-at,
    # planned (会议决定…召开, …将于…举行: referenced, with the announced date and place), briefing
    # (X听取…工作汇报: a 汇报会 of the visit).
    evidence: str | None = None


@dataclass
class Activity(JsonRecord):
    kind: str
    actors: list[str] = _list()
    companions: list[str] = _list()
    places: list[str] = _list()
    date: str | None = None
    topic: str | None = None
    start: int = 0
    end: int = 0
    evidence: str | None = None  # tour-verb: a tour verb whose subject is a known official


@dataclass
class Slogan(JsonRecord):
    text: str
    kind: str
    mentions: list[Span] = _list()
    gloss: str | None = None
    evidence: str | None = None  # quote-marks, numbered-pattern, parallel-pattern or lexicon


@dataclass
class Directive(JsonRecord):
    speaker: str | None
    verb: str | None
    text: str
    start: int
    end: int
    slogans: list[str] = _list()
    evidence: str | None = None  # the speech verb and how its speaker was found (speech-verb:person, :pronoun, :meeting)


@dataclass
class Document(JsonRecord):
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    authors: list[str] = _list()
    officials: list[Official] = _list()
    places: list[Place] = _list()
    dates: list[DateMention] = _list()
    meetings: list[Meeting] = _list()
    activities: list[Activity] = _list()
    slogans: list[Slogan] = _list()
    directives: list[Directive] = _list()
    # Beyond the scored contract: front-matter categories/tags, which analysts filter on.
    categories: list[str] = _list()

    def spans(self) -> list[Span | DateMention | Directive]:
        """Every offset-bearing item, for checking that offsets are true."""
        out: list[Span | DateMention | Directive] = []
        for o in self.officials:
            out.extend(o.mentions)
        for p in self.places:
            out.extend(p.mentions)
        for s in self.slogans:
            out.extend(s.mentions)
        out.extend(self.dates)
        out.extend(self.directives)
        return out

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``text[start:end]`` came from in the raw input (the decoded HTML page, Markdown file,
        portal page …), so a record can be highlighted in the original: ``raw_text[a:b]``.

        Only a `Document` made by `extract` in this process knows its raw input; one read back from JSON
        (or passed between processes) does not, and raises `ValueError`.
        """
        raw = self.__dict__.get("_raw")
        if raw is None:
            raise ValueError("this Document carries no offset map to its raw input (it was not made by extract "
                             "in this process, e.g. it was read back from JSON)")
        offsets = raw[1]
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the text of {len(self.text)} characters")
        if start == end:
            return offsets[start], offsets[start]
        return offsets[start], offsets[end - 1] + 1

    @property
    def raw_text(self) -> str | None:
        """The raw input, decoded (what `raw_span` offsets index), when this Document carries it."""
        raw = self.__dict__.get("_raw")
        return raw[0] if raw is not None else None

    def __getstate__(self) -> dict:
        # The raw input and its offset map stay in the process that made the Document: a batch sends its
        # Documents between processes, and the raw page would double what crosses.
        return {k: v for k, v in self.__dict__.items() if k != "_raw"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def _repr_html_(self) -> str:
        """Jupyter's rendering: the highlighted text and the records as tables (`policyie.display`)."""
        from policyie.display import display

        return display(self)._repr_html_()


RECORD_TYPES = (Span, Title, Official, Place, DateMention, Meeting, Activity, Slogan, Directive, Document)
