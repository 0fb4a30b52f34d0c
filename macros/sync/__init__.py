"""Generate data/catalog/*.yml from the upstream image manifests, read as hostile input (python -m macros.sync)."""

# catalog.generate reads the four manifests (manifest.py: shape.py types, model/grammar.py values, variables.py
# bounded `$(...)`, files.py safe reading and includes); output.py writes only over generated files; report.py
# prints version and tag changes; cli.main is the command line; errors.Where locates every message.

from .catalog import generate
from .cli import main
from .errors import SyncError
from .output import file_name, render_document
from .report import changes

__all__ = ["SyncError", "changes", "file_name", "generate", "main", "render_document"]
