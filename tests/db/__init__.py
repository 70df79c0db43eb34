"""Tests of pbc_desktop/db: migrations, the lock, the WAL check, crash safety."""
