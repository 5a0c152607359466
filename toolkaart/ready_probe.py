"""The container's health check (``python -m toolkaart.ready_probe``): asks this server's
``/ready`` under the path it is served at, and exits 0 only on 200.

Streamlit serves everything under ``server.baseUrlPath`` when ``STREAMLIT_SERVER_BASE_URL_PATH``
sets one, ``/ready`` included; a check of the root's ``/ready`` then got 404 and marked a
working container unhealthy. Standard library only: it runs every 15 – 30 s in the image.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping

#: The port the image's server listens on (``Containerfile``: ``toolkaart serve --port 8501``).
PORT = 8501
BASE_PATH_VARIABLE = "STREAMLIT_SERVER_BASE_URL_PATH"


def ready_url(environ: Mapping[str, str], port: int = PORT) -> str:
    """``http://127.0.0.1:<port>/[<base path>/]ready``."""
    base = environ.get(BASE_PATH_VARIABLE, "").strip().strip("/")
    return f"http://127.0.0.1:{port}/{base + '/' if base else ''}ready"


def main(environ: Mapping[str, str] = os.environ, port: int = PORT, timeout: float = 4.0) -> int:
    """0 when the server says it is ready (200), 1 otherwise, with the reason on stderr (the
    container runtime keeps it with the health state)."""
    url = ready_url(environ, port)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        print(f"{url}: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"{url}: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
