"""``python -m pbc_desktop.cli``."""

from pbc_desktop.cli import main

raise SystemExit(main())
