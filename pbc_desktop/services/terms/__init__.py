"""换届: each organization's committees (``committees``: record, history) and the terms
running out (``due``: the town list and the reminders)."""
