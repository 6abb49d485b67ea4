"""The NLP engines behind `policyie.nlp`, one file each, as Presidio's ``nlp_engine`` package splits them.

* `analysis`: `Token`, `Entity`, `Analysis` (what every engine returns), the `Engine` protocol
  (``analyse(text) -> Analysis``) and `split_sentences`;
* `jieba_tables`: jieba set up once (its tables cached in the user cache directory), its tag table, words
  as tokens, entities from its dictionary tags;
* `lexicon_engine`: `FastLexicon`, the ``fast`` and ``lexicon`` engines (lexicon automaton, then the
  statistical NER `policyie.charner` in ``fast``);
* `spacy_engine`: the character tokenizer, lexicon ruler, `load_pipeline`, and `SpacyEngine`, the adapter
  that maps a spaCy Doc (and its tag set) to an `Analysis` with jieba tags;
* `settings`: `Settings(pipeline, ner)`, read from the environment once at the entry point;
* `provider`: picks and keeps the engine for a `Settings`; `analyse(text, nlp=None)`;
* `paths`: the user cache directory and the shipped model.
"""
