"""The smallest app that signs in with Streamlit's own st.login: the harness's own test subject."""

import streamlit as st

if not st.user.is_logged_in:
    st.button("Aanmelden", on_click=st.login)
else:
    st.write(st.user.email)
    st.write(st.user.name)
    st.write(st.user.sub)
    st.button("Afmelden", on_click=st.logout)
