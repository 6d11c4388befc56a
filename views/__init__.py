"""The dashboard's pages, one file per view, registered by dashboard.py with st.navigation.

Not called ``pages/``: Streamlit still treats a ``pages/`` folder beside the entry script as a legacy
multipage app, and on a freshly started server whose first request is a deep link
(``/explorer?theme=…``, as a shared link is) it runs that page alone — no navigation, no sidebar filters —
for every session until someone opens the root URL. tests/test_browser.py opens such a link first.
"""
