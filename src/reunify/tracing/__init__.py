"""Tracing separated families until they are together again (issue 6)."""
