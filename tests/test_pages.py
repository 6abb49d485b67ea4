"""Whole saved web pages (issue 19): the article, not the page around it.

tests/pages holds real Chinese government and news pages saved whole by page-extraction projects (see
tests/pages/SOURCES.md), and expected.json what each says, written by reading the page: its headline, its
publication day, the first and last sentence of its body, and strings of its menus, sidebars and footers.
The unit tests below pin the rules one by one on small inline pages.
"""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest
import regex
from invariants import check_offsets

from policyie import InputError, extract
from policyie.normalize import normalise
from policyie.normalize.decode import decode_bytes
from policyie.normalize.page import is_whole_page

PAGES = Path(__file__).parent / "pages"
EXPECTED: dict[str, dict] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
_WS = regex.compile(r"\s+")


def squash(s: str | None) -> str:
    return _WS.sub("", s or "")


@pytest.fixture(scope="module")
def results() -> dict[str, tuple]:
    out = {}
    for name in EXPECTED:
        raw = (PAGES / f"{name}.html").read_bytes()
        out[name] = (normalise(raw), extract(raw, doc_id=name))
    return out


def _rate(results: dict, ok) -> tuple[float, list[str]]:
    misses = [name for name, (n, _doc) in results.items() if not ok(EXPECTED[name], n)]
    return 1 - len(misses) / len(results), misses


# ------------------------------------------------------------------------------------------ the page set


def test_the_page_set_is_real_varied_and_cited() -> None:
    sources = (PAGES / "SOURCES.md").read_text(encoding="utf-8")
    assert len(EXPECTED) >= 20
    sites = {".".join(e["site"].split(".")[-3:] if ".gov.cn" in e["site"] or ".com.cn" in e["site"] else e["site"].split(".")[-2:])
             for e in EXPECTED.values()}
    assert len(sites) >= 10, sites
    assert sum(e["kind"] == "government" for e in EXPECTED.values()) >= 3
    for name, e in EXPECTED.items():
        path = PAGES / f"{name}.html"
        assert path.stat().st_size <= 300_000, name
        assert f"`{name}.html`" in sources and e["origin"]["path"] in sources and e["origin"]["repo"] in sources, name
        assert regex.fullmatch(r"\d{4}-\d{2}-\d{2}", e["published"]), name
        assert is_whole_page(decode_bytes(path.read_bytes())), name


def test_title_accuracy(results: dict) -> None:
    rate, misses = _rate(results, lambda e, n: squash(n.title) == squash(e["title"]))
    assert rate >= 0.95, [(m, results[m][0].title) for m in misses]


def test_published_accuracy(results: dict) -> None:
    rate, misses = _rate(results, lambda e, n: (n.published or "")[:10] == e["published"])
    assert rate >= 0.95, [(m, results[m][0].published) for m in misses]


def test_first_and_last_sentence_of_the_body_are_in_the_text(results: dict) -> None:
    rate, misses = _rate(results, lambda e, n: squash(e["first"]) in squash(n.text) and squash(e["last"]) in squash(n.text))
    assert rate >= 0.95, misses


def test_menus_sidebars_and_footers_stay_out(results: dict) -> None:
    rate, misses = _rate(results, lambda e, n: not any(squash(a) in squash(n.text) for a in e["absent"]))
    assert rate >= 0.95, [(m, [a for a in EXPECTED[m]["absent"] if squash(a) in squash(results[m][0].text)]) for m in misses]


def test_every_place_lies_inside_the_body(results: dict) -> None:
    """No place from navigation: each Place mention maps back into the raw span of the article body, from the
    paragraph of its first expected sentence to that of its last (a portal's menu of every county lies outside)."""
    outside = []
    for name, (n, doc) in results.items():
        e = EXPECTED[name]
        text, flat = n.text, squash(n.text)
        if squash(e["first"]) not in flat or squash(e["last"]) not in flat:
            continue  # scored by the test above
        start = text.rfind("\n", 0, _index(text, e["first"])) + 1
        end = text.find("\n", _index(text, e["last"], last=True))
        lo, hi = n.offsets[start], n.offsets[len(text) if end < 0 else end]
        for place in doc.places:
            for m in place.mentions:
                raw_at = n.offsets[m.start]
                if not lo <= raw_at < hi:
                    outside.append((name, m.text, raw_at))
                raw = regex.sub(r"<[^<>]*>", "", n.raw[raw_at : n.offsets[m.end - 1] + 1])
                assert squash(raw) == squash(m.text), (name, m.text, raw)
    assert not outside, outside


def _index(text: str, sentence: str, last: bool = False) -> int:
    """Where ``sentence`` starts (or, with ``last``, ends) in ``text``, whitespace ignored."""
    chars = [i for i, c in enumerate(text) if not c.isspace()]
    at = "".join(text[i] for i in chars).index(squash(sentence))
    return chars[at + len(squash(sentence)) - 1] + 1 if last else chars[at]


def test_every_character_maps_back_to_the_raw_page(results: dict) -> None:
    for name, (n, doc) in results.items():
        assert doc.text == n.text
        assert len(n.offsets) == len(n.text) + 1
        for i, c in enumerate(n.text):
            if c.isspace():
                continue
            r = n.raw[n.offsets[i]]
            # the same character, or its half-width form (，for ,), or the entity it was written as
            assert r == c or unicodedata.normalize("NFKC", c) == r or r == "&", (name, i, c, r)


# ------------------------------------------------------------------------------------------ rules

NAV = "".join(f'<li><a href="/c{i}.html">{name}</a></li>' for i, name in enumerate(
    "首页 要闻 政务 政策 服务 互动 数据 省情 图片 视频 专题 English".split()))
ARTICLE = "<p>　　6月3日上午，市委书记到通州区调研城市副中心建设。他强调，要坚持稳中求进。</p><p>　　市领导参加调研。</p>"


def page(body: str, *, head: str = "", title: str | None = "市委书记到通州区调研_北京日报网", nav: str = NAV) -> str:
    t = f"<title>{title}</title>" if title is not None else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8">{t}{head}</head><body>'
            f'<div class="nav"><ul>{nav}</ul></div><div class="main">{body}</div>'
            f'<div class="footer"><p>版权所有：北京日报社 京ICP备05000000号</p></div></body></html>')


def test_title_is_the_headline_not_the_breadcrumb_or_the_site() -> None:
    html = page('<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/yw/">要闻</a> &gt; 区域</div>'
                "<h1>市委书记到通州区调研</h1>" + ARTICLE)
    n = normalise(html)
    assert n.title == "市委书记到通州区调研"
    assert "当前位置" not in n.text and "要闻" not in n.text and "版权所有" not in n.text
    assert n.text.startswith("6月3日上午")


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("市委书记到通州区调研 - 北京市人民政府门户网站", "市委书记到通州区调研"),
        ("市委书记到通州区调研_首页北京_新闻中心_长江网_cjn.cn", "市委书记到通州区调研"),
        ("市委书记到通州区调研|通州_新浪新闻", "市委书记到通州区调研"),
        ("市委书记到通州区调研--当代商报", "市委书记到通州区调研"),
        ("1-10月德清县固定资产投资结构趋稳趋优", "1-10月德清县固定资产投资结构趋稳趋优"),
        ("市委书记到通州区调研 / 镇务动态 / 通州区某镇人民政府", "市委书记到通州区调研"),
        ("市委书记到通州区调研 » 通州要闻 » 通州区人民政府", "市委书记到通州区调研"),
        ("市委书记到通州区调研 › 要闻动态 › 北京市人民政府", "市委书记到通州区调研"),
        ("市委书记到通州区调研－政务要闻－通州区人民政府", "市委书记到通州区调研"),  # (a full-width hyphen-minus)
        ("2026/11/20 市委书记到通州区调研", "2026/11/20市委书记到通州区调研"),  # (a date's slashes part nothing)
        ("市委书记到通州区调研 :: 通州区人大网", "市委书记到通州区调研"),  # (a spaced double colon)
        ("市委书记到通州区调研 : 通州区人民政府", "市委书记到通州区调研"),
        ("专访:市委书记谈通州区发展", "专访：市委书记谈通州区发展"),  # (an unspaced colon is the headline's own)
        ("市委书记到通州区调研 · 政务动态 · 通州区人民政府", "市委书记到通州区调研"),  # (a spaced middle dot)
        ("“精致城市·幸福威海”品牌发布", "“精致城市·幸福威海”品牌发布"),  # (an unspaced one is the headline's own)
    ],
)
def test_title_is_the_page_title_less_the_site_name(title: str, headline: str) -> None:
    assert normalise(page(ARTICLE, title=title)).title == headline


def test_og_title_and_article_title_metas_name_the_headline() -> None:
    head = '<meta property="og:title" content="市委书记到通州区调研">'
    assert normalise(page(ARTICLE, head=head, title="北京日报网")).title == "市委书记到通州区调研"
    head = '<meta name="ArticleTitle" content="市委书记到通州区调研">'
    assert normalise(page(ARTICLE, head=head, title="首页")).title == "市委书记到通州区调研"


def test_two_line_headlines_join_as_the_page_title_writes_them() -> None:
    # a kicker above the main line, both in <title>
    html = page("<h3>河南着力培育新动能</h3><h1>在新时代中部地区崛起中争先出彩</h1>" + ARTICLE,
                title="河南着力培育新动能 在新时代中部地区崛起中争先出彩_人民网")
    assert normalise(html).title == "河南着力培育新动能 在新时代中部地区崛起中争先出彩"
    # one headline broken over lines by <br>
    html = page('<p align="center"><strong>全国人民代表大会常务委员会<br>关于批准财政部发行特别国债的决议</strong></p>'
                + ARTICLE, title="全国人民代表大会常务委员会关于批准财政部发行特别国债的决议__2007年第23号国务院公报_中国政府网")
    n = normalise(html)
    assert n.title == "全国人民代表大会常务委员会关于批准财政部发行特别国债的决议"
    assert "关于批准" not in n.text


def test_the_page_title_printed_whole_is_not_the_headline() -> None:
    # the <title> (headline, channel, site) printed as a line, and the headline as a line of its own
    title = "全县秋粮收购工作有序推进 - 县区新闻 - 中国·某县"
    html = page(f"<div class='top'>{title}</div><div class='t_title'>全县秋粮收购工作有序推进</div>" + ARTICLE,
                title=title)
    assert normalise(html).title == "全县秋粮收购工作有序推进"


def test_the_site_name_printed_in_the_banner_is_not_the_headline() -> None:
    # the site's name (the title's last piece, longer than the headline) printed as the logo line above the headline
    title = "市政协召开常委会议 | 协商议政 | 中国人民政治协商会议某某市委员会"
    html = page("<div class='logo'>中国人民政治协商会议某某市委员会</div><h1>市政协召开常委会议</h1>" + ARTICLE, title=title)
    assert normalise(html).title == "市政协召开常委会议"


def test_a_menu_item_is_never_the_title() -> None:
    # no <title>: the heading before the article, not the first line of the page (a menu)
    n = normalise(page("<h1>市委书记到通州区调研</h1>" + ARTICLE, title=None))
    assert n.title == "市委书记到通州区调研"


@pytest.mark.parametrize(
    ("head", "when"),
    [
        ('<meta property="article:published_time" content="2024-05-09T22:30:00+08:00">', "2024-05-09T22:30:00+08:00"),
        ('<meta name="PubDate" content="2019-09-18 06:23">', "2019-09-18T06:23:00+08:00"),
        ('<meta name="publishdate" content="2024-05-10">', "2024-05-10"),
        ('<meta name="pubdate" content="2023-11-17 20:52:15">', "2023-11-17T20:52:15+08:00"),
        ('<meta property="og:release_date" content="2020-01-02 17:11">', "2020-01-02T17:11:00+08:00"),
        ('<meta name="firstpublishedtime" content="2007-08-20-23:59:59">', "2007-08-20"),
    ],
)
def test_published_from_meta(head: str, when: str) -> None:
    assert normalise(page(ARTICLE, head=head)).published == when


def test_published_and_source_from_the_header_lines() -> None:
    body = '<h1>市委书记到通州区调研</h1><div class="info">发布时间：2024年04月30日 07:15　来源：北京日报</div>' + ARTICLE
    n = normalise(page(body))
    assert n.published == "2024-04-30T07:15:00+08:00"
    assert n.source == "北京日报"
    assert "发布时间" not in n.text and "来源" not in n.text
    # a stamp with the time of day wins over a <meta> date of the same day without one
    n = normalise(page(body, head='<meta name="publishdate" content="2024-04-30">'))
    assert n.published == "2024-04-30T07:15:00+08:00"
    # and over a <meta> of the same day with its hidden seconds: the page says the minute it was published
    n = normalise(page(body, head='<meta name="PubDate" content="2024-04-30 07:15:12">'))
    assert n.published == "2024-04-30T07:15:00+08:00"
    # a <meta> of another day is the page's own record and wins
    n = normalise(page(body, head='<meta name="PubDate" content="2024-05-02 09:00:00">'))
    assert n.published == "2024-05-02T09:00:00+08:00"


def test_published_from_a_date_line_at_the_foot() -> None:
    n = normalise(page("<h1>市委书记到通州区调研</h1>" + ARTICLE + "<p>发布日期：2019-03-06</p><p>责任编辑：龙慧</p>"))
    assert n.published == "2019-03-06"


def test_source_from_meta() -> None:
    n = normalise(page(ARTICLE, head='<meta name="ContentSource" content="山西日报">'))
    assert n.source == "山西日报"


def test_the_site_name_says_where_the_page_is() -> None:
    """A county portal's 来源 may name only an office (县政府办公室); its SiteName says which county 我县 is."""
    body = ("<h1>县长调研传统村落保护工作</h1><p>来源：县政府办公室</p>"
            "<p>11月24日，县委副书记、县长应晓岑调研传统村落保护利用工作。应晓岑指出，传统村落是我县最宝贵的资源，"
            "要坚持保护优先，让老房子住得进人、留得住魂。</p>")
    n = normalise(page(body, head='<meta name="SiteName" content="松阳县人民政府门户网站">', title="县长调研_松阳县人民政府"))
    assert n.site == "松阳县人民政府门户网站"
    assert n.source == "县政府办公室"
    doc = extract(page(body, head='<meta name="SiteName" content="松阳县人民政府门户网站">', title="县长调研_松阳县人民政府"))
    assert [(p.name, [m.text for m in p.mentions]) for p in doc.places] == [("松阳县", ["我县"])]
    assert "site" not in doc.to_dict()  # not a contract field


def test_a_gb2312_page_keeps_its_title() -> None:
    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE).replace('charset="utf-8"', 'charset="gb2312"')
    n = normalise(html.encode("gb2312"))
    assert n.title == "市委书记到通州区调研"
    assert n.text.startswith("6月3日上午")
    # http-equiv form, and GBK beyond GB2312 (镕)
    html = page("<h1>朱镕基到通州区调研</h1>" + ARTICLE, title="朱镕基到通州区调研_北京日报网").replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=GBK">')
    assert normalise(html.encode("gbk")).title == "朱镕基到通州区调研"


def test_a_utf8_page_that_declares_gb2312_is_still_utf8() -> None:
    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE).replace('charset="utf-8"', 'charset="gb2312"')
    assert normalise(html.encode("utf-8")).title == "市委书记到通州区调研"


def test_a_region_menu_gives_no_places() -> None:
    counties = "东城区 西城区 朝阳区 海淀区 丰台区 石景山区 门头沟区 房山区 大兴区 昌平区 怀柔区 平谷区 密云区 延庆区 顺义区".split()
    nav = "".join(f'<li><a href="/{i}/">{c}</a></li>' for i, c in enumerate(counties))
    names = {p.name for p in extract(page("<h1>市委书记到通州区调研</h1>" + ARTICLE, nav=nav)).places}
    assert "通州区" in names and not names & set(counties)


def test_fragments_and_pages_without_navigation_keep_the_old_path() -> None:
    for html in (ARTICLE, "<html><body>" + ARTICLE + "</body></html>", "<div><p>市委书记到通州区调研。</p></div>"):
        assert not is_whole_page(html)
    for path in sorted((Path(__file__).parent / "synthetic" / "articles").glob("*.html")):
        assert not is_whole_page(decode_bytes(path.read_bytes())), path.name


NAV_PAGE = "<html><body>" + "".join(f'<a href="/{i}">栏目{i}</a>' for i in range(12))
LEAD = "市委书记到通州区调研，强调要稳中求进。"
SHAPES = {
    "unclosed divs": lambda n: NAV_PAGE + "<div>" * n + LEAD,
    "stray close tags": lambda n: NAV_PAGE + "</span>" * n + f"<p>{LEAD}</p>",
    "inline nesting around paragraphs": lambda n: NAV_PAGE + "<div>" + "<span>" * n + f"<p>{LEAD}</p>" * (n // 4),
    "unclosed headings": lambda n: NAV_PAGE + "<h1>标题" * (n // 4) + f"<p>{LEAD}</p>",
    "links only": lambda n: NAV_PAGE + '<li><a href="/x">通州区</a></li>' * (n // 20),
    "nested tables": lambda n: NAV_PAGE + "<table><tr><td>" * (n // 3) + LEAD,
    "unclosed script": lambda n: NAV_PAGE + LEAD + "<script>" + "var a=1;" * n,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_pathological_whole_pages_stay_linear(shape: str) -> None:
    """100k-tag pages of the shapes a tolerant parser can go quadratic on: a Document (or an InputError) with
    true offsets, quickly."""
    html = SHAPES[shape](20_000)
    t0 = time.perf_counter()
    try:
        check_offsets(extract(html))
    except InputError:
        pass
    assert time.perf_counter() - t0 < 10, shape


def test_bylines_of_a_whole_page_header_and_trailer_are_the_authors() -> None:
    """作者： in a long info line beside the date, and 责任编辑/编辑/审核 under the article, are authors even
    though the article's text leaves them out (checkset_local's first score missed both)."""
    from policyie import extract

    html = page("<h1>市委书记到通州区调研</h1>"
                '<div class="info">发布时间：2024年06月03日 17:26　信息来源：北京日报　作者：阿依古丽·买买提 李晨　'
                "【字号：<a>大</a> <a>中</a> <a>小</a>】【<a>打印</a>】【<a>关闭</a>】</div>"
                + ARTICLE + '<div class="editor">编辑：吴静　审核：钱卫东</div>')
    doc = extract(html)
    assert doc.authors == ["阿依古丽·买买提", "李晨", "吴静", "钱卫东"]
    assert "编辑" not in doc.text and "作者" not in doc.text


def test_an_author_line_under_the_article_names_every_author() -> None:
    """（作者：陈映溪　吴书远　　责任编辑：…）under the article: each role's names, up to the next role."""
    from policyie import extract

    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE
                + '<div class="editor">（作者：陈映溪　吴书远　　责任编辑：李晚禾　　审核：周正清）</div>')
    assert extract(html).authors == ["陈映溪", "吴书远", "李晚禾", "周正清"]


def test_a_reporter_line_under_the_article_names_the_reporter_too() -> None:
    """记者：…　编辑：…　审核：… under the article: the reporter is an author as the editors are."""
    from policyie import extract

    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE
                + '<p class="editor">记者：谈书远　编辑：宁小禾　审核：柏青山</p>')
    assert extract(html).authors == ["谈书远", "宁小禾", "柏青山"]


def test_labels_in_guillemets_and_labels_parted_by_spaces_name_authors() -> None:
    """«撰稿» 孟望舒 in the info line, 责任编辑　柏晚舟 (a full-width space, no colon) under the article: both label
    a name (checkset_jan03's first score missed both)."""
    from policyie import extract

    html = page("<h1>市委书记到通州区调研</h1>"
                '<ul class="meta"><li>«来源» 区融媒体中心</li><li>«日期» 2024-06-03 17:26:09</li>'
                "<li>«撰稿» 孟望舒</li></ul>"
                + ARTICLE + '<div class="editor">责任编辑　柏晚舟</div>')
    assert extract(html).authors == ["孟望舒", "柏晚舟"]


@pytest.mark.parametrize("info", [
    '<div class="info">发布源→区融媒体中心　发布时刻→2024-06-03 17:26:09　编辑→孟望舒</div>',
    '<p class="info">作者＞孟望舒　来源＞区融媒体中心　日期＞2024/06/03 17:26:09</p>',
    '<div class="info">信息来源∶区融媒体中心　|　发布日期∶2024年06月03日 17时26分　|　供稿∶孟望舒</div>',
    '<table class="info"><tr><th>信息来源</th><th>作者</th><th>发布时间</th></tr>'
    "<tr><td>区融媒体中心</td><td>孟望舒</td><td>2024-06-03 17:26:09</td></tr></table>",
])
def test_an_info_line_of_arrows_ratio_colons_or_a_table_names_its_author(info: str) -> None:
    """编辑→, 作者＞, 供稿∶ (U+2236) and a table whose header row labels the row under it all say whose name follows
    (checkset_jan04's first score missed each); the page's date is read from the same line."""
    from policyie import extract

    doc = extract(page("<h1>市委书记到通州区调研</h1>" + info + ARTICLE))
    assert doc.authors == ["孟望舒"]
    assert doc.published.startswith("2024-06-03T17:26")


@pytest.mark.parametrize("info", [
    '<table class="info"><tr><td>来　　源：区融媒体中心</td><td>发布时间：2024-06-03 17:26:09</td></tr>'
    "<tr><td>作　　者：孟望舒</td><td>浏览次数：--</td></tr></table>",
    '<dl class="info"><dt>信息来源：</dt><dd>区融媒体中心</dd><dt>发布日期：</dt><dd>2024-06-03 17:26:09</dd>'
    "<dt>作者：</dt><dd>孟望舒</dd></dl>",
])
def test_a_spaced_label_or_a_definition_list_names_its_author(info: str) -> None:
    """作　　者： (a label spaced to the width of longer ones) and <dt>作者：</dt><dd>…</dd> label the name after them
    (checkset_jan05's first score missed both)."""
    from policyie import extract

    doc = extract(page("<h1>市委书记到通州区调研</h1>" + info + ARTICLE))
    assert doc.authors == ["孟望舒"]
    assert doc.published.startswith("2024-06-03T17:26")


@pytest.mark.parametrize(("info", "want"), [
    ('<div class="info">发布时间 → 2024.06.03 17:26:09 ◇ 信息来源 → 区发展和改革局 ◇ 作者 → 孟望舒</div>', ["孟望舒"]),
    ('<div class="info"><span>上网时间：2024年06月03日 17:26:09</span>　<span>撰写人：孟望舒</span></div>', ["孟望舒"]),
    ('<ul class="meta"><li>北京日报</li><li>2024年06月03日 17:26:09</li><li>孟望舒 文 / 柏晚舟 图</li></ul>',
     ["孟望舒", "柏晚舟"]),
    # …but 文/图 after a source is the label of the name after it (checkset_dec26)
    ('<div class="info">发布时间：2024-06-03 17:26:09 来源：区文物局 文/图：孟望舒</div>', ["孟望舒"]),
])
def test_spaced_arrows_a_writer_label_and_names_before_their_roles_name_authors(info: str, want: list) -> None:
    """作者 → … (spaces around the arrow), 撰写人：…, and 孟望舒 文 / 柏晚舟 图 (each name before its role) name the
    authors (checkset_jan06's first score missed each)."""
    from policyie import extract

    doc = extract(page("<h1>市委书记到通州区调研</h1>" + info + ARTICLE))
    assert doc.authors == want
    assert doc.published.startswith("2024-06-03")


@pytest.mark.parametrize(("info", "want", "when"), [
    # a label the info line's roles do not list ends the names before it (供稿单位：, 时间：), however many there are
    ('<p class="info">作者：孟望舒　柏晚舟　　供稿单位：区融媒体中心　　发布时间：2024年06月03日 17时26分09秒　　监制：史知远</p>',
     ["孟望舒", "柏晚舟"], "2024-06-03T17:26:09"),
    # full-width digits, hyphens and colons in the stamp
    ('<div class="info">来源：区融媒体中心　作者：孟望舒　柏晚舟　时间：２０２４－０６－０３　１７：２６：０９</div>',
     ["孟望舒", "柏晚舟"], "2024-06-03T17:26:09"),
    # …but a name before a closing bracket is a name (【作者：… …】)
    ('<div class="info">【时间：2024年06月03日 17:26:09】【来源：区融媒体中心】【作者：孟望舒　柏晚舟】【点击：12】</div>',
     ["孟望舒", "柏晚舟"], "2024-06-03T17:26"),
    # 发布者 is the name that put the article up, an author as 供稿 is
    ('<div class="meta">发布者：孟望舒　　发布部门：区委办公室　　发布时间：2024年06月03日 17:26:09 (周一)</div>',
     ["孟望舒"], "2024-06-03T17:26:09"),
])
def test_a_long_info_line_of_labelled_fields_dates_the_page_and_names_its_authors(info: str, want: list, when: str) -> None:
    """An info line of three labelled fields or more is one however long; a label of any name after a space ends the
    role's names; full-width digits date it; 发布者 labels an author (checkset_jan07's first score missed each)."""
    from policyie import extract

    doc = extract(page("<h1>市委书记到通州区调研</h1>" + info + ARTICLE))
    assert doc.authors == want
    assert doc.published.startswith(when)


@pytest.mark.parametrize("info", [
    '<div class="info">「来源」区融媒体中心「时间」2024-06-03 17:26:09「编辑」孟望舒</div>',
    '<p class="sign">［编辑］孟望舒</p><div class="info">发布时间：2024-06-03 17:26:09</div>',
])
def test_labels_in_corner_or_full_width_square_brackets_name_authors(info: str) -> None:
    """「编辑」 and ［编辑］ label the name after them as 【编辑】 does (checkset_jan08's first score missed them)."""
    doc = extract(page("<h1>市委书记到通州区调研</h1>" + info + ARTICLE))
    assert doc.authors == ["孟望舒"]
    assert doc.published.startswith("2024-06-03T17:26")


def test_a_stamp_line_with_a_writers_label_dates_the_article() -> None:
    """云上通州 ～ 2024-06-03 17:26:09 ～ 文字：… 影像：…: an app's name no outlet list holds, the stamp and 文字 (the text's
    writer) make the line the article's stamp (checkset_jan08's first score had no date for such a page)."""
    text = ("市委书记到通州区调研\n云上通州 ～ 2024-06-03 17:26:09 ～ 文字：孟望舒 影像：柏晚舟\n\n"
            "昨天，市委书记到通州区调研城市副中心建设。")
    doc = extract(text)
    assert doc.published == "2024-06-03T17:26:09+08:00"
    assert doc.authors[:1] == ["孟望舒"]


def test_a_long_info_line_under_a_plain_text_headline_dates_the_article() -> None:
    text = ("市委书记到通州区调研\n作者：孟望舒　柏晚舟　　供稿单位：区融媒体中心　　发布时间：2024年06月03日 17时26分09秒"
            "　　监制：史知远\n\n上周五，市委书记到通州区调研城市副中心建设。")
    doc = extract(text)
    assert doc.published == "2024-06-03T17:26:09+08:00"
    assert doc.authors == ["孟望舒", "柏晚舟"]


def test_a_pubtime_meta_dates_the_page() -> None:
    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE, head='<meta name="pubtime" content="2024-06-03">')
    assert extract(html).published == "2024-06-03"


def test_the_title_names_the_site_whose_we_the_article_says() -> None:
    """A page with no <meta> site name: the <title>'s site (… ≡ 彭州市人民政府) is whose 我市 the article says, a
    county-level city, not the prefecture above it (checkset_jan07's first score read 成都市)."""
    body = ("<h1>全市冬春农田水利建设推进会召开</h1><div class='info'>发布时间：2024-06-03 17:26:09</div>"
            "<p>12月5日，全市冬春农田水利建设推进会召开。市长李守成出席会议并讲话。他指出，我市灌区面积大，要加快推进灌区续建配套。</p>"
            "<p>会议要求，各镇要在本月底前完成渠系清淤，我市将统筹资金支持丽春镇、致和街道开展高标准农田建设。</p>")
    doc = extract(page(body, title="全市冬春农田水利建设推进会召开 ≡ 彭州市人民政府"))
    assert doc.title == "全市冬春农田水利建设推进会召开"
    home = next(p for p in doc.places if p.name == "彭州市")
    assert [m.text for m in home.mentions] == ["我市", "我市"]


@pytest.mark.parametrize("sep", ["◆", "~", "≡", "‹", "☆", "∽", "⊿", "¦", "♦", "‖‖", "※", "§", "⸗", "⹀", "〜"])
def test_a_symbol_between_spaces_parts_the_site_from_the_headline(sep: str) -> None:
    """Any symbol a portal sets between spaces in its <title> parts the site from the headline (checksets jan06, jan07
    and jan08 each brought new ones; jan09 two of punctuation, ‖‖; jan10 a dash, ⸗), but a plus or an equals sign is
    the headline's own."""
    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE, title=f"市委书记到通州区调研 {sep} 通州区人民政府")
    assert extract(html).title == "市委书记到通州区调研"


@pytest.mark.parametrize("sep", ["⫼", "◆", "_", "-"])
def test_a_title_that_cuts_the_headline_short_gives_way_to_the_heading(sep: str) -> None:
    """<title>…调研时强调 ⫼ site</title> over an <h2> that goes on with the headline's second line: the heading is the
    headline whole, and the <title> text (whose symbol-parted site name marks it a page title) is never the
    headline (checkset_jan19's first score read the <title> whole)."""
    head = "市委书记在通州区调研时强调"
    full = f"{head} 守护运河古镇风貌 做强城市副中心文旅产业"
    html = page(f"<h2>{full}</h2>" + ARTICLE, title=f"{head} {sep} 通州区融媒体中心")
    assert extract(html).title == full


def test_a_heading_far_longer_than_the_title_is_not_its_headline() -> None:
    """Only a heading up to three times the title's length is read as the headline the title cut short."""
    long = "市委书记在通州区调研" + "并看望慰问一线干部职工" * 4
    html = page(f"<h2>{long}</h2>" + ARTICLE, title="市委书记在通州区调研 ⫼ 通州区融媒体中心")
    assert extract(html).title == "市委书记在通州区调研"


def test_a_plus_between_spaces_stays_in_the_title() -> None:
    assert "+" in extract(page("<h1>x</h1>" + ARTICLE, title="市委书记到通州区调研 + 通州区人民政府")).title


def test_a_full_width_underscore_parts_the_site_from_the_headline() -> None:
    """<title>headline ＿ site</title>: the full-width underscore is a site separator as _ is."""
    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE, title="市委书记到通州区调研 ＿ 通州区人民政府")
    assert extract(html).title == "市委书记到通州区调研"


@pytest.mark.parametrize("furniture", [
    '<div class="bread">首页 / 要闻 / 正文</div>',
    "<p>上一篇：市政府召开常务会议</p>",
    "<p>吉ICP备09004158号</p>",
])
def test_a_page_of_few_links_is_a_whole_page_by_its_furniture(furniture: str) -> None:
    """A portal whose menu is plain <li>s (no links) is still a whole page: its breadcrumb with slashes, its
    上一篇/下一篇 pager or its ICP filing says so, and the menu, pager and footer stay out of the text
    (checkset_dec3's first score took a whole such page for an article: places from its footer and pager)."""
    html = ('<!DOCTYPE html><html><head><title>市委书记到通州区调研-要闻-通州区人民政府</title></head><body>'
            "<ul><li>首页</li><li>政务公开</li><li>昌平新闻</li></ul>" + furniture +
            '<div class="art"><h1>市委书记到通州区调研</h1>' + ARTICLE + "</div>"
            "<div>主办：通州区人民政府办公室 地址：北京市通州区新华大街1号</div></body></html>")
    assert is_whole_page(html)
    doc = extract(html)
    assert "昌平新闻" not in doc.text and "主办" not in doc.text and "新华大街" not in doc.text


@pytest.mark.parametrize(("foot", "when"), [
    ('<div class="foot-info">发布日期：2024·06·03　　浏览次数：1024</div>', "2024-06-03"),
    ('<div class="foot-info">发布时间：2024－06－03 上午09:36</div>', "2024-06-03T09:36"),
])
def test_a_stamp_at_the_foot_dates_the_page_however_its_parts_are_joined(foot: str, when: str) -> None:
    """The page reader spells a stamp as the info-line reader does (one pattern, `meta.STAMP`): its own copy had no
    middle dots, full-width hyphens or 上午 before the time, so a portal's 发布日期 under the article went unread."""
    doc = extract(page("<h1>市委书记到通州区调研</h1>" + ARTICLE + foot))
    assert doc.published is not None and doc.published.startswith(when)


@pytest.mark.parametrize(("where", "info", "want"), [
    # a label closed by any symbol, dash or bracket a page invents (◈, ︰, ——, ‣, ⟨…⟩), not by a list of characters
    ("head", '<div class="info">来源◈区融媒体中心　发布◈2024-06-03 17:26:09　编辑◈孟望舒</div>', ["孟望舒"]),
    ("head", '<div class="info">北京晚报网 2024-06-03 17:26:09 ⟨记者⟩ 孟望舒 ⟨通讯员⟩ 柏晚舟</div>', ["孟望舒", "柏晚舟"]),
    ("head", '<div class="info">发布时间︰2024年6月3日 17时26分9秒 丨 来源︰区政府办公室 丨 作者︰孟望舒</div>', ["孟望舒"]),
    ("foot", '<p class="sign">责任编辑——孟望舒</p>', ["孟望舒"]),
    ("foot", '<div class="sign">责任编辑 ‣ 孟望舒</div>', ["孟望舒"]),
    # 编校 (who edits and proofreads) and 撰稿人 (the writer) label authors too; so do 执笔 and 采写 (jan10), which
    # every reader of labels takes from one list (`meta.WRITER_ROLES`)
    ("foot", '<p class="edit">编校 / 孟望舒</p>', ["孟望舒"]),
    ("foot", '<dl class="sign"><dt>执笔：</dt><dd>孟望舒</dd></dl>', ["孟望舒"]),
    ("head", '<div class="info"><span>(稿源：区融媒体中心)</span><span>(采写：孟望舒)</span></div>', ["孟望舒"]),
    ("foot", '<p>（采写：孟望舒）</p>', ["孟望舒"]),
    ("head", '<div class="info">⟪新华网⟫ 2024-06-03 17:26:09 ⟪新华社⟫ 编发人 孟望舒</div>', ["孟望舒"]),
    ("foot", '<p>（编发：孟望舒）</p>', ["孟望舒"]),
    # an info table of rows, each a label (<th>) beside its value (<td>)
    ("head", '<table class="kv"><tr><th>来稿单位</th><td>区文化局</td></tr><tr><th>撰稿人</th><td>孟望舒</td></tr>'
             '<tr><th>公开日期</th><td>2024年06月03日17:26:09</td></tr></table>', ["孟望舒"]),
])
def test_a_role_label_closed_by_any_symbol_names_the_author(where: str, info: str, want: list) -> None:
    """checkset_jan09's first score missed nine authors on six pages, each behind a separator no earlier page used."""
    body = "<h1>市委书记到通州区调研</h1>" + (info + ARTICLE if where == "head" else ARTICLE + info)
    assert extract(page(body)).authors == want


@pytest.mark.parametrize(("where", "info", "want"), [
    # a definition list that leaves the colon to the layout, <dt>作者</dt><dd>X</dd>
    ("head", '<dl class="info"><dt>信息来源</dt><dd>区融媒体中心</dd><dt>作者</dt><dd>孟望舒</dd>'
             "<dt>发布日期</dt><dd>2024年06月03日 17:26:09</dd></dl>", ["孟望舒"]),
    # 丨 (a CJK stroke, no punctuation) closing a sign-off's labels under the article
    ("foot", "<p>　　责任编辑丨孟望舒　审核丨柏晚舟</p>", ["孟望舒", "柏晚舟"]),
    # who checked the text (编审, 责任校对) and who interviewed (采访) label authors as editors do
    ("head", '<div class="info">央视网 ⍫ 2024年06月03日 17:26:09 ⍫ 发布单位·新华社 ⍫ 编审·孟望舒</div>', ["孟望舒"]),
    ("head", '<div class="info">区融媒 ⏃ 2024-06-03 17:26:09 ⏃ 采访·孟望舒 ⏃ 编校·柏晚舟</div>', ["孟望舒", "柏晚舟"]),
    # a reporter's or proofreader's Tibetan name, which no surname reads, labeled alone on the info line
    ("head", '<div class="info">康巴传媒 ⍩ 2024年6月3日 17:26:09 ⍩ 全媒体记者 次仁旺姆 ⍩ 责任校对 扎西央金</div>',
     ["次仁旺姆", "扎西央金"]),
])
def test_labels_jan18_first_met_name_the_authors(where: str, info: str, want: list) -> None:
    """checkset_jan18's first score missed seven authors on five pages, each behind a label or closer no earlier
    page used."""
    body = "<h1>市委书记到通州区调研</h1>" + (info + ARTICLE if where == "head" else ARTICLE + info)
    assert extract(page(body)).authors == want


@pytest.mark.parametrize(("info", "want"), [
    # a lone opening bracket between spaces parts a label from its value (撰稿 ⧘ X), a value may stand in brackets
    # after its label (发布人员【X】), and who checked the page (网页校核, 初审) or was on duty (值班) labels an author
    ('<ul class="info"><li>来源 ⧘ 区文化局</li><li>撰稿 ⧘ 孟望舒</li><li>时间 ⧘ 2024/06/03 17:26:09</li></ul>',
     ["孟望舒"]),
    ('<div class="info">信息来源【区文化局】 发布人员【孟望舒】 发布时间【2024年06月03日 17时26分09秒】</div>', ["孟望舒"]),
    ('<div class="info">区政府网 ➟ 发布 2024-06-03 17:26:09 ➟ 供稿：新华社 ➟ 网页校核：孟望舒</div>', ["孟望舒"]),
    ('<div class="info">区融媒 ⍭ 2024-06-03 17:26:09 ⍭ 执笔·柏晚舟 ⍭ 初审·孟望舒</div>', ["柏晚舟", "孟望舒"]),
    ('<div class="info">区新闻客户端 ⧼2024.06.03 17:26:09⧽ 转载自：新华社 ⧼值班 孟望舒⧽</div>', ["孟望舒"]),
])
def test_labels_jan19_first_met_name_the_authors(info: str, want: list) -> None:
    """checkset_jan19's first score missed five authors on five pages, each behind a label or closer no earlier page
    used."""
    assert extract(page("<h1>市委书记到通州区调研</h1>" + info + ARTICLE)).authors == want


def test_a_lone_bracket_between_spaces_parts_a_page_title_from_its_site() -> None:
    """<title>…召开 ⧘ 城口县人民政府</title>: a fence standing alone between spaces parts the pieces as a symbol does."""
    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE, title="市委书记到通州区调研 ⧘ 某某区人民政府")
    assert extract(html).title == "市委书记到通州区调研"


def test_a_duty_editor_of_the_web_page_is_an_author_and_an_interview_no_byline() -> None:
    """网页值班：X names the page's editor on duty; 接受央视记者采访时表示 is a sentence, not 采访 labelling 时表示."""
    body = "\n新华社北京6月3日电 联合国官员在接受央视记者采访时表示，各国应通力合作。"
    assert extract("会谈举行\n中国政府网 ⏀ 2024-06-03 21:05:13 ⏀ 稿源单位：新华社 ⏀ 网页值班：孟望舒\n" + body).authors \
        == ["孟望舒"]
    assert extract("会谈举行\n" + body).authors == []


def test_a_website_editor_on_the_info_line_and_a_sign_off_under_the_article_are_authors() -> None:
    """网络编辑·X (a middle dot glued to the label) and 网编 X on a stamp line, 编辑人：X under the article: each names an
    author (checkset_jan14's first score missed all three)."""
    from policyie import extract

    body = "\n新华社北京11月16日电 全国政协16日下午在京召开双周协商座谈会，围绕古籍保护利用协商议政。"
    doc = extract("座谈会召开\n人民政协网 ⋈ 2026年11月16日 20:05:11 ⋈ 稿源·新华社 ⋈ 网络编辑·柏望溪\n" + body)
    assert doc.authors == ["柏望溪"]
    doc = extract("峰会举行\n新华网 ⌬ 2026-11-19 06:18:42 ⌬ 源自 新华社 ⌬ 网编 柏望溪\n" + body)
    assert doc.authors == ["柏望溪"]
    html = page("<h1>市委书记到通州区调研</h1>" + ARTICLE + '<p class="sign">编辑人：凌映川　审签人：蔚望舒</p>')
    assert extract(html).authors[:1] == ["凌映川"]


def test_a_local_outlets_reporter_on_the_info_line_is_an_author() -> None:
    """…⍚ 州融媒体中心 卯杳: a field of a local outlet and the name a space after it names that outlet's reporter,
    however rare the surname (checkset_jan15's first score missed one); an outlet alone names no one."""
    from policyie import extract

    body = "\n20日，县委书记王强来到青石镇调研文旅工作。"
    doc = extract("县委书记调研文旅工作\n滇池网 ⍚ 2026年12月22日 20:05:31 ⍚ 特派记者 华苓 ⍚ 县融媒体中心 卯昀\n" + body)
    assert doc.authors == ["华苓", "卯昀"]
    doc = extract("县委书记调研文旅工作\n来源：县融媒体中心 2026-12-22 20:05\n" + body)
    assert doc.authors == []
    doc = extract("县委书记调研文旅工作\n发布日期：2026年12月22日　信息来源：县融媒体中心　点击数：2671\n" + body)
    assert doc.authors == []


def test_an_info_line_label_after_the_last_name_is_no_name() -> None:
    """记者X 通讯员Y 刊发2026/12/31 … 稿源…: labels printed without a closer (刊发, 稿源) end the byline, not extend it
    with a name (checkset_jan16's first score lost both authors to 刊发)."""
    from policyie import extract

    body = "\n20日，县委书记王强来到青石镇调研文旅工作。"
    doc = extract("县委书记调研文旅工作\n记者苗立 通讯员华苓 刊发2026/12/31 07:12:50 稿源青石日报\n" + body)
    assert doc.authors == ["苗立", "华苓"]


def test_an_info_line_of_spans_gives_the_reporters_its_roles_label_by_spaces() -> None:
    """<span>outlet</span><span>记者 X　通讯员 Y</span><time>: roles parted from names by spaces only, the names of
    rare surnames (checkset_jan20's first score missed both)."""
    body = ('<h2>市委书记到经开区调研</h2><div class="meta"><span>某某融媒</span><span>记者 雍珩　通讯员 酆琛</span>'
            '<time datetime="2024-06-03T07:32+08:00">06-03 07:32</time></div>' + ARTICLE)
    assert extract(page(body, title="市委书记到经开区调研 ⦻ 某某融媒")).authors == ["雍珩", "酆琛"]


def test_a_bracketed_duty_editor_under_the_article_is_an_author() -> None:
    """责任编辑〔X〕　审核〔Y〕 under the article: the brackets hold the names (checkset_jan20)."""
    body = "<h1>市委书记到通州区调研</h1>" + ARTICLE + "<p class='sign'>责任编辑〔阙珩〕　审核〔缑琛〕</p>"
    assert extract(page(body)).authors[:2] == ["阙珩", "缑琛"]
