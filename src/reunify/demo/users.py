"""One demo user per role, so a newcomer can see Reunify as each of its users does."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import SecondFactor, User
from reunify.accounts.roles import Role
from reunify.accounts.second_factor import needs_second_factor

# A demo database is for trying Reunify on one's own machine; `reunify demo` refuses to
# run in production, so this published password never guards real records.
DEMO_PASSWORD = "reunify-demo-2026"  # noqa: S105 - published on purpose, see above
# The demo supervisor, auditor and administrator share this authenticator key (TOTP),
# published for the same reason: add it to any authenticator app to sign in as them.
DEMO_AUTHENTICATOR_KEY = "OJSXK3TJMZ4SAZDFNVXSAMRQGI3CA33L"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: Role
    organisation: str


DEMO_USERS = (
    DemoUser("officer", "Olivia", "Field", Role.FIELD_OFFICER, "Border Patrol, Rio Grande Valley"),
    DemoUser("supervisor", "Sam", "Super", Role.SUPERVISOR, "Border Patrol, Rio Grande Valley"),
    DemoUser("casemanager", "Carmen", "Case", Role.CASE_MANAGER, "Casa Esperanza Shelter"),
    DemoUser("counsel", "Luis", "Counsel", Role.COUNSEL, "Legal services provider"),
    DemoUser("tracer", "Tomás", "Trace", Role.TRACING, "Family reunification task force"),
    DemoUser("auditor", "Ada", "Audit", Role.AUDITOR, "Office of Inspector General"),
    DemoUser("admin", "Abel", "Admin", Role.ADMINISTRATOR, "Reunify operations"),
)


@transaction.atomic
def ensure_demo_users() -> list[User]:
    users = []
    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "role": demo.role,
                "organisation": demo.organisation,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if needs_second_factor(user):
            SecondFactor.objects.get_or_create(
                user=user,
                defaults={"secret": DEMO_AUTHENTICATOR_KEY, "confirmed_at": timezone.now()},
            )
        users.append(user)
    return users
