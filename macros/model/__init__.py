"""The typed, immutable model of data/: the classes are the YAML schema, and every fact derived
from the data (status, tag groups, featured and current tags, display order) is computed here."""
