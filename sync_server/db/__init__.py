"""The server's database: models, engines, migrations."""
