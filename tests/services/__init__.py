"""Tests of pbc_desktop/services (and their audit and privacy rules)."""
