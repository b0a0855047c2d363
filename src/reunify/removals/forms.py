"""Forms for removal plans and overrides; the services and the gate decide."""

from typing import Any

from django import forms

from reunify.elections.forms import children_field
from reunify.families.countries import country_choices
from reunify.families.forms import MOMENT
from reunify.families.models import Person


class RemovalPlanForm(forms.Form):
    departs_at = forms.DateTimeField(widget=MOMENT, label="Departs at")
    destination_country = forms.ChoiceField(label="Destination")
    itinerary = forms.CharField(max_length=200, label="Carrier, flight or route")

    def __init__(self, *args: Any, children: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["destination_country"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose a country"), *country_choices()]
        self.fields["children"] = children_field(
            "Children on the same itinerary",
            children,
            "A parent who elected to depart with their children travels with them.",
        )


class ItineraryForm(forms.Form):
    def __init__(self, *args: Any, children: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["children"] = children_field("Children on the same itinerary", children)


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Reason")


class OverrideDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("grant", "Grant the override"), ("refuse", "Refuse it")],
        widget=forms.RadioSelect,
        label="Decision",
    )
    justification = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Written justification",
        help_text="Oversight always sees it. At least a full sentence.",
    )
