"""Segmentation and NER, run once per document; every extractor reads the same `Analysis`.

The engines live in `policyie.engines`, a file each; this module is their public face.

Which engine runs is one setting, ``POLICYIE_PIPELINE`` (read into `Settings` by `Settings.from_env`):

* ``fast`` (default): jieba words; entities from the lexicons (the terms the shipped model was built
  with, matched where they agree with jieba's words), jieba's dictionary tags (nr/ns/nt) and
  surname-led unknown words; then the statistical NER `policyie.charner` on the clauses that hold a word
  the lexicons leave open; the merged entities are its spans first, then the lexicon's terms where it
  found none (`Analysis.ner` and `Analysis.lexicon` keep the two apart). No spaCy; docs/ner.md has its
  scores and cost;
* ``lexicon``: ``fast`` without the statistical NER (what ``POLICYIE_NER=off`` selects);
* ``ner``: the older spaCy pipeline shipped in ``models/policyie_zh`` (a character-level transition
  NER and an entity ruler fed by the lexicons), about a tenth of the speed of jieba;
* ``auto``: ``zh_core_web_sm`` when the user has it installed, else ``ner`` (silently);
* ``blank``: jieba segmentation in spaCy, entities from jieba's dictionary tags;
* any other value: an installed spaCy package name or a pipeline directory.

The spaCy pipeline tokenises into *characters* (so entity spans need not follow jieba's word
boundaries: with jieba tokens 18% of the gold place names in People's Daily cannot be expressed), and
hands the NER the jieba word around each character as features; `policyie.charner` works on characters
for the same reason. The jieba words become `Analysis.tokens`, so segmentation runs exactly once.
"""

from __future__ import annotations

from .engines.analysis import SENTENCE_END, Analysis, Engine, Entity, Token, merge, split_on, split_sentences
from .engines.jieba_tables import (
    JIEBA_LABELS,
    LABEL_TAGS,
    MAX_HAN_RUN,
    default_baseline,
    jieba_entities,
    jieba_tag,
    jieba_tokenizer,
    segment,
    tag_table,
    word_freq,
    word_tokens,
)
from .engines.lexicon_engine import FastLexicon
from .engines.paths import cache_dir, shipped_model_path, write_cache
from .engines.provider import PROVIDER, EngineProvider, analyse, engine_for, pipeline
from .engines.settings import DEFAULT_PIPELINE, Settings
from .engines.spacy_engine import (
    CTB_TAGS,
    LEXICON_ID,
    WORDS_KEY,
    JiebaCharTokenizer,
    LexiconRuler,
    SpacyEngine,
    jieba_pos,
    load_pipeline,
    register_components,
    register_tokenizer,
)

__all__ = [
    "CTB_TAGS",
    "DEFAULT_PIPELINE",
    "JIEBA_LABELS",
    "LABEL_TAGS",
    "LEXICON_ID",
    "MAX_HAN_RUN",
    "PROVIDER",
    "SENTENCE_END",
    "WORDS_KEY",
    "Analysis",
    "Engine",
    "EngineProvider",
    "Entity",
    "FastLexicon",
    "JiebaCharTokenizer",
    "LexiconRuler",
    "Settings",
    "SpacyEngine",
    "Token",
    "analyse",
    "cache_dir",
    "default_baseline",
    "engine_for",
    "jieba_entities",
    "jieba_pos",
    "jieba_tag",
    "jieba_tokenizer",
    "load_pipeline",
    "merge",
    "pipeline",
    "register_components",
    "register_tokenizer",
    "segment",
    "shipped_model_path",
    "split_on",
    "split_sentences",
    "tag_table",
    "word_freq",
    "word_tokens",
    "write_cache",
]
