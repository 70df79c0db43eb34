"""Backup commands of ``pbc`` (filled in by the installer/backups issue)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add this module's commands to ``pbc``."""
