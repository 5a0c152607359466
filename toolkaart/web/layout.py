"""Frame shared by every page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from toolkaart.documents.handbook import MAP_FONT
from toolkaart.i18n.catalog import LANGUAGE, t
from toolkaart.web.content_cache import loaded_content
from toolkaart.web.frontend_fixes import FIXES_SCRIPT, FIXES_STYLE
from toolkaart.web.html_tables import STYLE as TABLE_STYLE
from toolkaart.web.html_text import STYLE as TEXT_STYLE
from toolkaart.web.html_text import PreparedHtml
from toolkaart.web.literal import content_literal
from toolkaart.web.page_links import (
    LIST_CLASS,
    OWN_PAGE,
    PAGER_CLASS,
    address,
    html_link,
    markdown_link,
)
from toolkaart.web.project_session import with_project

#: The class of the sidebar's navigation (``sidebar_navigation``).
NAV_CLASS = "toolkaart-nav"

#: The sidebar's links drawn as Streamlit draws its own page links: a block per page, no
#: underline, a light fill under the mouse and a grey fill on the current page (text #31333F on
#: it, 10.6:1), a section's name in bold above its pages. A list of links in a page
#: (``page_links.link_list``) has the same links, and so has the row under a page
#: (``page_links.pager``), side by side where there is room, after a line. A word longer than
#: its place breaks rather than sticks out; a collapsed sidebar (40 px wide, off the screen)
#: shows no links, as Streamlit's own navigation does not.
NAV_STYLE = (
    f".{NAV_CLASS}{{overflow-wrap:anywhere}}"
    f'[data-testid="stSidebar"][data-collapsed="true"] .{NAV_CLASS}{{display:none}}'
    f".{NAV_CLASS} p{{font-weight:600;margin:0 0 0.25rem}}"
    f":is(.{NAV_CLASS} ul,ul.{LIST_CLASS}){{list-style:none;margin:0 0 1rem;padding:0}}"
    f":is(.{NAV_CLASS},.{LIST_CLASS}) li{{margin:0;padding:0}}"
    f":is(.{NAV_CLASS},.{PAGER_CLASS},.{LIST_CLASS}) a{{display:block;padding:0.25rem 0.5rem;"
    "border-radius:0.5rem;color:inherit;text-decoration:none;line-height:1.6;"
    "overflow-wrap:anywhere}"
    f":is(.{NAV_CLASS},.{PAGER_CLASS},.{LIST_CLASS}) a:hover{{background:rgba(151,166,195,0.15)}}"
    f'.{NAV_CLASS} a[aria-current="page"]{{background:rgba(151,166,195,0.25)}}'
    f".{PAGER_CLASS}{{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));"
    "gap:0.25rem 1.5rem;border-top:1px solid rgba(49,51,63,0.2);padding-top:1rem}"
    f"@media (max-width:640px){{.{PAGER_CLASS} > span:empty{{display:none}}}}"
)

#: What WCAG 2.1 AA asks of every page and Streamlit's [theme] options cannot say (streamlit.toml
#: sets the colours it can). 2.4.7: Streamlit draws page links with ``outline: none`` and other
#: controls with a faint 50 % shadow, so every control focused from the keyboard gets a 3 px
#: outline in the theme's primary colour (#0B4F9C: 8.0:1 on white, 7.6:1 on the sidebar); the
#: sidebar marks the current page with a grey fill, not a line, so the two cannot be confused.
#: 1.4.3: Streamlit draws captions in the text colour at 60 % opacity (#828180 on white, 3.88:1);
#: opaque #595959 is 7.0:1. A compact expander's toggle ("Onderbouwing toevoegen") is drawn at
#: 60 % opacity too (3.9:1): opaque, it is the text colour. 1.4.4: Streamlit draws every text of a graphviz chart at 9.6 px of
#: the drawing, whatever size the DOT asks, so scaled to the page the maps' text was 4.6 px (route)
#: and 7.2 px (phase map); it is drawn at the size Graphviz laid it out for
#: (``handbook.MAP_FONT``), 17 px or more as drawn now (tests/browser/test_maps.py).
#: Reflow and Dutch names for Streamlit's own controls: ``frontend_fixes.FIXES_STYLE``; the
#: app's own tables: ``html_tables.STYLE``.
#: Style-only ``st.html`` goes to Streamlit's event container: no space.
FRAME_STYLE = (
    "<style>"
    ":focus-visible{outline:3px solid #0B4F9C !important;outline-offset:2px !important}"
    # a checkbox's or radio button's own input is hidden (1 px, clipped): its outline could not
    # be seen, only a pale grey fill (1.2:1); the outline goes round the label that shows it
    'label:has(> span > input:is([type="checkbox"],[type="radio"]):focus-visible)'
    "{outline:3px solid #0B4F9C;outline-offset:2px;border-radius:0.25rem}"
    '[data-testid="stCaptionContainer"]{opacity:1;color:#595959}'
    '[data-testid="stExpander"] summary{opacity:1}'
    # a checklist item's source, under the item in its label (``gate_form.with_source``): grey as
    # a caption is (#595959, 7.0:1)
    '[data-testid="stCheckbox"] [data-testid="stMarkdownContainer"] p > span[style*="font-size"]'
    "{color:#595959}"
    f'[data-testid="stGraphVizChart"] svg text{{font-size:{MAP_FONT}px}}'
    f"{TEXT_STYLE}"
    f"{FIXES_STYLE}"
    f"{NAV_STYLE}"
    f"{TABLE_STYLE}"
    "</style>"
)

#: 3.1.1: Streamlit serves one index.html with ``<html lang="en">`` and has no option for the page
#: language; its static files cannot be changed from the app. ``st.html`` with
#: ``unsafe_allow_javascript`` runs in the page itself (not in an iframe, unlike components), so
#: this one line sets the language of the document the browser and screen readers read. Page
#: switches and reruns do not reload the document, and nothing in Streamlit sets ``lang`` again;
#: a reload or deep link loads index.html anew and the script runs again on that first run. It
#: sits at the end of the sidebar, drawn after the page (``frame_script``); in the main area its
#: empty element would add a gap.
LANGUAGE_SCRIPT = f'document.documentElement.lang = "{LANGUAGE}";'

#: 1.1.1 and 4.1.2: ``st.graphviz_chart`` puts its ``alt`` text on the chart as a figure's name
#: but leaves the SVG readable too, so a screen reader read every box of the map after it, and
#: the SVG's ``<title>`` elements, which Graphviz fills with the DOT ids
#: ("phase_idee->actor_expert"), were the mouse-over texts. Streamlit has no option for either.
#: This script makes each chart one image named by its Dutch ``alt`` (``role="img"``, the SVG
#: ``aria-hidden``) and gives each ``<title>`` the Dutch tooltip the DOT gives its object
#: (``handbook._digraph``; empty for lines). A rerun redraws the chart and a page switch draws
#: a new one, so a MutationObserver applies it again to whatever changes; it changes only what
#: differs, so its own changes end the round. One observer per document (``window.toolkaartMaps``).
MAPS_SCRIPT = """
if (!window.toolkaartMaps) {
  const XLINK = "http://www.w3.org/1999/xlink";
  const apply = () => {
    for (const chart of document.querySelectorAll('[data-testid="stGraphVizChart"]')) {
      if (chart.hasAttribute("aria-label") && chart.getAttribute("role") !== "img") {
        chart.setAttribute("role", "img");
      }
      const svg = chart.querySelector("svg");
      if (!svg) continue;
      if (svg.getAttribute("aria-hidden") !== "true") svg.setAttribute("aria-hidden", "true");
      for (const title of svg.querySelectorAll("title")) {
        const anchor = title.parentNode.querySelector("a");
        const tip = ((anchor && anchor.getAttributeNS(XLINK, "title")) || "").trim();
        if (title.textContent !== tip) title.textContent = tip;
      }
    }
  };
  window.toolkaartMaps = new MutationObserver(apply);
  window.toolkaartMaps.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ["role", "aria-hidden"],
  });
  apply();
}
"""

#: Whether this browser session holds work the person has not saved (an agenda composed or
#: changed since its last save: ``board_view``). Leaving or reloading the page ends the session
#: and loses that work, so the frame's script then has the browser ask first (its own dialog,
#: in the browser's language); a move to another page of the navigator keeps the session.
UNSAVED_WORK = "toolkaart.unsaved_work"

#: A click on a link to one of the app's own pages (its address starts with ``./``:
#: ``page_links.address``) becomes the browser's history navigation, which Streamlit follows as it
#: follows the back button: it reruns that page with that query in the same session, without
#: reloading the document. Without this, Streamlit's Markdown opens every link in a new tab. A
#: click with a modifier key or another button (a new tab or window asked for) is the browser's,
#: as is a download; a click before the script has run loads the page anew (a sidebar link) or
#: opens it in a new tab (a link in Markdown).
#:
#: 2.4.3: the sidebar is one element, drawn anew when the page changes (its current page does),
#: so the link that had the keyboard's focus is gone and the browser puts the focus on the page
#: itself, where the next Tab starts from the top. For 5 s after a move the focus goes back to
#: the link to the same address once it is drawn again (a Streamlit page link kept it); a link to
#: another phase under a page leaves the focus where Streamlit leaves it after a move.
LINKS_SCRIPT = f"""
if (!window.toolkaartLinks) {{
  window.toolkaartLinks = true;
  let refocus = null;
  document.addEventListener("click", (event) => {{
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest('a[href^="{OWN_PAGE}"]');
    if (!link || link.hasAttribute("download")) return;
    event.preventDefault();
    const focused = document.activeElement === link;
    refocus = focused ? {{ href: link.getAttribute("href"), until: Date.now() + 5000 }} : null;
    window.history.pushState({{}}, "", link.href);
    window.dispatchEvent(new PopStateEvent("popstate", {{ state: {{}} }}));
  }}, true);
  new MutationObserver(() => {{
    if (!refocus) return;
    if (Date.now() > refocus.until) {{ refocus = null; return; }}
    const active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    const again = [...document.querySelectorAll('a[href^="{OWN_PAGE}"]')]
      .find((link) => link.getAttribute("href") === refocus.href);
    if (again) {{ again.focus(); refocus = null; }}
  }}).observe(document.body, {{ childList: true, subtree: true }});
}}
"""

#: One listener per document; it reads ``window.toolkaartUnsaved``, which every run of every
#: page sets (``FRAME_SCRIPTS``).
GUARD_SCRIPT = """
if (!window.toolkaartGuard) {
  window.toolkaartGuard = true;
  window.addEventListener("beforeunload", (event) => {
    if (window.toolkaartUnsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
}
"""

#: The sidebar's one script: whether work is unsaved, the page language, the maps, Streamlit's
#: own controls (``frontend_fixes.FIXES_SCRIPT``: Dutch names, wide tables reachable by
#: keyboard), links to the app's own pages (LINKS_SCRIPT), the guard. Two texts, one per state
#: of ``UNSAVED_WORK``: Streamlit runs an ``st.html`` script again only when its text changes,
#: which is when the state does (the rest of the script does its work once per document).
FRAME_SCRIPTS = {
    unsaved: f"<script>window.toolkaartUnsaved = {str(unsaved).lower()};"
    f"{LANGUAGE_SCRIPT}{MAPS_SCRIPT}{FIXES_SCRIPT}{LINKS_SCRIPT}{GUARD_SCRIPT}</script>"
    for unsaved in (False, True)
}


FRAME_STYLE_HTML = PreparedHtml(FRAME_STYLE)
FRAME_SCRIPT_HTML = {unsaved: PreparedHtml(script) for unsaved, script in FRAME_SCRIPTS.items()}


def frame_style() -> None:
    """The focus outline and caption contrast of FRAME_STYLE, on every run of every page."""
    st.html(FRAME_STYLE_HTML)


def sidebar_navigation(
    sections: Mapping[str, Sequence[StreamlitPage]], current: StreamlitPage
) -> None:
    """The pages in the sidebar, grouped per kind of user, as links that keep the open project;
    ``current`` is marked (``aria-current``, a grey fill). Drawn before the page, so the sidebar
    has its place and its links from the first moment.

    One HTML element, not a page link per page: every element is a message to the browser on
    every rerun (about 0.15 ms of server CPU each, docs/performance.md section 8), and the
    sidebar's 15 were the largest share of most pages. A click is Streamlit's own move to the
    page all the same (``page_links.address``, LINKS_SCRIPT). Streamlit's own sidebar navigation
    would cost nothing, but it drops the query parameters, so a team that opened its project
    would lose it on the next page; these links carry ``?project=`` along. The names are the
    catalog's, escaped like any text put into HTML.
    """
    query = with_project({})
    parts = [f'<nav class="{NAV_CLASS}" aria-label="{escape(t("nav.label"))}">']
    for number, (section, pages) in enumerate(sections.items()):
        name = f"{NAV_CLASS}-{number}"  # the section's name is its list's name
        parts.append(f'<p id="{name}">{escape(section)}</p><ul aria-labelledby="{name}">')
        for page in pages:
            link = html_link(
                page.title, address(page, query), current=page.url_path == current.url_path
            )
            parts.append(f"<li>{link}</li>")
        parts.append("</ul>")
    parts.append("</nav>")
    with st.sidebar:
        st.html("".join(parts))


def frame_script() -> None:
    """The frame's script at the end of the sidebar (FRAME_SCRIPTS): whether work is unsaved,
    the page's language, the maps, Streamlit's own controls, links to the app's own pages, the
    guard. At the end: in front of the page, a script held the page's title back by about
    100 ms (docs/performance.md section 9)."""
    unsaved = bool(st.session_state.get(UNSAVED_WORK, False))
    with st.sidebar:
        st.html(FRAME_SCRIPT_HTML[unsaved], unsafe_allow_javascript=True)


def footer(accessibility: StreamlitPage, mode: str = "") -> None:
    """Under every page: the accessibility statement (the law asks for it to be reachable from
    every page), the version of the content being served, and in local mode a quiet line
    saying so (``mode``): one caption of one to three lines (each element costs a rerun about
    0.15 ms of server CPU, docs/performance.md section 8)."""
    serving = loaded_content().serving
    st.divider()
    lines = [markdown_link(t("nav.accessibility"), accessibility, with_project({}))]
    if mode:
        lines.append(mode)
    if serving is not None:
        meta = serving.toolkaart.meta
        lines.append(
            t(
                "footer.version",
                title=content_literal(meta.title),
                version=content_literal(meta.label),
            )
        )
    st.caption("  \n".join(lines))  # a line break within one paragraph
