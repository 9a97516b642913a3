"""`setup_portal`: everything a fresh production database needs but content (see portal.py)."""
