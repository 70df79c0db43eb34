"""Tests of the pbc command line: exit status, one sentence, what was stored."""
