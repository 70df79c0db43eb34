"""党费: the monthly collection sheet of a branch (``window``, ``sheet_model``) and the
党费 menu (``actions``)."""
