"""The container's health check (``python -m toolkaart.ready_probe``): asks this server's
``/ready`` under the path it is served at, and exits 0 only on 200.

Streamlit serves everything under ``server.baseUrlPath`` when ``STREAMLIT_SERVER_BASE_URL_PATH``
sets one, ``/ready`` included; a check of the root's ``/ready`` then got 404 and marked a
working container unhealthy. It imports no more than the settings: it runs every 15 – 30 s in
the image.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

from toolkaart.settings import served_path

#: The port the image's server listens on (``Containerfile``: ``toolkaart serve --port 8501``).
PORT = 8501


def ready_url(base: str, port: int = PORT) -> str:
    """``http://127.0.0.1:<port>/[<base>/]ready``; ``base`` as ``settings.served_path`` gives it."""
    return f"http://127.0.0.1:{port}/{base + '/' if base else ''}ready"


def main(base: str | None = None, port: int = PORT, timeout: float = 4.0) -> int:
    """0 when the server says it is ready (200), 1 otherwise, with the reason on stderr (the
    container runtime keeps it with the health state). ``base``: the server's path, by default
    from the environment (``settings.served_path``)."""
    url = ready_url(served_path() if base is None else base, port)
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
