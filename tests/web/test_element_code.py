"""Finding Streamlit's element code in its main script (``element_code``): every kind a page
names is found in the Streamlit this app runs, with the files it imports."""

from __future__ import annotations

from pathlib import Path

from streamlit import file_util

from toolkaart.web import element_code
from toolkaart.web.page_registry import FIRST_ELEMENTS

#: The shape of the imports in Streamlit 1.67's main script, shortened.
SCRIPT = (
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./Table.A1.js",'
    '"./runtime.B2.js","./Checkbox.C3.js","./label.D4.js"])))=>i.map(i=>d[i]);'
    "Ta=(0,U.lazy)(()=>H(()=>import(`./Table.A1.js`),__vite__mapDeps([0,1]),import.meta.url)),"
    "Cb=(0,U.lazy)(()=>H(()=>import(`./Checkbox.C3.js`).then(e=>e.t),"
    "__vite__mapDeps([2,1,3]),import.meta.url)),"
    "Nd=(0,U.lazy)(()=>H(()=>import(`./Alone.E5.js`),__vite__mapDeps([]),import.meta.url))"
)


def test_each_lazy_import_gives_its_own_file_then_what_it_needs() -> None:
    assert element_code.element_files(SCRIPT) == {
        "Table": ("Table.A1.js", "runtime.B2.js"),
        "Checkbox": ("Checkbox.C3.js", "runtime.B2.js", "label.D4.js"),
        "Alone": ("Alone.E5.js",),
    }


def test_a_script_built_otherwise_gives_nothing_to_name() -> None:
    assert element_code.element_files("import('./Table.js')") == {}


def test_every_kind_a_page_names_is_found_in_the_streamlit_this_app_runs() -> None:
    """A later Streamlit that builds its script otherwise, or renames a kind, fails here first
    (the pages would load as before, only without the code named)."""
    static = Path(file_util.get_static_dir()) / "static" / "js"
    found = element_code._streamlits_element_files()
    for address, kinds in FIRST_ELEMENTS.items():
        for kind in kinds:
            assert kind in found, (address, kind)
            assert found[kind][0].startswith(f"{kind}."), found[kind]
            assert all((static / name).is_file() for name in found[kind]), kind


def test_links_name_only_what_the_document_does_not_already_name() -> None:
    found = element_code._streamlits_element_files()
    html_files = found["Html"]
    document = f'<link rel="modulepreload" crossorigin href="./static/js/{html_files[0]}">'
    links = element_code.preload_links(["Html", "Html", "NoSuchKind"], document)
    assert links == "".join(
        f'<link rel="modulepreload" crossorigin href="./static/js/{name}">'
        for name in html_files[1:]
    )
