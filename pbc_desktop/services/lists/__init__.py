"""Demand, resource and project lists (清单), their items, claims and supervision (督办).

One module per feature, imported directly (this package re-exports nothing):
``queries`` (the item listing, the lists, an item's detail, the dialogs' choices),
``editing`` (lists and items), ``claims`` (认领), ``supervision`` (start, 督办, 办结,
reopen), ``printout`` (a whole list for printing and export); ``common`` holds what
several share. The SQL test of 逾期 lives in ``services.scope`` (the dashboard counts it too).
"""
