"""The auditor's log browser: which entries a set of filters selects."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from reunify.audit.models import HistoryEntry

KINDS = [
    ("", "Changes and views"),
    ("changes", "Changes only"),
    ("views", "Views only"),
]


class LogFilterForm(forms.Form):
    kind = forms.ChoiceField(label="Entries", choices=KINDS, required=False)
    action = forms.CharField(
        label="Action starts with", required=False, max_length=80,
        help_text='For example "removal." or "view.family_unit".',
    )  # fmt: skip
    actor = forms.CharField(
        label="Who (user name or label contains)", required=False, max_length=150
    )
    record = forms.UUIDField(label="Record id (a person, family unit or other)", required=False)
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


@dataclass(frozen=True)
class LogFilters:
    kind: str = ""
    action: str = ""
    actor: str = ""
    record: UUID | None = None
    since: date | None = None
    until: date | None = None


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered(entries: QuerySet[HistoryEntry], filters: LogFilters) -> QuerySet[HistoryEntry]:
    if filters.kind == "changes":
        entries = entries.exclude(action__startswith="view.")
    elif filters.kind == "views":
        entries = entries.filter(action__startswith="view.")
    if filters.action:
        entries = entries.filter(action__startswith=filters.action)
    if filters.actor:
        entries = entries.filter(actor_label__icontains=filters.actor)
    if filters.record:
        entries = entries.filter(subject_id=filters.record) | entries.filter(
            family_unit_id=filters.record
        )
    if filters.since:
        entries = entries.filter(at__gte=start_of(filters.since))
    if filters.until:
        entries = entries.filter(at__lt=start_of(filters.until + timedelta(days=1)))
    return entries.order_by("-sequence")
