"""Entry point of the one-folder build (`make dist`): the same `pos-terminal` as the console script."""

import sys

from terminal_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
