"""The audit log's hash chain: what an entry's hash covers (plain Python).

``hash = sha256(prev_hash + "\\n" + canonical facts)``; the first entry's ``prev_hash`` is
empty. The facts are the entry's time (UTC, microseconds), account id, actor text, action,
record type and UUID, summary and before/after JSON, as stored. Anyone can recompute a
plain hash: the chain shows an entry edited or removed by someone who did not also
recompute every later entry and the head, which is what a hand edit with a database tool
leaves behind.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class ChainFacts:
    at: datetime
    user_id: int | None
    actor: str
    action: str
    entity: str
    entity_uuid: str | None
    summary: str
    before: str | None
    after: str | None


def _utc_text(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")


def entry_hash(prev_hash: str, facts: ChainFacts) -> str:
    body = json.dumps(
        [
            _utc_text(facts.at),
            facts.user_id,
            facts.actor,
            str(facts.action),
            facts.entity,
            facts.entity_uuid,
            facts.summary,
            facts.before,
            facts.after,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()
