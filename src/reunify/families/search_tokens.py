"""Search queries kept out of URLs.

A name typed into search is personal data; in a URL it would land in server logs,
browser history and Referer headers. The query is posted, kept in the user's session
under a random token, and the results page is addressed by the token alone.
"""

import secrets

from django.contrib.sessions.backends.base import SessionBase

SESSION_KEY = "search_queries"
KEPT = 20  # the newest searches stay reachable by Back and pagination


def remember_query(session: SessionBase, query: str) -> str:
    """Keep `query` in the session; returns the token that names it."""
    kept: dict[str, str] = session.get(SESSION_KEY, {})
    for token, known in kept.items():
        if known == query:
            return token
    token = secrets.token_urlsafe(9)
    kept[token] = query
    session[SESSION_KEY] = dict(list(kept.items())[-KEPT:])
    return token


def query_for(session: SessionBase, token: str | None) -> str:
    """The query a token names, or "" for an unknown or expired one."""
    if not token:
        return ""
    kept: dict[str, str] = session.get(SESSION_KEY, {})
    return kept.get(token, "")
