"""增减方式: recording a member's comings and goings, and counting them.

:func:`record_change` is called inside another service's write transaction (a member
leaving, a transfer received, an applicant admitted); it writes the change, its audit
entry, and brings the member's status (and, for an entry, organization) in line.
:func:`count_changes` counts the changes of a period in the acting account's scope.
"""

from pbc_desktop.services.member_changes.recording import (
    count_changes,
    record_change,
)

__all__ = ["count_changes", "record_change"]
