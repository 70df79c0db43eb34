"""Helpers shared by every feature: prompts, combos, dates, tables, dialogs, workers."""
