"""One module per record field; importing this package registers them, in run order.

Each module declares what it reads (``@register(field, requires=…)``), and registering checks that
every requirement came first, so the import order below is the run order and cannot be wrong silently.
"""

# Registration order is run order: keep these imports in this order.
# isort: off
from policyie.extractors import authors  # noqa: F401
from policyie.extractors import officials  # noqa: F401  bylines are never officials
from policyie.extractors import places  # noqa: F401  names inside officials' names are no places
from policyie.extractors import dates  # noqa: F401
from policyie.extractors import slogans  # noqa: F401
from policyie.extractors import meetings  # noqa: F401  events link to the entity layers by position
from policyie.extractors import activities  # noqa: F401
from policyie.extractors import directives  # noqa: F401
# isort: on
from policyie.extractors.base import REGISTRY, Context, RegistryError, describe, ordered, register, until

__all__ = ["REGISTRY", "Context", "RegistryError", "describe", "ordered", "register", "until"]
