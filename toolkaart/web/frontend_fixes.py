"""What Streamlit's own frontend draws in English or lays out too wide, corrected from the app: a
style sheet and a script that ``layout.py`` adds to every page's frame.

Streamlit 1.67 has no option for any of this (its texts are fixed in its JavaScript, ``lang`` and
locale are not passed on), so it is done where the app can reach: CSS for how things are laid out,
and for names a small script that rewrites the exact English texts Streamlit puts in the page. What
neither can reach is listed in the accessibility statement (``a11y.limit.*``);
tests/browser/test_every_page.py looks for English on every page and state.
"""

from __future__ import annotations

import json

from toolkaart.i18n.catalog import t
from toolkaart.web.feedback import ANSWER_KEY
from toolkaart.web.html_tables import TABLE_CLASS
from toolkaart.web.html_text import TEXT_CLASS
from toolkaart.web.literal import JOINER
from toolkaart.web.page_links import OWN_PAGE

#: The key of a button drawn in the place of the one pressed, is that one's key plus this; the
#: keyboard's focus moves to it (FIXES_SCRIPT).
THEN = "-then"

#: WCAG 1.4.10 (reflow at 320 px) and 3.1.2 (no English names). Each rule is explained above it.
FIXES_STYLE = (
    # 3.1.2: the toolbar Streamlit shows over a chart or map when hovered or focused has only
    # English buttons ("Fullscreen", "Download as PNG", "Show data", "Copy Vega-Lite spec") and
    # no option to rename or turn it off. The page offers every chart's numbers as text; a map
    # is enlarged with the browser's zoom (tests/browser/test_maps.py).
    '[data-testid="stElementToolbar"]{display:none}'
    # 1.4.10: a page link is one line cut off with "…" (at 320 px "2. Verkenning: Is het ontwerp
    # een mog…"); it wraps instead.
    '[data-testid="stPageLink-NavLink"] span,[data-testid="stPageLink-NavLink"] p'
    "{white-space:normal;overflow:visible;text-overflow:clip}"
    # 1.4.10: a button's label is one line cut off with "…" in a narrow column ("Archiveer
    # Valdetectie ’s na…"); it wraps instead.
    '[data-testid^="stBaseButton"] :is([data-testid="stMarkdownContainer"],p)'
    "{white-space:normal;overflow:visible;text-overflow:clip}"
    # 1.4.10: a page's title at Streamlit's 2.75 rem broke a Dutch compound mid-word on a phone
    # ("bestuursvergaderi" / "ng" at 390 px); smaller there, it fits, and a longer word breaks
    # with a hyphen where the browser knows Dutch hyphenation.
    "@media (max-width:640px){h1{font-size:1.875rem !important;hyphens:auto}}"
    # 1.4.10: a chosen option of a multiselect is cut off with "…"; it wraps instead.
    '[data-testid="stMultiSelect"] [data-tag]{height:auto;max-width:100%}'
    '[data-testid="stMultiSelect"] [data-tag] > span'
    "{white-space:normal;overflow:visible;text-overflow:clip;overflow-wrap:anywhere}"
    # 1.4.10: a Markdown table (the agenda's overview) keeps its width at 320 px and spills out of
    # its box: on a narrow screen its cells are less padded and their text smaller (then it fits),
    # and a word too long for its cell may still break, with a hyphen where the browser knows
    # Dutch hyphenation.
    '[data-testid="stMarkdownContainer"] :is(td,th){overflow-wrap:break-word;hyphens:auto}'
    # A Markdown table that still does not fit (the flow's seven columns in the agenda's
    # overview) scrolls sideways in its own box, as a data table may, not the whole page.
    '[data-testid="stMarkdownContainer"] table{display:block;max-width:100%;overflow-x:auto}'
    '@media (max-width:640px){[data-testid="stMarkdownContainer"] :is(td,th)'
    "{padding:0.25rem 0.375rem;font-size:0.875rem}}"
    # 3.1.2: a link that opens a new tab says so in words ("(nieuw tabblad)"); the arrow that shows
    # it is decoration, with an empty text alternative (a Markdown icon is named "open_in_new
    # icon" for assistive technology).
    # A link to one of the app's own pages (``page_links.address``) opens in place.
    f':is([data-testid="stMarkdownContainer"],.{TEXT_CLASS}) a[target="_blank"]'
    f':not([href^="{OWN_PAGE}"])::after{{'
    'content:"open_in_new" / "";font-family:"Material Symbols Rounded";font-weight:400;'
    "font-size:1.1em;line-height:1;vertical-align:-0.15em;margin-left:0.15em;"
    "text-decoration:none;display:inline-block}"
    # 3.1.2: the code block of Streamlit's own dialogs is for a developer ("streamlit run
    # yourscript.py" when the server is out of reach, a proxy's error page), as is the link to
    # an English page on CORS when the server refuses the page; the Dutch message says what to
    # do (``_connection_rules``).
    '[data-testid="stDialog"] [data-testid="stErrorCodeBlock"],'
    '[data-testid="stDialog"] a[href$="/HTTP/CORS"]{display:none}'
    # 1.4.10 and 3.1.2: once something is typed, a text field shows how to send it ("Press Enter
    # to submit form") and the count of characters inside the field, on the right, over the text
    # (at 390 px over half of it). Where a count follows, the hint is left out: the form's button
    # says how to send it, and the count, short, stays.
    '[data-testid="InputInstructions"] > span:first-child:not(:last-child){display:none}'
    '[data-testid="InputInstructions"] > span::before{content:none !important}'
)

#: The English texts Streamlit writes into the page, each with its Dutch text: (where, what, the
#: English as a regular expression, the Dutch). "text" is the element's own text; anything else an
#: attribute. Anchored patterns: a name that only contains the words (a project called "Open")
#: stays as it is.
_MONTHS = "January February March April May June July August September October November December"


def _rules() -> list[tuple[str, str, str, str]]:
    date = '[data-testid="stDateInput"]'
    select = '[data-testid="stSelectbox"],[data-testid="stMultiSelect"]'
    multi = '[data-testid="stMultiSelect"]'
    upload = '[data-testid="stFileUploader"]'
    calendar = '[data-testid="stDateInputCalendar"]'
    tooltip = '[data-testid="stTooltipErrorContent"]'
    refused = f"{upload} *,{tooltip},{tooltip} *"
    return [
        ('[data-testid="stSkipToContent"]', "text", "^Skip to main content$", t("ui.skip_link")),
        ('[data-testid="stSidebar"]', "aria-label", "^Sidebar$", t("ui.sidebar")),
        (
            '[data-testid="stSidebarCollapseButton"] button',
            "aria-label",
            "^Collapse sidebar$",
            t("ui.sidebar.collapse"),
        ),
        (
            '[data-testid="stExpandSidebarButton"]',
            "aria-label",
            "^Expand sidebar$",
            t("ui.sidebar.expand"),
        ),
        (f"{date} button", "aria-label", "^Choose date$", t("ui.date.choose")),
        (f"{date} [role=spinbutton]", "aria-label", "^day, ", t("ui.date.day") + ", "),
        (f"{date} [role=spinbutton]", "aria-label", "^month, ", t("ui.date.month") + ", "),
        (f"{date} [role=spinbutton]", "aria-label", "^year, ", t("ui.date.year") + ", "),
        *(
            (f"{date} [role=spinbutton]", "aria-valuetext", f"\\b{english}$", t(f"month.{n}"))
            for n, english in enumerate(_MONTHS.split(), start=1)
        ),
        # the calendar the date field opens (its month and days are in the browser's language)
        (calendar, "aria-label", "^Choose date$", t("ui.date.calendar")),
        (f"{calendar} [aria-label]", "aria-label", "^Choose date, ", t("ui.date.calendar") + ", "),
        (f"{calendar} *", "text", "^Choose date, ", t("ui.date.calendar") + ", "),
        (f"{calendar} button", "aria-label", "^Previous month$", t("ui.date.previous")),
        (f"{calendar} button", "aria-label", "^Next month$", t("ui.date.next")),
        (f"{calendar} *", "text", "^Use arrow keys to navigate dates\\..*$", t("ui.date.keys")),
        # the date field's description for screen readers: "Selected Date: December 06, 2026"
        *(
            (
                '[id^="react-aria-description"]',
                "text",
                f"^Selected Date: {english} (\\d+), (\\d+)$",
                t("ui.date.selected", date=f"$1 {t(f'month.{n}')} $2"),
            )
            for n, english in enumerate(_MONTHS.split(), start=1)
        ),
        (
            ",".join(f"{part} button" for part in select.split(",")),
            "aria-label",
            "^Open$",
            t("ui.select.open"),
        ),
        (f"{multi} button", "aria-label", "^Clear all$", t("ui.select.clear")),
        (
            f"{multi} [data-tag] > button",
            "aria-label",
            "^Remove (.+)$",
            t("ui.select.remove", name="$1"),
        ),
        (f"{multi} [aria-label]", "aria-label", "^Selected values$", t("ui.select.chosen")),
        (f"{upload} input", "aria-label", "^file upload$", t("ui.upload.choose")),
        (f"{upload} button p", "text", "^Upload$", t("ui.upload.choose")),
        (
            f"{upload} [data-testid=stFileUploaderDropzoneInstructions] *",
            "text",
            " per file",
            " " + t("ui.upload.per_file"),
        ),
        (f"{upload} *", "text", "^Drag and drop .* here$", t("ui.upload.drop")),
        # a file the uploader refuses before it is sent (the server's limit, the wrong type): on
        # its chip, for screen readers, and in the tooltip over it
        (refused, "text", "^Error:", t("ui.upload.error") + ":"),
        (refused, "text", "^File must be (.+) or smaller\\.$", t("ui.upload.too_large", size="$1")),
        (refused, "text", "^.* files are not allowed\\.$", t("ui.upload.wrong_type")),
        # a chosen file: its remove button, and the button that chooses another
        (f"{upload} button", "aria-label", "^Remove (.+)$", t("ui.upload.remove", name="$1")),
        (f"{upload} button", "aria-label", "^Add files$", t("ui.upload.another")),
        (f"{upload} button span", "text", "^add icon$", t("ui.upload.another")),
        ("[role=progressbar]", "aria-label", "^progress$", t("ui.progress")),
        # the sign at the top right while a page is being drawn
        (
            '[data-testid="stStatusWidgetRunningIcon"]',
            "aria-label",
            "^Running\\.\\.\\.$",
            t("ui.running"),
        ),
        # what a list of options announces to screen readers while it is open
        (
            "[data-live-announcer] div",
            "text",
            "^1 option available\\.$",
            t("ui.select.available.one"),
        ),
        (
            "[data-live-announcer] div",
            "text",
            "^(\\d+) options available\\.$",
            t("ui.select.available.many", count="$1"),
        ),
        # a checkbox's name is its label as Markdown source: a checklist item's source, on a
        # line of its own under the item (``gate_form.with_source``), would be read out with
        # its markup (":small[Bron: …]") on every Tab; the name is the item, as it was when the
        # source was a caption under the box, which a screen reader reads after it
        (
            '[data-testid="stCheckbox"] input',
            "aria-label",
            "^([\\s\\S]*?)\\s*:small\\[[\\s\\S]*\\]$",
            "$1",
        ),
        # the hint in a text field once something is typed ("Press Enter to submit form"): in
        # Dutch; where a count of characters follows it, FIXES_STYLE hides it
        *(
            (
                '[data-testid="InputInstructions"] > span',
                "text",
                f"^Press {keys}Enter to {english}$",
                t(f"ui.input.{action}", keys=prefix),
            )
            for keys, prefix in (("", ""), ("(Ctrl|⌘)\\+", "$1+"))
            for english, action in (("apply", "apply"), ("submit form", "submit"))
        ),
        ('[data-testid="stCode"] button', "aria-label", "^Copy to clipboard$", t("ui.code.copy")),
        ('[data-testid="stCode"] button', "aria-label", "^Copied$", t("ui.code.copied")),
        *_connection_rules(),
    ]


def _connection_rules() -> list[tuple[str, str, str, str]]:
    """While the server is out of reach (a restart, a failover with no replica left, the
    network): the dialog Streamlit opens after about 3 s, which speaks to a developer ("Is
    Streamlit still running? ... streamlit run yourscript.py"; its code block is hidden by
    FIXES_STYLE). The page's scripts keep running meanwhile, so the observer rewrites it as it
    appears; Streamlit closes it itself once it is connected again. (The sign "Connecting" at the
    top right is not drawn with ``client.toolbarMode = "minimal"``.)
    """
    dialog = '[data-testid="stDialog"] [role=dialog]'
    said = f"{dialog} div"
    return [
        (f"{dialog} h2", "text", "^Connection error$", t("ui.connection.title")),
        (f"{dialog} button", "aria-label", "^Close$", t("ui.close")),
        (
            said,
            "text",
            "^Streamlit server is not responding\\. Are you connected to the internet\\?$",
            t("ui.connection.no_answer"),
        ),
        (said, "text", "^Is Streamlit still running\\? .*$", t("ui.connection.local")),
        (said, "text", "^Connection timed out\\.$", t("ui.connection.timeout")),
        (
            said,
            "text",
            "^Connection failed with status (\\d+)\\b.*$",
            t("ui.connection.status", status="$1"),
        ),
        (
            said,
            "text",
            "^Cannot connect to Streamlit \\(HTTP status: 403\\)[\\s\\S]*$",
            t("ui.connection.refused"),
        ),
        # the rest of the 403 message, after its link to a page on CORS (hidden by FIXES_STYLE)
        (said, "text", "^ settings\\.$", ""),
    ]


#: 3.1.2, 2.1.1 and 1.1.1. The rules above, applied to the page as Streamlit draws and redraws it
#: (a MutationObserver, as in layout.MAPS_SCRIPT; it changes only what still matches, so its own
#: changes end the round). A table too wide for the screen (at 320 px the matrix and the log)
#: scrolls sideways in its box: that box gets a place in the Tab order, so it can be scrolled with
#: the arrow keys; a table that fits gets none. A chart (Vega) is one image named by its Dutch
#: ``alt``, as the maps are: Vega calls it a "visualization" and describes every axis and bar in
#: English ("X-axis titled 'Aantal' for a linear scale"); the numbers follow it as a sentence and
#: a table. One observer per document.
#:
#: 2.5.3 Label in name: the calendar's month and year buttons show "december" and "2026" but are
#: named "maand" and "jaar" only (axe: label-content-name-mismatch); their name gets what they
#: show ("maand: december"), again whenever it changes.
#:
#: 2.4.3 and 2.1.1, the keyboard's place: when a rerun disables or redraws the control that had
#: the focus, the browser puts the focus on the page itself (``<body>``), and the next Tab starts
#: from the top. That happens when an agenda item moved with "↓ Omlaag" reaches the end (its button
#: is disabled there). The focus then goes back to the same control, found by its Streamlit key
#: (the ``st-key-…`` class of its box), or, when that is disabled, to the first usable control in
#: its row ("↑ Omhoog"). Only then: a control the person left themselves is still there, usable.
#: When the action removed the control altogether (the last agenda draft deleted), the focus goes
#: to the answer to that action, drawn where the control was (``feedback.answer_at``); when a
#: button took its place, keyed as the removed one plus THEN (the "Nee, bewaren" of the question
#: that follows "Concept verwijderen"), to that button.
#:
#: What is copied from a page is what it reads: the invisible joiners ``literal`` puts into a
#: person's text (after ``https:``, an ``@``, the ``:`` of a time) are left out of the clipboard,
#: so a copied web address or e-mail address works where it is pasted.
FIXES_SCRIPT = (
    """
if (!window.toolkaartFixes) {
  const RULES = RULES_JSON.map(([where, what, english, dutch]) => [where, what, new RegExp(english), dutch]);
  const relabel = () => {
    for (const [where, what, english, dutch] of RULES) {
      for (const element of document.querySelectorAll(where)) {
        if (what === "text") {
          for (const node of element.childNodes) {
            if (node.nodeType === Node.TEXT_NODE && english.test(node.nodeValue)) {
              node.nodeValue = node.nodeValue.replace(english, dutch);
            }
          }
        } else {
          const value = element.getAttribute(what);
          if (value && english.test(value)) element.setAttribute(what, value.replace(english, dutch));
        }
      }
    }
  };
  const scrollable = () => {
    const boxes = '[data-testid="stTable"] > div, [data-testid="stMarkdownContainer"] table, '
      + TABLE_SELECTOR;
    for (const box of document.querySelectorAll(boxes)) {
      const wide = box.scrollWidth > box.clientWidth + 1;
      if (wide && box.getAttribute("tabindex") !== "0") box.setAttribute("tabindex", "0");
      if (!wide && box.hasAttribute("tabindex")) box.removeAttribute("tabindex");
    }
  };
  const charts = () => {
    for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
      if (chart.getAttribute("role") !== "img") chart.setAttribute("role", "img");
      if (chart.hasAttribute("aria-roledescription")) chart.removeAttribute("aria-roledescription");
      const svg = chart.querySelector("svg");
      if (svg && svg.getAttribute("aria-hidden") !== "true") svg.setAttribute("aria-hidden", "true");
    }
  };
  let last = null;
  let lastKey = null;
  document.addEventListener("focusin", (event) => {
    last = event.target;
    const keyed = last.closest('[class*="st-key-"]');
    lastKey = keyed ? [...keyed.classList].find((name) => name.startsWith("st-key-")) : null;
  });
  const USABLE = 'button:not(:disabled), input:not(:disabled), textarea:not(:disabled), a[href]';
  const refocus = () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    if (!last || !lastKey || (last.isConnected && !last.disabled)) return;
    const place = document.querySelector("." + CSS.escape(lastKey));
    const then = document.querySelector("." + CSS.escape(lastKey + THEN) + " " + "button");
    if (!place && then) {  // the control that took its place (a question after a first click)
      then.focus();
      return;
    }
    if (!place) {  // the action removed its control: to its answer, drawn where it was
      const answer = document.querySelector(ANSWERS);
      if (answer) {
        answer.setAttribute("tabindex", "-1");
        answer.focus();
      }
      return;
    }
    const row = place.closest('[data-testid="stHorizontalBlock"]') || place;
    const target = place.querySelector(USABLE) || row.querySelector(USABLE);
    if (target) target.focus();
  };
  const pickers = () => {
    const where = '[data-testid="stDateInputCalendar"] button[aria-haspopup="listbox"]';
    for (const button of document.querySelectorAll(where)) {
      if (button.dataset.toolkaartName === undefined) {
        button.dataset.toolkaartName = button.getAttribute("aria-label") || "";
      }
      const shown = button.textContent.trim();
      const name = shown ? `${button.dataset.toolkaartName}: ${shown}` : button.dataset.toolkaartName;
      if (button.getAttribute("aria-label") !== name) button.setAttribute("aria-label", name);
    }
  };
  const apply = () => {
    relabel(); scrollable(); charts(); pickers();
    requestAnimationFrame(() => setTimeout(refocus));  // after the browser moved the focus
  };
  window.toolkaartFixes = new MutationObserver(apply);
  window.toolkaartFixes.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true,
    attributeFilter: [
      "aria-label", "aria-valuetext", "role", "aria-roledescription", "aria-hidden", "disabled",
    ],
  });
  window.addEventListener("resize", scrollable);
  document.addEventListener("copy", (event) => {
    const selection = window.getSelection();
    const chosen = String(selection);
    if (!chosen.includes(JOINER) || !event.clipboardData || !selection.rangeCount) return;
    const copied = document.createElement("div");  // with its markup, for Word and Outlook
    for (let index = 0; index < selection.rangeCount; index++) {
      copied.append(selection.getRangeAt(index).cloneContents());
    }
    event.clipboardData.setData("text/html", copied.innerHTML.replaceAll(JOINER, ""));
    event.clipboardData.setData("text/plain", chosen.replaceAll(JOINER, ""));
    event.preventDefault();
  });
  apply();
}
""".replace("TABLE_SELECTOR", json.dumps(f".{TABLE_CLASS}"))
    .replace("JOINER", json.dumps(JOINER))
    .replace("THEN", json.dumps(THEN))
    .replace("RULES_JSON", json.dumps(_rules(), ensure_ascii=False).replace("</", "<\\/"))
    .replace(
        "ANSWERS",
        json.dumps(
            ", ".join(
                f'[class*="st-key-{ANSWER_KEY}"] [role="{role}"]' for role in ("alert", "status")
            )
        ),
    )
)
