"""What every tab and dialog needs: the open database and who is working."""

from __future__ import annotations

from dataclasses import dataclass

from pbc_desktop.db.engine import Database


@dataclass
class AppContext:
    db: Database

    @property
    def actor(self) -> str:
        return self.db.actor
