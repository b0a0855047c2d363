"""The roles of DESIGN.md "Users and roles", and what each may do.

This module answers only "may this role do X at all". Which records a user may see is
scope, answered by the selectors in `families.selectors` from counsel grants and shelter
assignments.
"""

from django.db import models


class Role(models.TextChoices):
    FIELD_OFFICER = "FIELD_OFFICER", "Field officer"
    SUPERVISOR = "SUPERVISOR", "Supervisor"
    CASE_MANAGER = "CASE_MANAGER", "Child case manager"
    COUNSEL = "COUNSEL", "Counsel"
    TRACING = "TRACING", "Tracing team"
    AUDITOR = "AUDITOR", "Oversight auditor"
    ADMINISTRATOR = "ADMINISTRATOR", "Administrator"


# Who may record family units, custody moves, separations and reunions.
FAMILY_RECORDERS = frozenset({Role.FIELD_OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR})
# Case managers move a child's custody (shelter to sponsor) and record reunions.
CUSTODY_RECORDERS = FAMILY_RECORDERS | {Role.CASE_MANAGER}
REUNION_RECORDERS = CUSTODY_RECORDERS | {Role.TRACING}
SEPARATION_AUTHORISERS = frozenset({Role.SUPERVISOR, Role.FIELD_OFFICER, Role.ADMINISTRATOR})
# Who prepares and delivers notices, records elections and plans removals.
ELECTION_RECORDERS = frozenset({Role.FIELD_OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR})
REMOVAL_OFFICERS = frozenset({Role.FIELD_OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR})
# The inspector general's "acknowledged": a supervisor, never the recorder.
ELECTION_ACKNOWLEDGERS = frozenset({Role.SUPERVISOR})
GATE_OVERRIDERS = frozenset({Role.SUPERVISOR})
# Who may import agency extracts (the command line runs as the operator, no account).
EXTRACT_IMPORTERS = frozenset({Role.ADMINISTRATOR})
# Who may read imports and their quarantined rows (personal data, data quality).
IMPORT_READERS = frozenset({Role.ADMINISTRATOR, Role.AUDITOR})
# Who may run record linkage (it rewrites which record is which person).
LINKAGE_RUNNERS = frozenset({Role.ADMINISTRATOR})
# Who decides pairs linkage was unsure of, and who may read those decisions.
LINK_REVIEWERS = frozenset({Role.ADMINISTRATOR, Role.TRACING})
LINK_REVIEW_READERS = LINK_REVIEWERS | {Role.AUDITOR}
# Supervisors' queue: elections to acknowledge, override requests to decide.
SUPERVISORS = ELECTION_ACKNOWLEDGERS | GATE_OVERRIDERS
# Who must sign in with a second factor (an authenticator app) as well as a password.
SECOND_FACTOR_ROLES = frozenset({Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR})
# Who may read a record's history: who changed and who looked at it.
RECORD_HISTORY_READERS = frozenset({Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR})
# Who may browse the whole audit log.
AUDIT_LOG_READERS = frozenset({Role.AUDITOR, Role.ADMINISTRATOR})
# Who see every record; counsel and case managers see only their scope (families.selectors).
SEES_EVERY_RECORD = frozenset(
    {Role.FIELD_OFFICER, Role.SUPERVISOR, Role.TRACING, Role.AUDITOR, Role.ADMINISTRATOR}
)
# Who manage users, roles, counsel grants and shelter assignments.
USER_ADMINISTRATORS = frozenset({Role.ADMINISTRATOR})
# Tracing (issue 6): the team traces; case managers also log a child's calls and visits
# with the parent; supervisors and oversight read the cases, queues and dashboard.
TRACERS = frozenset({Role.TRACING, Role.ADMINISTRATOR})
TRACING_CONTACT_RECORDERS = TRACERS | {Role.CASE_MANAGER}
TRACING_READERS = TRACING_CONTACT_RECORDERS | {Role.SUPERVISOR, Role.AUDITOR}
