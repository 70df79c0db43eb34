"""Run a probe script in a Python process of its own, on this checkout (what a fresh start
of the program or a command loads, which this test process has long since imported)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pbc_desktop


def probe(script: str, arguments: list[str]) -> Any:
    """Run ``script`` with ``arguments`` in a fresh interpreter, the checkout first on its
    path; the JSON its last line of output prints."""
    root = str(Path(pbc_desktop.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    return json.loads(done.stdout.splitlines()[-1])
