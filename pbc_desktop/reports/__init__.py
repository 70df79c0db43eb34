"""Printed reports (ReportLab): each is a function ``build_xxx(session, ..., out_path)``.

Reports only read; the CJK fonts are embedded as subsets, so a PDF prints the same on any
PC. Shared page layout lives in :mod:`pbc_desktop.reports.layout`, fonts in
:mod:`pbc_desktop.reports.fonts`.
"""
