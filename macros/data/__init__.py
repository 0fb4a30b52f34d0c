"""Read data/: located YAML, the schema conversion into model classes, the checks between files, and the one loader."""
