"""Macros for the wizard pages (filled in by its issue)."""
from __future__ import annotations

MACROS: dict = {}
