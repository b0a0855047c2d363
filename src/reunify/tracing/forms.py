"""Forms of the tracing pages: they read input; the services decide."""

from typing import Any

from django import forms

from reunify.accounts.models import User
from reunify.accounts.roles import TRACERS
from reunify.families.choices import ReunionMethod, ReunionSetting
from reunify.families.countries import COMMON_CITIZENSHIPS, country_choices, country_name
from reunify.families.forms import DAY, MOMENT
from reunify.tracing.choices import (
    Channel,
    ContactKind,
    DetailKind,
    Outcome,
    ParoleMilestone,
    ServiceKind,
    TracingStateChoices,
)
from reunify.tracing.selectors import AGE_BANDS, DUE, LAST_ATTEMPT, WHEREABOUTS, QueueFilter

ANY = [("", "Any")]
# The queue filters by the countries families come from: a select of every country in
# the world on each queue page cost most of its rendering time.
COUNTRIES = ANY + [(code, country_name(code)) for code in COMMON_CITIZENSHIPS]


class QueueFilterForm(forms.Form):
    state = forms.ChoiceField(
        choices=[("", "Any open state"), *TracingStateChoices.choices], required=False
    )
    age = forms.ChoiceField(
        label="Child's age", choices=ANY + [(k, k) for k in AGE_BANDS], required=False
    )
    nationality = forms.ChoiceField(label="Child's nationality", choices=COUNTRIES, required=False)
    whereabouts = forms.ChoiceField(
        label="Where the parent is", choices=ANY + list(WHEREABOUTS.items()), required=False
    )
    parent_country = forms.ChoiceField(
        label="Country the parent was removed to", choices=COUNTRIES, required=False
    )
    last_attempt = forms.ChoiceField(
        label="Last attempt", choices=ANY + list(LAST_ATTEMPT.items()), required=False
    )
    due = forms.ChoiceField(label="Next action", choices=ANY + list(DUE.items()), required=False)
    assigned = forms.CharField(
        label="Assigned to",
        required=False,
        max_length=200,
        help_text='"me", "nobody", or a partner organisation\'s name',
    )
    no_contact_info = forms.BooleanField(
        label="Only cases with no contact information", required=False
    )

    def question(self) -> QueueFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return QueueFilter(
            state=data.get("state", ""),
            age=data.get("age", ""),
            nationality=data.get("nationality", ""),
            parent_country=data.get("parent_country", ""),
            whereabouts=data.get("whereabouts", ""),
            last_attempt=data.get("last_attempt", ""),
            due=data.get("due", ""),
            assigned=(data.get("assigned") or "").strip(),
            no_contact_info=bool(data.get("no_contact_info")),
        )


class AttemptForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices)
    attempted_at = forms.DateTimeField(label="When", widget=MOMENT)
    outcome = forms.ChoiceField(choices=Outcome.choices)
    detail_text = forms.CharField(
        label="Number, address or account tried",
        required=False,
        max_length=300,
        help_text="A number without its country code is read for the country below.",
    )
    detail_kind = forms.ChoiceField(
        label="Kind of detail (visits, consulates)", choices=DetailKind.choices, required=False
    )
    country = forms.ChoiceField(
        label="Country of the number",
        choices=[("", "Where the parent is"), *country_choices()],
        required=False,
    )
    made_by = forms.CharField(label="Made by (if not you)", required=False, max_length=200)
    partner_organisation = forms.CharField(required=False, max_length=200)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    retry_dead = forms.BooleanField(
        label="I know this detail failed before and am retrying it", required=False
    )


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of contact", choices=ContactKind.choices)
    happened_at = forms.DateTimeField(label="When it happened", widget=MOMENT)
    minutes = forms.IntegerField(label="Minutes", required=False, min_value=1, max_value=1440)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class AssignmentForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label="Tracer", empty_label="Nobody"
    )
    organisation = forms.CharField(label="Partner organisation", required=False, max_length=200)
    next_action = forms.CharField(required=False, max_length=300)
    next_action_due = forms.DateField(label="Next action due", required=False, widget=DAY)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assigned_to"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(is_active=True, role__in=sorted(TRACERS)).order_by(
            "first_name", "last_name"
        )


class StateForm(forms.Form):
    to = forms.ChoiceField(
        label="Move the case to",
        choices=[
            (s, label)
            for s, label in TracingStateChoices.choices
            if s in ("SEARCHING", "LOCATED", "IN_CONTACT")
        ],
    )
    why = forms.CharField(label="Why", required=False, max_length=2000)


class PlanForm(forms.Form):
    setting = forms.ChoiceField(label="Where", choices=ReunionSetting.choices)
    method = forms.ChoiceField(label="How", choices=ReunionMethod.choices)
    place = forms.CharField(required=False, max_length=200)
    planned_for = forms.DateField(label="Planned for", required=False, widget=DAY)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ParoleForm(forms.Form):
    milestone = forms.ChoiceField(label="Parole milestone", choices=ParoleMilestone.choices)
    reached_on = forms.DateField(label="Reached on", widget=DAY)
    notes = forms.CharField(required=False, max_length=2000)


class ReferralForm(forms.Form):
    service = forms.ChoiceField(choices=ServiceKind.choices)
    provider = forms.CharField(max_length=200)
    referred_on = forms.DateField(label="Referred on", widget=DAY)
    notes = forms.CharField(required=False, max_length=2000)


class ReunionForm(forms.Form):
    reunited_at = forms.DateTimeField(label="Reunited at", widget=MOMENT)
    place = forms.CharField(required=False, max_length=200)
