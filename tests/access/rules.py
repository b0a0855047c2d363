"""Who may use each endpoint, declared by the named cast (tests/conftest.py), not
derived from the code it checks: changing who may do what means changing this table.

olivia field officer · sam supervisor · carmen case manager · luis counsel · tomas
tracing · ada auditor · abel administrator.

This table is about roles. Scope narrows it: counsel see only their clients, a case
manager the children held at their shelter and those children's family units. The
records the matrix asks for are all in Luis's and Carmen's scope (tests/access/world.py),
so "SIGNED_IN" here means "every role, for a record in the user's scope"; a record
outside it answers 404 on every route, which tests/access/test_idor.py checks.
"""

ANONYMOUS = "anonymous"

EVERYONE = frozenset({ANONYMOUS, "olivia", "sam", "carmen", "luis", "tomas", "ada", "abel"})
SIGNED_IN = EVERYONE - {ANONYMOUS}
# Record families, notices, elections, removals (field officers, supervisors, admins).
OFFICERS = frozenset({"olivia", "sam", "abel"})
CUSTODY = OFFICERS | {"carmen"}  # case managers move a child's custody
REUNIONS = CUSTODY | {"tomas"}  # and tracing teams record reunions
SUPERVISOR_ONLY = frozenset({"sam"})  # acknowledge elections, decide gate overrides
DATA_STEWARDS = frozenset({"abel", "ada"})  # imports and quarantine: admin, and oversight
LINK_REVIEW = frozenset({"abel", "tomas", "ada"})  # decide (admin, tracing) or read (audit)
HISTORY_READERS = frozenset({"sam", "ada", "abel"})  # who changed and who looked
TRACERS = frozenset({"tomas", "abel"})  # tracing cases, attempts, reunifications
TRACING_CONTACTS = TRACERS | {"carmen"}  # case managers log a child's calls with the parent
TRACING_READERS = TRACING_CONTACTS | {"sam", "ada"}  # queues, cases and dashboard
ADMINISTRATORS = frozenset({"abel"})  # users, roles, counsel grants, shelter assignments
NOBODY: frozenset[str] = frozenset()

RULES: dict[str, frozenset[str]] = {
    "api GET /family-units": SIGNED_IN,
    "api GET /family-units/{family_unit_id}": SIGNED_IN,
    "api GET /notices/by-code/{code}": SIGNED_IN,
    "api GET /notices/{notice_id}": SIGNED_IN,
    "api GET /notices/{notice_id}/pdf": SIGNED_IN,
    "api GET /persons": SIGNED_IN,
    "api GET /persons/{person_id}": SIGNED_IN,
    "api GET /persons/{person_id}/elections": SIGNED_IN,
    "api GET /persons/{person_id}/gate": SIGNED_IN,
    "api GET /persons/{person_id}/notices": SIGNED_IN,
    "api GET /persons/{person_id}/removal-plans": SIGNED_IN,
    "api GET /removal-plans/{plan_id}": SIGNED_IN,
    "api POST /elections/{election_id}/acknowledgment": SUPERVISOR_ONLY,
    "api POST /elections/{election_id}/withdrawal": OFFICERS,
    "api POST /notices/{notice_id}/delivery": OFFICERS,
    "api POST /override-requests/{override_id}/decision": SUPERVISOR_ONLY,
    "api POST /persons/search": SIGNED_IN,
    "api POST /persons/{person_id}/elections": OFFICERS,
    "api POST /persons/{person_id}/notices": OFFICERS,
    "api POST /persons/{person_id}/removal-plans": OFFICERS,
    "api POST /removal-plans/{plan_id}/cancellation": OFFICERS,
    "api POST /removal-plans/{plan_id}/execution": OFFICERS,
    "api POST /removal-plans/{plan_id}/override-requests": OFFICERS,
    "api POST /removal-plans/{plan_id}/schedule": OFFICERS,
    "api PUT /removal-plans/{plan_id}/itinerary": OFFICERS,
    "api GET /tracing/cases": TRACING_READERS,
    "api GET /tracing/cases/{case_id}": TRACING_READERS,
    "api GET /tracing/figures": TRACING_READERS,
    "api POST /tracing/cases": TRACERS,
    "api POST /tracing/cases/{case_id}/attempts": TRACERS,
    "api POST /tracing/cases/{case_id}/contacts": TRACING_CONTACTS,
    "api POST /tracing/cases/{case_id}/parole-steps": TRACERS,
    "api POST /tracing/cases/{case_id}/referrals": TRACERS,
    "api POST /tracing/cases/{case_id}/reunification": TRACERS,
    "api PUT /tracing/cases/{case_id}/reunification-plan": TRACERS,
    "page accounts:sign-in": EVERYONE,
    "page accounts:sign-out": EVERYONE,
    "page accounts:two-factor": SIGNED_IN,  # required for some roles, open to all
    "page accounts:password-change": SIGNED_IN,
    "page accounts:users": ADMINISTRATORS,
    "page accounts:user-new": ADMINISTRATORS,
    "page accounts:user": ADMINISTRATORS,
    "page accounts:user-role": ADMINISTRATORS,
    "page accounts:user-deactivation": ADMINISTRATORS,
    "page accounts:user-password-reset": ADMINISTRATORS,
    "page accounts:user-reactivation": ADMINISTRATORS,
    "page accounts:grants": ADMINISTRATORS,
    "page accounts:grant-revocation": ADMINISTRATORS,
    "page accounts:shelters": ADMINISTRATORS,
    "page accounts:shelter-assignment-end": ADMINISTRATORS,
    "page elections:election-acknowledgment": SUPERVISOR_ONLY,
    "page elections:election-new": OFFICERS,
    "page elections:election-withdrawal": OFFICERS,
    "page elections:notice-by-code": SIGNED_IN,
    "page elections:notice-delivery": OFFICERS,
    "page elections:notice-find": SIGNED_IN,
    "page elections:notice-new": OFFICERS,
    "page elections:notice-pdf": SIGNED_IN,
    "page elections:parent": SIGNED_IN,
    "page families:custody-move": CUSTODY,
    "page families:family-unit": SIGNED_IN,
    "page families:family-unit-new": OFFICERS,
    "page families:member-add": OFFICERS,
    "page audit:log": DATA_STEWARDS,
    "page families:person": SIGNED_IN,
    "page families:person-history": HISTORY_READERS,
    "page families:reunion-new": REUNIONS,
    "page families:search": SIGNED_IN,
    "page families:separation-new": OFFICERS,
    "page imports:batch": DATA_STEWARDS,
    "page imports:batches": DATA_STEWARDS,
    "page linkage:family-link": LINK_REVIEW,
    "page linkage:family-queue": LINK_REVIEW,
    "page linkage:pair": LINK_REVIEW,
    "page linkage:queue": LINK_REVIEW,
    # Figures for every signed-in role; the people listed are each user's scope.
    "page oversight:removals": SIGNED_IN,
    "page removals:override-decision": SUPERVISOR_ONLY,
    "page removals:plan": SIGNED_IN,
    "page removals:plan-gated-step": OFFICERS,
    "page removals:plan-itinerary": OFFICERS,
    "page removals:plan-new": OFFICERS,
    "page removals:plan-reasoned": OFFICERS,
    "page removals:supervision": SUPERVISOR_ONLY,
    "page tracing:case": TRACING_READERS,
    "page tracing:case-contact": TRACING_CONTACTS,
    "page tracing:case-new": TRACERS,
    "page tracing:case-step": TRACERS,
    "page tracing:dashboard": TRACING_READERS,
    "page tracing:open-cases": TRACERS,
    "page tracing:queue": TRACING_READERS,
    "page tracing:removed-parents": TRACING_READERS,
    "page web:health": EVERYONE,
    "page web:home": SIGNED_IN,
}
