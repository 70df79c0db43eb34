"""党内统计: the composition tables of the annual Party statistics forms.

Not ``services/stats.py`` (the dashboard's community figures): these count members and
organizations. ``tables`` computes them for the district, a town or an organization (with
those below it) at a year's end; ``workbook`` writes them as ``.xlsx``; the PDF is
``reports/party_stats.py``.
"""
