"""``python -m briefing``: the same as the ``briefing`` command."""

import sys

from briefing.cli import main

if __name__ == "__main__":  # not in a worker process that re-imports this module (Dask's, by spawn)
    sys.exit(main())
