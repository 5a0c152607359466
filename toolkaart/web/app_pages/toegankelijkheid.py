"""Toegankelijkheidsverklaring: how far the navigator meets WCAG 2.1 AA, in the order of the Dutch
model statement (status, what was tested and how, what was not, known shortcomings with their
criterion, what is being done, contact).

It states only what the tests in this repository check (tests/browser/test_accessibility.py,
test_maps.py, test_every_page.py and test_keyboard_walk.py) and names the rest as untested; the contact address is a placeholder the programme
fills in. It reads no content, so it is there even when the content files are broken.
"""

from __future__ import annotations

import streamlit as st

from toolkaart.i18n.catalog import t
from toolkaart.settings import settings
from toolkaart.web.literal import literal

#: Known shortcomings, each a catalog string ending in its WCAG success criterion.
LIMITATIONS = ("a11y.limit.lang",)

st.title(t("a11y.title"), anchor=False)
st.markdown(t("a11y.intro"))
st.header(t("a11y.status.heading"), anchor=False)
st.markdown(t("a11y.status.body"))
st.header(t("a11y.tested.heading"), anchor=False)
st.markdown(t("a11y.tested.body"))
st.header(t("a11y.untested.heading"), anchor=False)
st.markdown(t("a11y.untested.body"))
st.header(t("a11y.limits.heading"), anchor=False)
st.markdown(t("a11y.limits.intro"))
st.markdown("\n".join(f"- {t(key)}" for key in LIMITATIONS))
st.header(t("a11y.plan.heading"), anchor=False)
st.markdown(t("a11y.plan.body"))
st.header(t("a11y.contact.heading"), anchor=False)
# the service's own contact when its operator named one (TOOLKAART_SUPPORT), as signing in does
support = settings().support
st.markdown(
    t("a11y.contact.body.support", contact=literal(support)) if support else t("a11y.contact.body")
)
