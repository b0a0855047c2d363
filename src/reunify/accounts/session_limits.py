"""Idle and absolute limits on a signed-in session (OWASP ASVS 5.0, V7.3).

A session left alone for `SESSION_IDLE_SECONDS` ends, however recently it began; one that
began `SESSION_ABSOLUTE_SECONDS` ago ends however busy it is. Both times live in the
session itself, so the limits hold on every worker without any shared state.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from reunify.accounts.second_factor import VERIFIED

STARTED = "session_started_at"
LAST_SEEN = "session_last_seen_at"
# Writing "last seen" on every request would write the session row on every request;
# a minute's precision is plenty for a limit counted in tens of minutes.
TOUCH_EVERY = 60


@receiver(user_logged_in)
def session_started(sender: object, request: HttpRequest, **kwargs: object) -> None:
    now = int(time.time())
    request.session[STARTED] = now
    request.session[LAST_SEEN] = now
    # A new sign-in owes its own second factor, even in a session that gave one before.
    request.session.pop(VERIFIED, None)


def ended_because(started: int, last_seen: int, now: int) -> str | None:
    """Why a session started and last seen at these times has ended, or None."""
    if now - started >= settings.SESSION_ABSOLUTE_SECONDS:
        hours = settings.SESSION_ABSOLUTE_SECONDS // 3600
        return f"You were signed out: a session lasts at most {hours} hours. Please sign in again."
    if now - last_seen >= settings.SESSION_IDLE_SECONDS:
        minutes = settings.SESSION_IDLE_SECONDS // 60
        return (
            f"You were signed out after {minutes} minutes without activity. Please sign in again."
        )
    return None


class SessionLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and STARTED in request.session:
            now = int(time.time())
            started, last_seen = request.session[STARTED], request.session.get(LAST_SEEN, 0)
            reason = ended_because(started, last_seen, now)
            if reason is not None:
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)  # answers 401 as anonymous
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= TOUCH_EVERY:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
