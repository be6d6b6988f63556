import sys

from smartharvest.cli import main

sys.exit(main())
