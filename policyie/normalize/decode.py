"""Bytes, paths and strings → one decoded string, or an `InputError` that says why not."""

from __future__ import annotations

import codecs
from pathlib import Path

import regex

from policyie import lazy_pattern
from policyie.errors import InputError
from policyie.normalize import documents

# Documented limits (README "Limits"): past these an input is refused rather than processed for minutes.
MAX_INPUT_BYTES = 8 * 1024 * 1024
MIN_HAN_CHARS = 4

_CANDIDATES = ("utf_8", "gb18030", "big5")
_HAN = lazy_pattern.compile(r"\p{Han}")
_CONTROL = lazy_pattern.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = lazy_pattern.compile(r"[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Lone UTF-16 halves (JSON's "\\ud800", a cut emoji) become U+FFFD, one for one.

    A Python str may hold them, but no encoder, database or Parquet writer takes them; one for one
    keeps every offset into the caller's string true.
    """
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def read_source(source: object) -> str:
    """Decode ``source`` (str, bytes or path) to text."""
    if isinstance(source, Path):
        return decode_bytes(_read_path(source), origin=str(source))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return decode_bytes(bytes(source))
    if isinstance(source, str):
        # The limit is on the UTF-8 size, as for bytes and files: a character takes at most 4 bytes,
        # so only long strings need encoding to know.
        if len(source) > MAX_INPUT_BYTES // 4 and (size := len(source.encode("utf-8", "surrogatepass"))) > MAX_INPUT_BYTES:
            raise InputError(
                f"input is {size:,} bytes as UTF-8; policyie reads articles up to {MAX_INPUT_BYTES:,}", "too-large"
            )
        return without_surrogates(source)
    raise InputError(f"cannot read an article from a {type(source).__name__}; pass str, bytes or pathlib.Path", "type")


def _read_path(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:  # the same reason the CLI gives for a missing file
        raise InputError(f"{path}: no such file", "not-found") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})", "unreadable") from None
    if not path.is_file():
        raise InputError(f"{path}: not a regular file", "not-a-file")
    if size > MAX_INPUT_BYTES and not (size <= documents.MAX_DOCUMENT_BYTES and documents.sniff_file(path)):
        raise InputError(f"{path}: {size:,} bytes; policyie reads articles up to {MAX_INPUT_BYTES:,}", "too-large")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})", "unreadable") from None


def decode_bytes(data: bytes, origin: str = "input") -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 or Big5, chosen by what decodes to Chinese.

    A PDF or DOCX (recognised by content) is read by `policyie.normalize.documents` instead."""
    if (kind := documents.sniff(data)) is not None:
        return documents.read(data, kind, origin)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{origin}: {len(data):,} bytes; policyie reads articles up to {MAX_INPUT_BYTES:,}", "too-large")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.count(0) > max(8, len(data) // 100):
        raise InputError(f"{origin}: looks like binary data (NUL bytes), not an article", "binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if (declared := declared_charset(data)) is not None:
        try:  # a page that names its legacy encoding and decodes in it whole is read in it
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    mixed = _line_by_line(data)
    if mixed is not None:
        return mixed
    return _legacy(data)


# <meta charset="gb2312">, <meta http-equiv="Content-Type" content="text/html; charset=GBK">, <?xml encoding="…"?>
_DECLARED = lazy_pattern.compile(rb"""<(?:meta\b[^<>]{0,500}?charset|\?xml\b[^<>]{0,200}?encoding)\s*=\s*["']?\s*(?P<cs>[A-Za-z0-9_-]{2,20})""", regex.I)
_LEGACY_NAMES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "euc-cn": "gb18030", "hz-gb-2312": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs",
}


def declared_charset(data: bytes) -> str | None:
    """The Chinese legacy encoding a page declares in its first 16 KB (GB2312 and GBK read as their superset
    GB18030, Big5 as Big5-HKSCS), or None. UTF-8 that decodes is read as UTF-8 whatever a page declares:
    re-saved pages keep a stale ``charset=gb2312``."""
    m = _DECLARED.search(data, 0, 16384)
    return _LEGACY_NAMES.get(m["cs"].decode("ascii").lower()) if m else None


def _legacy(data: bytes) -> str:
    """The whole input in the legacy encoding (GB18030 or Big5) that reads most like Chinese."""
    best = _best_legacy(data)
    # Mixed or damaged encodings: keep what UTF-8 can read rather than refuse the article.
    return best[1] if best is not None else data.decode("utf-8", errors="replace")


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) for the legacy encoding that decodes ``data`` and reads most like Chinese."""
    best, best_score = None, -1.0
    for enc in _CANDIDATES[1:]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _chineseness(text)
        if score > best_score:
            best, best_score = (enc, text), score
    return best


def _line_by_line(data: bytes) -> str | None:
    """A page pieced together from a UTF-8 template and a GBK fragment (or a UTF-8 file with a few
    damaged lines): each line read as UTF-8 where it is, else in the legacy encoding the non-UTF-8
    lines share, else as UTF-8 with U+FFFD, whichever reads more like Chinese. None when no line
    carries UTF-8 Chinese, so a plain GBK or Big5 file is read whole, as one encoding."""
    lines = data.split(b"\n")
    texts: list[str | None] = []
    leads: list[tuple[int, str]] = []  # for a line not read as UTF-8: how far UTF-8 reads it, and what it reads
    utf8_wide = False
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as e:
            lead = line[: e.start].decode("utf-8")
            texts.append(None)
            leads.append((e.start, lead))
            # (a GB18030 line may open with bytes that are UTF-8 by chance, 思路 read as ˼·: Han characters only count)
            utf8_wide = utf8_wide or (_han_count(lead) >= 2 and _chineseness(lead) >= 0.5)
            continue
        leads.append((0, ""))
        if not text.isascii():
            # A short GBK line can be valid UTF-8 by chance; it then reads as Latin or Cyrillic.
            if _chineseness(text) < 0.5:
                texts.append(None)
                continue
            utf8_wide = True
        texts.append(text)
    if not utf8_wide:
        return None
    best = _best_legacy(b"\n".join(line for line, text in zip(lines, texts, strict=True) if text is None))
    codec = best[0] if best is not None else "gb18030"
    out = []
    for line, text, lead in zip(lines, texts, leads, strict=True):
        out.append(_mixed_line(line, lead, codec) if text is None else text)
    return "\n".join(out)


def _mixed_line(line: bytes, lead: tuple[int, str], codec: str) -> str:
    """A line that is not UTF-8 throughout: its UTF-8 start (a template's text before a pasted
    fragment), then the rest in ``codec`` or as damaged UTF-8, whichever reads more like Chinese."""
    head = ""
    end, text = lead
    if end and (text.isascii() or (_han_count(text) >= 1 and _chineseness(text) >= 0.5)):
        head, line = text, line[end:]
    legacy = line.decode(codec, errors="replace")
    damaged = line.decode("utf-8", errors="replace")
    return head + (legacy if _chineseness(legacy) > _chineseness(damaged) else damaged)


def _han_count(text: str) -> int:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")


def _chineseness(text: str) -> float:
    """Share of non-ASCII characters that are common Han characters, simplified or traditional.

    A wrong reading (Big5 bytes read as GB18030) scatters into kana, symbols and rare characters.
    """
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 0.0
    common = _common_chars()
    return sum(1 for c in wide if c in common) / len(wide)


def check_text(text: str) -> None:
    """Refuse text that is not a Chinese article, with a message that says what it is instead."""
    if not text.strip():
        raise InputError("input is empty", "empty")
    # Runs on the raw and the cleaned text of every article: count only as far as the verdict needs.
    if _CONTROL.search(text, 0, 20000) is not None:
        controls = len(_CONTROL.findall(text[:20000]))
        if controls > max(8, len(text[:20000]) // 50):
            raise InputError("input looks like binary data (control characters), not an article", "binary")
    han = 0
    for _ in _HAN.finditer(text, 0, 200000):
        han += 1
        if han >= MIN_HAN_CHARS:
            return
    raise InputError("input has no Chinese text: policyie reads Chinese news articles", "not-chinese")


_COMMON: frozenset[str] | None = None


def _common_chars() -> frozenset[str]:
    global _COMMON
    if _COMMON is None:
        chars: set[str] = set()
        # GB2312 level 1 (the 3,755 commonest simplified) and Big5's frequent block (5,401 traditional).
        for codec, his, los in (("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)), ("big5", range(0xA4, 0xC7), range(0x40, 0xFF))):
            for hi in his:
                for lo in los:
                    try:
                        chars.add(bytes((hi, lo)).decode(codec))
                    except UnicodeDecodeError:
                        pass
        chars.update("，。、；：？！“”‘’（）《》—…·　")
        _COMMON = frozenset(chars)
    return _COMMON
