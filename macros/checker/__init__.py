"""The image checker: the decision table the build writes (table.py), and the look-ups the page and
the command line share (dockerfile.py, signature.py, verdict.py; checker.js mirrors the last three)."""
