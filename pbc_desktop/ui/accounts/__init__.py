"""Signing in, the first administrator, passwords and the idle lock."""
