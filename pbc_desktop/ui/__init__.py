"""Qt widgets. Widgets call services and never build queries."""
