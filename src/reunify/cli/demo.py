"""`reunify demo`: generated families and one user per role, to try Reunify safely."""

import argparse
import sys
import time

from django.conf import settings
from tqdm import tqdm

from reunify.accounts.models import User
from reunify.cli.errors import CommandFailed
from reunify.demo.load_world import load_world
from reunify.demo.scope import DemoScope, ensure_demo_scope
from reunify.demo.users import (
    DEMO_AUTHENTICATOR_KEY,
    DEMO_PASSWORD,
    DEMO_USERS,
    ensure_demo_users,
)
from reunify.families.models import FamilyUnit
from reunify.oversight.report_store import removals_reports_refresh
from reunify.synth import build_world
from reunify.tracing.services import tracing_cases_open_for_separated_children

DEMO_SCOPED = ("admin", "counsel", "casemanager")


def demo_scope() -> DemoScope:
    users = {user.username: user for user in User.objects.filter(username__in=DEMO_SCOPED)}
    return ensure_demo_scope(
        admin=users["admin"], counsel=users["counsel"], case_manager=users["casemanager"]
    )


def sign_in_instructions(scope: DemoScope) -> str:
    names = ", ".join(f"{u.username} ({u.role.label.lower()})" for u in DEMO_USERS)
    where = f"the children held at {scope.shelter}" if scope.shelter else "no shelter yet"
    return (
        f"Sign in at http://127.0.0.1:8000/ as any of: {names}\n"
        f"counsel sees only their {scope.clients} clients; casemanager sees {where}\n"
        f"Every demo user's password is: {DEMO_PASSWORD}\n"
        "The supervisor, auditor and admin also give a code from an authenticator app: "
        f"add the demo key {DEMO_AUTHENTICATOR_KEY} to one "
        f"(or run: oathtool --totp -b {DEMO_AUTHENTICATOR_KEY})"
    )


def demo(arguments: argparse.Namespace) -> int:
    if settings.IN_PRODUCTION:
        raise CommandFailed("refusing to load demo data into a production deployment")
    ensure_demo_users()
    if arguments.if_empty and FamilyUnit.objects.exists():
        print(f"Demo data already loaded ({FamilyUnit.objects.count():,} family units).")
        print(sign_in_instructions(demo_scope()))
        return 0
    started = time.monotonic()
    world = build_world(families=arguments.families, seed=arguments.seed)
    with tqdm(
        desc="Loading demo families",
        unit=" rows",
        disable=not sys.stderr.isatty(),
        file=sys.stderr,
    ) as bar:
        counts = load_world(world, progress=bar.update)
    # Loaded in bulk, the separations opened no tracing case; the sweep a schedule runs
    # opens one for each child still apart, so the tracing team has a queue to work.
    traced = tracing_cases_open_for_separated_children(actor=None)
    # The oversight page reads a kept report: keep one of what was just loaded.
    removals_reports_refresh(actor=None)
    elapsed = time.monotonic() - started
    print(
        f"Loaded {counts.families:,} family units, {counts.persons:,} people, "
        f"{counts.custody_episodes:,} custody episodes, {counts.separations:,} separations, "
        f"{counts.reunions:,} reunions and {traced['opened']:,} tracing cases "
        f"in {elapsed:.1f} s."
    )
    print(sign_in_instructions(demo_scope()))
    return 0
