"""Metadata values as articles write them → normalised values (ISO 8601 dates, publisher names)."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

import regex

_CN_DATE = regex.compile(
    r"(?P<y>\d{4})\s*[年/.\-]\s*(?P<m>\d{1,2})\s*[月/.\-]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：时](?P<M>\d{1,2})(?:[:：分](?P<S>\d{1,2}))?秒?)?"
    r"(?:\s*(?P<tz>[+-]\d{2}:?\d{2}|Z|UTC|GMT))?"
)


def parse_datetime(value: object) -> str | None:
    """ISO 8601 for a date as front matter and portal headers write it, or None.

    A bare date stays a date (``2024-04-30``); a time keeps its offset
    (``2022-06-07 14:07:22 +0800`` → ``2022-06-07T14:07:22+08:00``); RFC 2822 dates
    (``Thu, 21 Jul 2022 23:44:13 GMT``) keep theirs (``+00:00``). A time without an offset is
    taken as Beijing time, which is what Chinese portals mean.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=_bj())).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip().strip("'\"")
    if not s:
        return None
    if regex.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)$", s):
        return parse_datetime(datetime.fromisoformat(s.replace("Z", "+00:00")))
    if regex.match(r"^[A-Za-z]{3},", s) or regex.search(r"\b(GMT|UTC)\s*$", s) and not _CN_DATE.match(s):
        try:
            return parsedate_to_datetime(s).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    m = _CN_DATE.search(s)
    if not m:
        return None
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"] is None:
        return d.isoformat()
    try:
        dt = datetime(d.year, d.month, d.day, int(m["H"]), int(m["M"]), int(m["S"] or 0))
    except ValueError:
        return d.isoformat()
    tz = m["tz"]
    if tz in (None, ""):
        return dt.replace(tzinfo=_bj()).isoformat()
    if tz in ("Z", "UTC", "GMT"):
        return dt.isoformat() + "+00:00"
    tz = tz.replace(":", "")
    return dt.isoformat() + f"{tz[:3]}:{tz[3:]}"


def _bj():
    from datetime import timedelta, timezone

    return timezone(timedelta(hours=8))
