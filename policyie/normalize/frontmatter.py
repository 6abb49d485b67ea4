"""Jekyll/Hexo YAML front matter: lifted off the body, read as plain strings."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
import yaml

from policyie import lazy_pattern

_FRONT = lazy_pattern.compile(r"\A\s*---[ \t]*\r?\n(?P<body>.{0,20000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", regex.S)
_KEY = lazy_pattern.compile(r"^(?P<k>[A-Za-z_][\w-]{0,40})\s*:\s*(?P<v>.*)$")


@dataclass
class FrontMatter:
    end: int  # index in the text where the body starts
    fields: dict[str, object] = field(default_factory=dict)

    def get(self, *keys: str) -> str | None:
        for k in keys:
            v = self.fields.get(k)
            if isinstance(v, list):
                v = v[0] if v else None
            if v not in (None, ""):
                return str(v).strip()
        return None

    def list(self, *keys: str) -> list[str]:
        out: list[str] = []
        for k in keys:
            v = self.fields.get(k)
            if isinstance(v, str):
                out.extend(x.strip() for x in regex.split(r"[,，]", v) if x.strip())
            elif isinstance(v, list):
                out.extend(str(x).strip() for x in v if str(x).strip())
        return list(dict.fromkeys(out))


def split_front_matter(text: str) -> FrontMatter | None:
    m = _FRONT.match(text)
    if not m:
        return None
    body = m["body"]
    try:
        # BaseLoader keeps every scalar a string: YAML's own timestamp reading drops "+0800" offsets.
        data = yaml.load(body, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        data = _loose(body)
    return FrontMatter(end=m.end(), fields={str(k).lower(): v for k, v in data.items()})


def _loose(body: str) -> dict[str, object]:
    """Key: value lines and "- item" lists, for front matter that is not valid YAML."""
    out: dict[str, object] = {}
    last: str | None = None
    for line in body.splitlines():
        if (m := _KEY.match(line.strip())) is not None:
            last = m["k"]
            out[last] = m["v"].strip().strip("'\"")
        elif last and line.strip().startswith("- "):
            prev = out.get(last)
            items = prev if isinstance(prev, list) else ([prev] if prev else [])
            items.append(line.strip()[2:].strip().strip("'\""))
            out[last] = items
    return out
