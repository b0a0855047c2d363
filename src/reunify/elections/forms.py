"""Forms for notices and elections. They parse input; the services decide what is allowed."""

from typing import Any

from django import forms

from reunify.elections.choices import (
    LIVE_COUNSEL_CHOICES,
    ElectionForm,
    ElectionOption,
    NoticeDelivery,
    SignatureKind,
)
from reunify.elections.models import Notice
from reunify.elections.notice_document import WRITTEN_NOTICE_LANGUAGES
from reunify.elections.short_codes import short_code_from
from reunify.families.forms import DAY, MOMENT
from reunify.families.languages import common_language_choices, language_name
from reunify.families.models import Person


class PersonChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


def children_field(label: str, children: list[Person], help_text: str = "") -> PersonChoices:
    return PersonChoices(
        queryset=Person.objects.filter(pk__in=[child.pk for child in children]),
        widget=forms.CheckboxSelectMultiple,
        label=label,
        help_text=help_text,
        required=False,
    )


def _language_choices() -> list[tuple[str, str]]:
    return [("", "None"), *common_language_choices()]


class NoticePrepareForm(forms.Form):
    language = forms.ChoiceField(
        label="Language of the written notice",
        help_text="If the parent reads none of these, choose one an interpreter can read "
        "aloud; you will name the interpreter when you record the delivery.",
    )

    def __init__(self, *args: Any, children: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [(code, language_name(code)) for code in WRITTEN_NOTICE_LANGUAGES]
        self.fields["children"] = children_field(
            "Children named on the notice", children, "Every child now apart from this parent."
        )


class NoticeDeliveryForm(forms.Form):
    delivered_at = forms.DateTimeField(widget=MOMENT, label="Given to the parent at")
    method = forms.ChoiceField(choices=NoticeDelivery.choices, label="How")
    interpreter_name = forms.CharField(max_length=200, required=False, label="Interpreter")
    interpreter_language = forms.ChoiceField(required=False, label="Interpreter's language")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["interpreter_language"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _language_choices()


class NoticeChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Notice) -> str:
        when = f"{obj.delivered_at:%Y-%m-%d %H:%M}" if obj.delivered_at else "not delivered"
        return f"{obj.short_code} — {language_name(obj.language)}, given {when}"


class ElectionRecordForm(forms.Form):
    option = forms.ChoiceField(
        choices=ElectionOption.choices, widget=forms.RadioSelect, label="The parent's choice"
    )
    made_at = forms.DateTimeField(widget=MOMENT, label="Made at")
    more_time_until = forms.DateField(
        widget=DAY, required=False, label="More time until", help_text="Only for more time."
    )
    form = forms.ChoiceField(
        choices=ElectionForm.choices, widget=forms.RadioSelect, label="How it was made"
    )
    signature = forms.ChoiceField(
        choices=[("", "Not signed"), *SignatureKind.choices], required=False, label="Signed with"
    )
    signed_on = forms.DateField(widget=DAY, required=False, label="Date beside the signature")
    witness_name = forms.CharField(max_length=200, required=False, label="Witness")
    second_witness_name = forms.CharField(max_length=200, required=False, label="Second witness")
    signed_form = forms.FileField(
        required=False, label="Signed form", help_text="A scan or photo (PDF, PNG, JPEG, TIFF)."
    )
    interpreter_name = forms.CharField(max_length=200, required=False, label="Interpreter")
    interpreter_language = forms.ChoiceField(required=False, label="Interpreter's language")
    counsel_advised = forms.BooleanField(
        required=False, label="The parent was told they may consult a lawyer first"
    )
    counsel = forms.ChoiceField(
        choices=LIVE_COUNSEL_CHOICES, widget=forms.RadioSelect, label="Counsel"
    )
    counsel_name = forms.CharField(max_length=200, required=False, label="Lawyer consulted")
    waiver_explicit = forms.BooleanField(
        required=False,
        label="For children remain: the form states the parent knowingly and voluntarily "
        "waives reunification before departure",
    )

    def __init__(
        self, *args: Any, children: list[Person], notices: list[Notice], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["children"] = children_field(
            "Children the election names", children, "Each child is covered only if named."
        )
        self.fields["notice"] = NoticeChoice(
            queryset=Notice.objects.filter(pk__in=[n.pk for n in notices]),
            required=False,
            label="Notice it answers",
            empty_label="No notice recorded in Reunify",
        )
        field = self.fields["interpreter_language"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _language_choices()
        self.order_fields(["option", "children", "notice", "made_at", "more_time_until"])


class WithdrawalForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="How the parent withdrew it",
        help_text="Their words, the form, the witness or interpreter.",
    )


class NoticeCodeForm(forms.Form):
    """The code printed on a notice, typed from paper: case, spaces and dashes do not
    matter, and O, I and L are read as 0, 1 and 1."""

    code = forms.CharField(
        max_length=40,
        label="Code printed on the notice",
        help_text="Eight letters and digits, as printed beside the QR code: N7K3-D9XM.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        try:
            return short_code_from(self.cleaned_data["code"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
