"""The only code that changes tracing records: one transaction and one history entry each."""

from reunify.tracing.services.attempts import contact_attempt_record, contact_detail_add
from reunify.tracing.services.case_facts import (
    tracing_cases_follow_custody,
    tracing_cases_refresh_denormalised,
)
from reunify.tracing.services.case_sweep import tracing_cases_open_for_separated_children
from reunify.tracing.services.cases import (
    tracing_case_assign,
    tracing_case_decline,
    tracing_case_open,
    tracing_case_set_state,
)
from reunify.tracing.services.contacts import parent_child_contact_record
from reunify.tracing.services.reunification import (
    parole_step_record,
    reunification_plan,
    reunification_record,
    service_referral_record,
)

__all__ = [
    "contact_attempt_record",
    "contact_detail_add",
    "parent_child_contact_record",
    "parole_step_record",
    "reunification_plan",
    "reunification_record",
    "service_referral_record",
    "tracing_case_assign",
    "tracing_case_decline",
    "tracing_case_open",
    "tracing_case_set_state",
    "tracing_cases_follow_custody",
    "tracing_cases_open_for_separated_children",
    "tracing_cases_refresh_denormalised",
]
