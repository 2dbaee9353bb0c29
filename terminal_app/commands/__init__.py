"""pos-terminal subcommands, one module per feature."""
