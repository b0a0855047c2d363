from django import forms

from reunify.linkage.models import FamilyLinkVerdict, ReviewStatus


class ReviewDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Are these records the same person?",
        choices=[
            (ReviewStatus.SAME, "Same person"),
            (ReviewStatus.DIFFERENT, "Different people"),
            (ReviewStatus.DEFERRED, "Not sure yet: defer"),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What decided it, for whoever reads the record later.",
    )


class FamilyLinkDecisionForm(forms.Form):
    verdict = forms.ChoiceField(
        label="Is this adult the child's parent?",
        choices=FamilyLinkVerdict.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What decided it: a document, an interview, a call.",
    )
