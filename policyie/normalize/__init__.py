"""Raw article → clean Simplified body text with an offset map, plus the metadata it carried."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Normalised:
    text: str
    # offsets[i] is the index in the decoded raw input of text[i] (len(offsets) == len(text) + 1).
    offsets: list[int]
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    bylines: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)


def normalise(source) -> Normalised:  # placeholder, replaced by the real normaliser
    text = source if isinstance(source, str) else source.decode("utf-8")
    return Normalised(text=text, offsets=list(range(len(text) + 1)))
