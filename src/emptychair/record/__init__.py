"""The longitudinal record: reports stored, linked into facts, checked against official records."""
