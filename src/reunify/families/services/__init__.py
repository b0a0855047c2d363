"""The only code that changes family records: one transaction and one history entry each."""

from reunify.families.services.custody import custody_move
from reunify.families.services.family_units import (
    NewMember,
    family_unit_create_at_apprehension,
    membership_add,
)
from reunify.families.services.people import PersonDetails
from reunify.families.services.separations import (
    reunion_record,
    separation_record,
    separations_record_for_children,
)

__all__ = [
    "NewMember",
    "PersonDetails",
    "custody_move",
    "family_unit_create_at_apprehension",
    "membership_add",
    "reunion_record",
    "separation_record",
    "separations_record_for_children",
]
