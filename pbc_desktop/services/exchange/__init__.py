"""Offices exchange their data: office identity and keys, signed packages, merging."""
