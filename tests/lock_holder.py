"""A program that holds a database's lock until its stdin closes (for tests/test_db_lock.py).

``python -m tests.lock_holder DB PROGRAM shared|exclusive`` prints ``ready`` once it holds
the lock, named ``PROGRAM`` to others, then waits for its standard input to close.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pbc_desktop.db import lock


def main(argv: list[str]) -> int:
    path, program, mode = Path(argv[0]), argv[1], argv[2]
    lock.set_program(program)
    held = lock.acquire(path, exclusive=mode == "exclusive")
    print("ready", flush=True)
    sys.stdin.read()
    held.release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
