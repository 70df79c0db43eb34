"""Accounts: passwords, signing in, creating and looking after accounts."""
