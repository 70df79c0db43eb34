"""清单: the lists tab, lists, items, claims, supervision and the funds ledger."""
