"""What every command prints with: exit codes, messages and JSON, safe for a terminal.

A leaf of the command line, so that the command modules never import the
entry point (`assistant.cli.main`), which imports them.
"""

from __future__ import annotations

import json
import sys

from assistant.base.messages import Msg
from assistant.base.text import visible

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def emit_json(data: object) -> None:
    """JSON for a terminal or a pipe: bidi and invisible characters escaped, so still valid JSON."""
    print(visible(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)))


def say(tr, msg: Msg | str, *, err: bool = False) -> None:
    """A message; any escape, control or bidi character in it (from a file, a name) made visible."""
    print(visible(tr(msg)), file=sys.stderr if err else sys.stdout)
