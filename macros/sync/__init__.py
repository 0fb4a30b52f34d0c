"""Generate data/catalog/*.yml from the upstream image manifests, and data/registry/*.yml from dotnet/versions'
image-info files and their history, all read as hostile input (python -m macros.sync)."""

# catalog.generate reads the four manifests (manifest.py: shape.py types, model/grammar.py values, variables.py
# bounded `$(...)`, files.py safe reading and includes); output.py writes only over generated files; report.py
# prints version and tag changes; cli.main is the command line; errors.Where locates every message.
# registry.record reads the image-info files (imageinfo.py) and their git history (history.py: a bundle or a
# checkout, no network) into one record per catalog repository; registry_report.py prints rebuilt digests and
# what the record and the catalog do not share.

from .catalog import documents, generate
from .cli import main
from .errors import SyncError
from .output import file_name, record_name, render_document, render_record
from .registry import Versions, record
from .registry_report import registry_changes
from .report import changes

__all__ = [
    "SyncError",
    "Versions",
    "changes",
    "documents",
    "file_name",
    "generate",
    "main",
    "record",
    "record_name",
    "registry_changes",
    "render_document",
    "render_record",
]
