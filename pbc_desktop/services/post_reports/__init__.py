"""报到领岗: the post catalogue, members' post reports, service logs and yearly evaluations.

A party member (of a home branch) reports (报到) to a member organization of a
Party-building community and takes a post (领岗) from the catalogue; the service done on
the post is logged (date, hours, what was done) and noted once a year (优秀/合格/不合格).
The 双报到 overview counts, per home organization, how many of its members reported where
and how many hours they served.

One module per feature, imported directly (this package re-exports nothing):
``catalogue`` (岗位目录), ``reports`` (report, correct, leave, back on post, delete),
``service_log``, ``evaluations``, ``overview`` (双报到); ``common`` holds what several share.
"""
