"""Services: the only code that changes notices and elections."""

from reunify.elections.services.elections import (
    ElectionDetails,
    election_acknowledge,
    election_record,
    election_withdraw,
)
from reunify.elections.services.notices import notice_delivery_record, notice_prepare

__all__ = [
    "ElectionDetails",
    "election_acknowledge",
    "election_record",
    "election_withdraw",
    "notice_delivery_record",
    "notice_prepare",
]
