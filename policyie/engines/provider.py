"""Picks the engine for a `Settings` object and keeps it: each is loaded once per process."""

from __future__ import annotations

import threading

from .analysis import Analysis, Engine
from .lexicon_engine import FastLexicon
from .settings import Settings
from .spacy_engine import SpacyEngine, load_pipeline


class EngineProvider:
    """Loads the pipeline lazily, once per process per engine name: a `FastLexicon` for ``fast`` and
    ``lexicon`` (with the statistical NER as its tagger in ``fast``), else a spaCy Language."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: dict[str, object] = {}

    def pipeline(self, settings: Settings):
        """The pipeline ``settings`` select: a `FastLexicon` or a spaCy Language."""
        return self.load(settings.engine)

    def load(self, name: str):
        hit = self._loaded.get(name)
        if hit is None:
            with self._lock:
                hit = self._loaded.get(name)
                if hit is None:
                    if name in {"fast", "lexicon"}:
                        hit = FastLexicon.load()
                        if name == "fast":
                            from .. import charner

                            hit.tagger = charner.shipped()
                    else:
                        hit = load_pipeline(name)
                    self._loaded[name] = hit
        return hit


PROVIDER = EngineProvider()


def engine_for(nlp) -> Engine:
    """``nlp`` as an `Engine`: itself when it is one (a `FastLexicon`), a spaCy Language wrapped."""
    return nlp if isinstance(nlp, FastLexicon) else SpacyEngine(nlp)


def pipeline(settings: Settings | None = None):
    """The pipeline of ``settings`` (by default the environment's, read now), loading it on first use:
    a spaCy Language or a FastLexicon."""
    return PROVIDER.pipeline(settings or Settings.from_env())


def analyse(text: str, nlp=None) -> Analysis:
    """Segment, tag and find entities in ``text`` once, with the configured pipeline unless ``nlp``
    (a spaCy pipeline, or a `FastLexicon`) is given."""
    if nlp is None:
        nlp = PROVIDER.pipeline(Settings.from_env())
    return engine_for(nlp).analyse(text)
