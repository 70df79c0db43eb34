"""帮助 → 使用手册: the clerk's manual (``resources/manual/``) in a window of its own."""
