"""Streamlit's code for the kinds of element a page draws, named in the page's document, so that
the browser fetches it together with Streamlit's own code rather than after the first message.

Streamlit 1.67 loads the code of most kinds of element (a checkbox, a select box, a text field,
the HTML element of our frame) only when the first element of that kind arrives. Its main script
has to run and open the websocket first, and the page's title waits until that code has come.
A cold load of the Zelfscan asked for 43 files after the websocket's first message and before its
title showed (docs/performance.md section 9). Named as ``<link rel="modulepreload">`` in the
page's document, they arrive while the browser is still busy with Streamlit's main script.

Each page names the kinds its first view draws (``page_registry.FIRST_ELEMENTS``, checked against
what Chromium loads in tests/browser/test_element_code.py). This module finds each kind's files,
and the files they import, in Streamlit's main script, where its bundler lists them for each
lazy import (``import(`./Checkbox.<hash>.js`),__vite__mapDeps([...])``), once per process. If a
later Streamlit builds its script differently, nothing is found and nothing is named, and the page
loads as before; ``tests/web/test_element_code.py`` fails first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from streamlit import file_util

#: The files of every lazily imported chunk, in the order the imports refer to them by number.
_FILE_LIST = re.compile(r"m\.f=\[([^\]]*)\]")
#: One lazy import: its file, then the numbers of the files it needs (itself among them).
_LAZY_IMPORT = re.compile(
    r"import\(`\./([\w.-]+\.js)`\)(?:\.then\([^()]*\))?,__vite__mapDeps\(\[([\d,]*)\]\)"
)
_MAIN_SCRIPT = re.compile(r'<script type="module"[^>]* src="\./static/js/([^"]+)"')


def _static_dir() -> Path:
    return Path(file_util.get_static_dir())


def element_files(main_script: str) -> dict[str, tuple[str, ...]]:
    """Each lazily loaded kind of element in Streamlit's main script (``Checkbox``) → the files
    its import loads, its own first (names in ``static/js/``)."""
    listed = _FILE_LIST.search(main_script)
    if listed is None:
        return {}
    numbered = [name.strip().strip("\"'").removeprefix("./") for name in listed[1].split(",")]
    found: dict[str, tuple[str, ...]] = {}
    for match in _LAZY_IMPORT.finditer(main_script):
        own = match[1]
        needed = [numbered[int(number)] for number in match[2].split(",") if number]
        kind = own.split(".", 1)[0]
        found[kind] = tuple(dict.fromkeys([own, *needed]))
    return found


@cache
def _streamlits_element_files() -> Mapping[str, tuple[str, ...]]:
    """``element_files`` of the Streamlit this process runs (read once: its files do not
    change while it runs)."""
    document = (_static_dir() / "index.html").read_text(encoding="utf-8")
    main = _MAIN_SCRIPT.search(document)
    if main is None:
        return {}
    return element_files((_static_dir() / "static" / "js" / main[1]).read_text(encoding="utf-8"))


def preload_links(kinds: Iterable[str], document: str) -> str:
    """``<link rel="modulepreload">`` for the files of ``kinds`` that ``document`` (Streamlit's
    ``index.html``) does not name already; an unknown kind names nothing."""
    files = _streamlits_element_files()
    wanted = dict.fromkeys(name for kind in kinds for name in files.get(kind, ()))
    return "".join(
        f'<link rel="modulepreload" crossorigin href="./static/js/{html.escape(name)}">'
        for name in wanted
        if f"./static/js/{name}" not in document
    )
