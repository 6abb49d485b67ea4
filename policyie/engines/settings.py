"""Which engine runs: one `Settings` object, read from the environment at the entry point
(`Settings.from_env`), never inside an engine."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_PIPELINE = "fast"
OFF = frozenset({"off", "0", "false", "no"})


@dataclass(frozen=True)
class Settings:
    """``pipeline``: ``fast``, ``lexicon``, ``ner``, ``auto``, ``blank``, a spaCy package name or a pipeline
    directory; ``ner``: False turns the statistical NER off, which selects ``lexicon`` whatever the pipeline."""

    pipeline: str = DEFAULT_PIPELINE
    ner: bool = True

    @classmethod
    def from_env(cls) -> Settings:
        """``POLICYIE_PIPELINE`` (default ``fast``) and ``POLICYIE_NER`` (``off``, ``0``, ``false``, ``no``)."""
        return cls(
            pipeline=os.environ.get("POLICYIE_PIPELINE", DEFAULT_PIPELINE),
            ner=os.environ.get("POLICYIE_NER", "").lower() not in OFF,
        )

    @property
    def engine(self) -> str:
        """The name of the engine these settings select."""
        return self.pipeline if self.ner else "lexicon"
