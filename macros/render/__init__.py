"""Renderers: model in, Markdown or HTML out; no MkDocs, no I/O, no renderer imports another (only html.py)."""
