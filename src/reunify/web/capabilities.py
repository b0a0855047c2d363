"""`may` in every template: what the signed-in user's role lets them do, so pages offer
only the actions that would not be refused (the views and services refuse the rest)."""

from django.http import HttpRequest

from reunify.accounts import roles
from reunify.accounts.models import User

CAPABILITIES = {
    "record_families": roles.FAMILY_RECORDERS,
    "move_custody": roles.CUSTODY_RECORDERS,
    "separate": roles.SEPARATION_AUTHORISERS,
    "reunite": roles.REUNION_RECORDERS,
    "record_elections": roles.ELECTION_RECORDERS,
    "plan_removals": roles.REMOVAL_OFFICERS,
    "read_history": roles.RECORD_HISTORY_READERS,
    "trace": roles.TRACERS,
}


def may(request: HttpRequest) -> dict[str, dict[str, bool]]:
    user = getattr(request, "user", None)
    role = user.role if isinstance(user, User) and user.is_active else None
    return {"may": {name: role in allowed for name, allowed in CAPABILITIES.items()}}
