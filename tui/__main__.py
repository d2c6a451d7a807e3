"""`python -m tui` is `events-tui`."""

from tui.cli import main

raise SystemExit(main())
