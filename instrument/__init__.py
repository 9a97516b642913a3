"""Reviewed changes to the screening instrument: its review workflow (no one approves their own
change), and the tool's next version proposed from the approved changes (docs/editorial.md)."""
