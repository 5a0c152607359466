"""``python -m toolkaart``: the same as the ``toolkaart`` command."""

import sys

from toolkaart.cli import main

sys.exit(main())
