"""Entry point of both frozen programs: ``pbc`` (command line) and ``pbc-desktop`` (window).

The bundle holds two executables built from this one script (see ``pbc_desktop.spec``);
each runs the program its own file name names, so both share one analysis and one folder.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable).stem.lower() == "pbc":
        from pbc_desktop.cli import main as cli_main

        return cli_main()
    from pbc_desktop.app import main as app_main

    return app_main()


if __name__ == "__main__":
    # A child process the program starts (the member import reads a workbook in one) runs
    # this executable again: it must do the child's work and nothing else.
    multiprocessing.freeze_support()
    raise SystemExit(main())
