"""Pathological inputs finish in bounded time with a Document or an InputError (README "Limits").

The time guard is generous on purpose: it catches catastrophic regex backtracking (minutes or
forever), not slowness, which benchmarks/ measures.
"""

from __future__ import annotations

import random
import signal
from collections.abc import Callable

import pytest

from policyie import Document, InputError, extract
from policyie.normalize.decode import MAX_INPUT_BYTES

GUARD_S = 90
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def guarded(fn: Callable[[], object]) -> object:
    def on_alarm(signum, frame):  # noqa: ARG001
        raise TimeoutError(f"input took over {GUARD_S} s: catastrophic backtracking?")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(GUARD_S)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(source: object) -> Document | InputError:
    def go() -> Document | InputError:
        try:
            return extract(source, doc_id="p")
        except InputError as exc:
            return exc

    return guarded(go)  # type: ignore[return-value]


def random_han(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(COMMON) for _ in range(n))


def test_ten_megabyte_article_is_refused_quickly() -> None:
    out = run(("市委书记到通州区调研。" * 400_000).encode("utf-8"))
    assert isinstance(out, InputError) and out.reason == "too-large"
    assert len(("市委书记到通州区调研。" * 400_000).encode()) > MAX_INPUT_BYTES


def test_one_megabyte_article_is_processed() -> None:
    para = "市委书记蔡奇到通州区调研检查。他强调，要坚持“五子”联动，推动高质量发展。2024年4月29日，会议强调，要压实责任。\n"
    out = run(para * (1_000_000 // len(para.encode())))
    assert isinstance(out, Document) and out.officials


@pytest.mark.parametrize(
    "name, source",
    [
        ("100k paragraph without punctuation", lambda: random_han(100_000)),
        ("deeply nested html", lambda: "<div>" * 20_000 + "市委书记到通州区调研。" + "</div>" * 20_000),
        ("unclosed tags", lambda: "<p><div><span style='x" + "市委书记到通州区调研。" * 500),
        ("unclosed comment", lambda: "市委书记到通州区调研。<!--" + "注释" * 50_000),
        ("unclosed style", lambda: "市委书记到通州区调研。<style>" + "a{}" * 50_000),
        ("nul bytes among text", lambda: "\x00".join("市委书记到通州区调研。" * 50)),
        ("mixed encodings", lambda: "市委书记到通州区调研。".encode() + "市长到海淀区调研。".encode("gbk") * 100),
        ("emoji", lambda: "😀🇨🇳" * 1000 + "市委书记到通州区调研。" + "🎉" * 1000),
        ("latin only", lambda: "The Party secretary visited Tongzhou. " * 1000),
        ("repeated punctuation", lambda: "市委书记" + "，、。；" * 25_000 + "到通州区调研。"),
        ("unbalanced quotes", lambda: "“" * 30_000 + "市委书记到通州区调研" + "”" * 10),
        ("quote pairs", lambda: "“五子”" * 20_000),
        ("titles without names", lambda: "市委书记、" * 20_000),
        ("names without end", lambda: "市领导" + "张三、" * 20_000),
        ("directive run", lambda: "他强调，" + "要" * 50_000),
        ("date-like run", lambda: "1月" * 30_000 + "2日至" * 10_000),
        ("numbered formulation run", lambda: "四个" * 40_000),
        ("pinyin-like run", lambda: "發(fā)" * 30_000),
        ("front matter never closed", lambda: "---\ntitle: x\n" + "key: value\n" * 20_000 + "市委书记到通州区调研。"),
        ("long single line markdown", lambda: "[" * 30_000 + "市委书记到通州区调研。" + "](" * 10_000),
        ("whitespace runs", lambda: "市委书记" + " \u3000\t" * 50_000 + "到通州区调研。"),
    ],
)
def test_bounded(name: str, source: Callable[[], object]) -> None:
    out = run(source())
    assert isinstance(out, (Document, InputError)), name
    if isinstance(out, Document):
        for span in out.spans():
            assert out.text[span.start : span.end] == span.text
