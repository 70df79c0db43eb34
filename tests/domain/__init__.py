"""Tests of pbc_desktop/domain: pure rules, no database."""
