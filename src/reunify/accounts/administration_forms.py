"""Forms of the administration pages. They read input only; the services decide."""

from typing import Any

from django import forms

from reunify.accounts.models import User
from reunify.accounts.roles import Role
from reunify.accounts.selectors import active_users_with_role, person_by_reference
from reunify.families.choices import CustodyKind
from reunify.families.models import Facility, Person


class UserChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: User) -> str:
        return f"{obj} ({obj.username})"


class UserCreateForm(forms.Form):
    username = forms.CharField(
        label="User name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    first_name = forms.CharField(label="Given name", max_length=150)
    last_name = forms.CharField(label="Surname", max_length=150)
    role = forms.ChoiceField(label="Role", choices=Role.choices)
    organisation = forms.CharField(
        label="Organisation", max_length=200, required=False,
        help_text="Agency, office or partner organisation.",
    )  # fmt: skip


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=Role.choices)


class CounselGrantForm(forms.Form):
    counsel = UserChoice(
        label="Counsel", queryset=User.objects.none(), empty_label="Choose counsel"
    )
    client = forms.CharField(
        label="Client",
        max_length=100,
        help_text="The client's A-number, or their Reunify person id.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        counsel = self.fields["counsel"]
        assert isinstance(counsel, forms.ModelChoiceField)
        counsel.queryset = active_users_with_role(Role.COUNSEL)

    def clean_client(self) -> Person:
        found = person_by_reference(self.cleaned_data["client"])
        if not found:
            raise forms.ValidationError("No person has this A-number or id.")
        if len(found) > 1:
            raise forms.ValidationError(
                "More than one person carries this A-number: use the Reunify person id."
            )
        return found[0]


class ShelterAssignmentForm(forms.Form):
    case_manager = UserChoice(
        label="Case manager", queryset=User.objects.none(), empty_label="Choose a case manager"
    )
    shelter = forms.ModelChoiceField(
        label="Shelter",
        queryset=Facility.objects.filter(kind=CustodyKind.SHELTER).order_by("name"),
        empty_label="Choose a shelter",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        case_manager = self.fields["case_manager"]
        assert isinstance(case_manager, forms.ModelChoiceField)
        case_manager.queryset = active_users_with_role(Role.CASE_MANAGER)


class RevocationForm(forms.Form):
    reason = forms.CharField(label="Why is the grant revoked?", max_length=500)
