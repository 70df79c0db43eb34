"""Tests of pbc_desktop/reports: PDFs opened and read back."""
