"""`python -m monty`: see monty.cli."""

import sys

from .cli import main

sys.exit(main())
