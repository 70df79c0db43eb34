"""概览: headline figures, charts and reminders."""
