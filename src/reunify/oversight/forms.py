"""The removals report's filters as a form on the page; the same parsing as the command
line (`filters.parse_filters`), so a filter means one thing everywhere."""

from typing import Any

from django import forms

from reunify.families.choices import CustodyKind
from reunify.families.countries import country_choices
from reunify.families.models import Facility
from reunify.oversight.filters import BadFilter, ReportFilters, parse_filters


def _day(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class RemovalsFilterForm(forms.Form):
    as_of = _day("As the records stood at the end of")
    removed_from = _day("Removed from")
    removed_to = _day("Removed to")
    facility = forms.MultipleChoiceField(label="Held at when removed", required=False, choices=())
    nationality = forms.ChoiceField(label="Nationality", required=False, choices=())

    def __init__(self, *args: Any, today: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        names = Facility.objects.filter(kind=CustodyKind.DETENTION_FACILITY).values_list(
            "name", flat=True
        )
        facility = self.fields["facility"]
        nationality = self.fields["nationality"]
        assert isinstance(facility, forms.MultipleChoiceField)
        assert isinstance(nationality, forms.ChoiceField)
        facility.choices = [(name, name) for name in sorted(names)]
        nationality.choices = [("", "Any"), *country_choices()]

    def report_filters(self) -> ReportFilters:
        """The filters asked for; call after `is_valid()`. An invalid form asks for none."""
        if not self.is_valid():
            return ReportFilters()
        return self.cleaned_data["filters"]  # type: ignore[no-any-return]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            data["filters"] = parse_filters(
                as_of=_text(data.get("as_of")),
                removed_from=_text(data.get("removed_from")),
                removed_to=_text(data.get("removed_to")),
                facilities=data.get("facility") or [],
                nationality=data.get("nationality") or None,
                today=self.today,
            )
        except BadFilter as bad:
            raise forms.ValidationError(str(bad)) from None
        return data


def _text(value: Any) -> str | None:
    return value.isoformat() if value else None
