"""`python -m demo_web ...` (see demo_web/cli.py)."""
import sys

from .cli import main

sys.exit(main())
