"""操作日志: the audit log viewer and its chain check (administrators)."""
