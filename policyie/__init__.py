"""policyie: typed records from Chinese government and Party news.

    >>> from policyie import extract
    >>> doc = extract("昨天下午，市委书记蔡奇到通州区调研。", published="2022-06-07")
"""

from policyie.batch import extract_many
from policyie.errors import InputError
from policyie.pipeline import extract
from policyie.records import Document

__all__ = ["Document", "InputError", "extract", "extract_many", "__version__"]
__version__ = "0.1.0"
