"""sync-server subcommands, one module per feature."""
