"""`python -m assistant`: the `intake` command."""

from assistant.cli.main import main

raise SystemExit(main())
