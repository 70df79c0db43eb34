"""The year-end assessment (年底考核): indicator systems, scoring, outcome, locking, ranking.

Writes follow the usual pattern: validate, one ``db.write()`` block, one audit entry. A
finished assessment is locked (``common.AssessmentLockedError``) until reopened with a reason.

One module per feature, imported directly (this package re-exports nothing):
``indicator_sets`` (考核指标体系), ``scoring``, ``outcomes`` (outcome, finish, reopen),
``results`` (ranking and detail), ``printout`` (a year as printed and exported, free text
masked); ``common`` holds what several share.
"""
