"""Joint activities and meetings (活动共搞, 例会), by feature: ``listing`` (the table, its
filters and the month view), ``detail`` (the detail pane), ``editing`` (the editor's data and
the validated writes) and ``documents`` (what the minutes and the sign-in sheet print)."""
