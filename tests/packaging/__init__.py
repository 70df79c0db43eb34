"""Tests of the Windows build and installer scripts."""
