"""Widget tests (pytest-qt, offscreen): what the user sees and what was stored."""
