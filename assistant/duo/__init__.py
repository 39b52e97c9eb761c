"""DUO messages: the PIP export and the leerbaarheidstoets import, checked against DUO's own schemas.

Schemas are copies kept in `assistant/duo/schemas/` (source:
duonl/gemeente-m2m-inburgering, commit f4973d4, via shared/duo/).
"""

from assistant.duo.lbt_import import LbtImportError, import_lbt_result, import_lbt_results
from assistant.duo.pip_export import pip_body, pip_body_problems, pip_request_body, validate_pip_body

__all__ = ["LbtImportError", "import_lbt_result", "import_lbt_results", "pip_body",
           "pip_body_problems", "pip_request_body", "validate_pip_body"]
