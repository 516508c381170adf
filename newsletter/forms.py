from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .addresses import normalize_address, validate_address_lengths
from .targets import Target, offered_targets


class SingleLineEmailField(forms.EmailField):
    """An email address on one line (so it can never add a mail header), in its one stored
    spelling (see addresses.py) and within the lengths of RFC 5321."""

    default_validators = [*forms.EmailField.default_validators, validate_address_lengths]

    default_error_messages = {
        "invalid": _("Enter an email address such as name@example.org."),
        "line_break": _("An email address cannot contain line breaks."),
    }

    def to_python(self, value):
        if value and ("\n" in value or "\r" in value):
            raise ValidationError(self.error_messages["line_break"], code="line_break")
        return normalize_address(super().to_python(value))


class SubscribeForm(forms.Form):
    email = SingleLineEmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={"required": _("Enter your email address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    follow = forms.ChoiceField(label=_("Send me"), widget=forms.RadioSelect)
    # A trap for robots: hidden from people, who leave it empty.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, data=None, *, targets: list[Target], **kwargs):
        suffix = targets[0].value.replace(":", "-")
        super().__init__(data, auto_id=f"subscribe-{suffix}-%s", **kwargs)
        self.targets = {target.value: target for target in targets}
        self.fields["follow"].choices = [(t.value, t.label) for t in targets]
        self.fields["follow"].initial = targets[0].value

    @classmethod
    def for_page(cls, *, author=None, section=None):
        return cls(targets=offered_targets(author=author, section=section))

    @classmethod
    def from_post(cls, data):
        """The submitted form, offering again the choice that was made (or the whole blog)."""
        chosen = Target.parse(data.get("follow", "")) or Target()
        return cls(data, targets=offered_targets(author=chosen.author, section=chosen.section))

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    @property
    def target(self) -> Target:
        return self.targets[self.cleaned_data["follow"]]


class ManageForm(forms.Form):
    follows = forms.MultipleChoiceField(
        label=_("Send me"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, data=None, *, subscriber, targets: list[Target]):
        super().__init__(data, auto_id="manage-%s")
        self.subscriber = subscriber
        self.targets = {target.value: target for target in targets}
        self.fields["follows"].choices = [(t.value, t.label) for t in targets]
        self.fields["follows"].initial = [
            follow.target.value
            for follow in subscriber.follows.confirmed().select_related("author", "section")
        ]

    def save(self):
        self.subscriber.set_follows([self.targets[value] for value in self.cleaned_data["follows"]])
