"""Pure domain rules: enums, validation, rotation, lifecycle, scoring. No Qt, no SQL."""
