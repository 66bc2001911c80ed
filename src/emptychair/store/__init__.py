"""The record's storage: SQLite by default, PostgreSQL for a shared deployment, one schema for both."""
from .db import Database, open_database

__all__ = ["Database", "open_database"]
