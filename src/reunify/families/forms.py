"""Forms parse what people type; the services decide whether it may be recorded."""

from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.families.choices import (
    PARENTAL_ROLES,
    BirthDatePrecision,
    CustodyKind,
    MemberRole,
    RelationshipEvidence,
    ReunionMethod,
    ReunionSetting,
    SeparationReason,
    Sex,
)
from reunify.families.countries import country_choices
from reunify.families.languages import resolve_language
from reunify.families.models import Facility, Membership, Separation
from reunify.families.services import PersonDetails

MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def apply_service_errors(form: forms.Form, error: ValidationError, *, prefix: str = "") -> None:
    """Show a service's field errors beside the form's fields, the rest above the form."""
    for field, messages in error.message_dict.items():
        name = field.removeprefix(prefix)
        target = name if name in form.fields else None
        for message in messages:
            form.add_error(target, message if target else f"{field}: {message}")


class MemberChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.person.full_name} ({obj.get_role_display()})"


class MembersChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Membership) -> str:
        return obj.person.full_name


class SeparationsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Separation) -> str:
        return (
            f"{obj.child.full_name} apart from {obj.parent.full_name} "
            f"since {obj.separated_at:%Y-%m-%d}"
        )


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Name, A-number or other identifier",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True, "autocomplete": "off"}),
    )


class PersonForm(forms.Form):
    given_names = forms.CharField(max_length=200)
    first_surname = forms.CharField(max_length=100, required=False)
    second_surname = forms.CharField(max_length=100, required=False)
    sex = forms.ChoiceField(choices=Sex.choices, initial=Sex.UNKNOWN)
    birth_date = forms.DateField(required=False, widget=DAY)
    birth_date_precision = forms.ChoiceField(
        choices=[c for c in BirthDatePrecision.choices if c[0] != BirthDatePrecision.UNKNOWN],
        initial=BirthDatePrecision.DAY,
        label="The birth date is",
    )
    birth_date_estimated = forms.BooleanField(required=False, label="Estimated")
    citizenship = forms.ChoiceField(choices=[("", "Not recorded")], required=False)
    languages = forms.CharField(
        max_length=200,
        required=False,
        help_text="Names or ISO 639-3 codes, first the one they speak best: K'iche', Spanish",
        widget=forms.TextInput(attrs={"list": "language-names"}),
    )
    literate = forms.NullBooleanField(
        label="Reads and writes",
        widget=forms.Select(choices=[("unknown", "Not known"), ("true", "Yes"), ("false", "No")]),
    )
    a_number = forms.CharField(max_length=20, required=False, label="A-number")
    role = forms.ChoiceField(choices=MemberRole.choices)
    evidence = forms.ChoiceField(
        choices=RelationshipEvidence.choices,
        initial=RelationshipEvidence.OFFICER_OBSERVATION,
        label="Evidence of the relationship",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        citizenship = self.fields["citizenship"]
        assert isinstance(citizenship, forms.ChoiceField)
        citizenship.choices = [("", "Not recorded"), *country_choices()]

    def clean_languages(self) -> tuple[str, ...]:
        codes: list[str] = []
        for written in str(self.cleaned_data.get("languages") or "").split(","):
            if not written.strip():
                continue
            code = resolve_language(written)
            if code is None:
                raise ValidationError(f"Unknown language {written.strip()!r}.")
            if code not in codes:
                codes.append(code)
        return tuple(codes)

    def person_details(self) -> PersonDetails:
        data = self.cleaned_data
        a_number = data["a_number"].strip()
        return PersonDetails(
            given_names=data["given_names"],
            first_surname=data["first_surname"],
            second_surname=data["second_surname"],
            sex=data["sex"],
            birth_date=data["birth_date"],
            birth_date_precision=data["birth_date_precision"],
            birth_date_estimated=data["birth_date_estimated"],
            citizenship=data["citizenship"],
            languages=data["languages"],
            literate=data["literate"],
            identifiers=(("A_NUMBER", a_number),) if a_number else (),
        )


class MemberFormSetBase(forms.BaseFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        if any(self.errors):
            return
        filled = [form for form in self.forms if form.has_changed()]
        if not filled:
            raise ValidationError("Record at least one member.")


MemberFormSet = forms.formset_factory(
    PersonForm, formset=MemberFormSetBase, extra=3, max_num=12, validate_max=True
)


class FamilyUnitForm(forms.Form):
    apprehended_at = forms.DateTimeField(widget=MOMENT, label="Apprehended at")
    station = forms.ModelChoiceField(
        queryset=Facility.objects.filter(kind=CustodyKind.BORDER_STATION).order_by("name"),
        label="Border station",
    )
    apprehension_event_id = forms.CharField(
        max_length=64, required=False, label="Apprehension event id (if the agency gave one)"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["apprehended_at"].initial = timezone.localtime().replace(
            second=0, microsecond=0
        )


class CustodyMoveForm(forms.Form):
    person = MemberChoiceField(queryset=Membership.objects.none(), label="Who moves")
    kind = forms.ChoiceField(choices=CustodyKind.choices, label="Into")
    facility = forms.ModelChoiceField(
        queryset=Facility.objects.order_by("kind", "name"),
        required=False,
        help_text="For a station, a detention facility or a shelter.",
    )
    detail = forms.CharField(
        max_length=300, required=False, help_text="For a sponsor: their name and city."
    )
    country = forms.ChoiceField(choices=[("", "—")], required=False, help_text="For a removal.")
    moved_at = forms.DateTimeField(widget=MOMENT, label="When")

    def __init__(self, *args: Any, members: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = Membership.objects.filter(pk__in=[m.pk for m in members]).select_related(
            "person"
        )
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)
        country.choices = [("", "—"), *country_choices()]
        self.fields["moved_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class SeparationForm(forms.Form):
    parent = MemberChoiceField(queryset=Membership.objects.none(), label="Parent or guardian")
    children = MembersChoiceField(
        queryset=Membership.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Children separated from them",
    )
    separated_at = forms.DateTimeField(widget=MOMENT, label="Separated at")
    reason = forms.ChoiceField(choices=[("", "Choose a reason"), *SeparationReason.choices])
    reason_detail = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Explanation"
    )

    def __init__(self, *args: Any, members: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [m.pk for m in members]
        parent = self.fields["parent"]
        children = self.fields["children"]
        assert isinstance(parent, forms.ModelChoiceField)
        assert isinstance(children, forms.ModelMultipleChoiceField)
        parent.queryset = Membership.objects.filter(
            pk__in=ids, role__in=PARENTAL_ROLES
        ).select_related("person")
        children.queryset = Membership.objects.filter(
            pk__in=ids, role=MemberRole.CHILD
        ).select_related("person")
        self.fields["separated_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class ReunionForm(forms.Form):
    separations = SeparationsChoiceField(
        queryset=Separation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Separations this reunion ends",
    )
    reunited_at = forms.DateTimeField(widget=MOMENT, label="Reunited at")
    setting = forms.ChoiceField(choices=ReunionSetting.choices, label="Where")
    method = forms.ChoiceField(choices=ReunionMethod.choices, label="How")
    place = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, open_separations: list[Separation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["separations"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Separation.objects.filter(
            pk__in=[s.pk for s in open_separations]
        ).select_related("parent", "child")
        self.fields["reunited_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


def as_aware(moment: datetime) -> datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
