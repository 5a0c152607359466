"""A page that outlived its session: after a reconnect, the page is live before it takes input.

What happens when the server a page talks to goes away (a replica killed or restarted behind the
proxy, a deploy): Streamlit's frontend reconnects its websocket by itself, the proxy sends it to a
server that is up, and that server does not know the session, so it starts a *new* one. The old
page stays on screen. Streamlit 1.67's frontend does not ask the new session for a script run (it
had a session before, and no run was going on), so the first thing the new session receives is
the person's next click: a rerun request carrying the value of every widget on the old page. The
new session takes those values, but it cannot run their callbacks: it learns a widget's callback
only when the script draws that widget, and it has drawn nothing yet. So a tick (``on_change``)
and the gate form's button (``on_click``) were dropped silently, while the page showed the tick as
made: behind HAProxy every tick made right after the move was lost (50 of 50 when first measured,
5 of 5 in ``tests/service/test_failover.py`` before this module).

Saving the old page's values in that first run is not safe either: the new session reads the
project afresh from the database, and the old page may show a version that someone else has
changed since, so a difference between the two may be their change, not this person's click.

So, two parts:

1. ``rerun_after_reconnect`` (every page, from ``app.py``): an empty fragment that reruns itself
   every hour. The frontend asks for a script run right after a reconnect when the page has such
   a fragment, so the new session draws the page at once, from the database, and registers every
   widget with its callback before the person's next click: that click is then saved as usual.
2. Until a session has drawn a control, it does not act on the page's value for it. The gate walk
   (``gate_form``) saves a phase's ticks only once this session has drawn that checklist and
   found its boxes agreeing with the stored walk; a box that disagrees is set back to the stored
   walk and the person is told, right there, that a tick of just before may not have been
   processed. The gate form's button is not acted on before the session has finished a run
   (``settled``); the person is asked to press it again, and what they typed stays. This covers a
   click that overtakes the reconnect's run, and a page showing a version that changed meanwhile.
   Every other button that acts through a callback (agenda, Leden, evidence, people, notes) does
   the same through ``missed_click``: the click is not acted on, and the person is told so beside
   the button instead of seeing nothing happen.

``tests/service/test_failover.py`` kills a replica under five people who are ticking.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from toolkaart.i18n.catalog import t
from toolkaart.web.feedback import tell

_RAN = "session.ran"
#: How often the empty fragment reruns: rarely, its only job is to exist (see the module text).
RERUN_EVERY = dt.timedelta(hours=1)


def settled() -> bool:
    """Has this session finished a script run, so that Streamlit knows the callbacks of the
    widgets on the person's page? (False in a session's first run, also in a new session that a
    page from a lost one reconnected to.)"""
    return bool(st.session_state.get(_RAN))


def run_ended() -> None:
    """The run drew the page to its end: its widgets and callbacks are known from now on."""
    st.session_state[_RAN] = True


@st.fragment(run_every=RERUN_EVERY)
def rerun_after_reconnect() -> None:
    """Draws nothing: a page with a fragment that reruns on a timer is rerun by Streamlit's
    frontend as soon as its websocket reconnects, also to a server that does not know it."""


def missed_click(pressed: bool, place: str) -> None:
    """Say so when a button was pressed on a page from a lost session: its callback did not run.

    A new session learns a button's callback only by drawing it, so a click that reaches it first
    is not acted on; the button still reads as pressed in that first run. The answer is queued for
    ``place`` and the page drawn again, so that it appears before the button (``answer_at``), where
    the person is; what they typed in the page's fields stays.
    """
    if pressed and not settled():
        tell(place, "warning", t("walk.reconnected.click"))
        st.rerun()
