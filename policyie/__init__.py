"""policyie: typed records from Chinese government and Party news.

    >>> from policyie import extract
    >>> doc = extract("昨天下午，市委书记蔡奇到通州区调研。", published="2022-06-07")
"""

import sys as _sys

from policyie.batch import extract_many
from policyie.display import display
from policyie.errors import InputError
from policyie.frames import frames, read
from policyie.pipeline import extract
from policyie.records import Document

__all__ = ["Document", "InputError", "extract", "extract_many", "__version__", "display", "frames", "read"]
__version__ = "0.1.0"

# The spaCy component `nlp.add_pipe("policyie")`: registered now when spaCy is already loaded; otherwise
# the `spacy_factories` entry point of an installed policyie registers it when spaCy first asks for it,
# so importing policyie never pays for importing spaCy (the default pipeline runs without it).
if "spacy" in _sys.modules:
    from policyie import spacy_component as _spacy_component  # noqa: F401
