"""The glue MkDocs sees: the macros pages call, the error report for a bad call, and the passthrough
of finished HTML."""
