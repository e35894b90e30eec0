"""Store commands (ingest, events, quotes, export): registered into the main CLI."""
from __future__ import annotations


def register(sub, add_input_options, records_from_args, workers) -> None:
    """Add the store's subcommands (none until the store lands)."""
