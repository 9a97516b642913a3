"""Backups: checking that a database dump restores into the same portal (docs/backups.md)."""
