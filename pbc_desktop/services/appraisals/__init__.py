"""民主评议党员: each organization's yearly appraisal, entered as one grid and printed.

``grid``: the grid of an organization and year (one row per member taking part) and its
save (one transaction, one audit entry); ``results``: what the member's detail, the
printed sheet, the year's overview and the assessment figures read.
"""
