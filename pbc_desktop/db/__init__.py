"""Persistence: typed SQLAlchemy models, the engine factory and migrations."""
