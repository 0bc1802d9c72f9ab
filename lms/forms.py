"""Account forms: allauth's login and sign-up in Sinau's words, and the profile.

allauth picks the login and sign-up forms from settings.ACCOUNT_FORMS. Labels are set here (our
own Indonesian msgids) rather than by overriding allauth's translations, so they stay the same
whatever allauth's catalogue says.
"""

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .phone import PhoneField

NAME_TOO_SHORT = _("Tulis nama lengkap Anda (minimal 3 huruf).")
PHONE_TAKEN = _("Nomor HP ini sudah dipakai akun lain.")


def clean_full_name_value(value: str) -> str:
    """Collapse runs of spaces; a name printed on a certificate needs at least three letters."""
    name = " ".join((value or "").split())
    if sum(ch.isalpha() for ch in name) < 3:
        raise forms.ValidationError(NAME_TOO_SHORT, code="name_too_short")
    return name


class LoginForm(allauth_forms.LoginForm):
    """One field for email or phone (typed as 0812…, 62812… or +62812…), then the password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Email atau nomor HP")
        login.help_text = _("Nomor HP boleh ditulis 081234567890 atau +6281234567890.")
        login.widget.attrs.update(
            {
                "placeholder": _("nama@contoh.id atau 0812…"),
                "autocomplete": "username",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        )
        password = self.fields["password"]
        password.label = _("Kata sandi")
        password.widget.attrs.pop("placeholder", None)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Ingat saya di perangkat ini")


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up plus the name printed on certificates and the cooperative or venture.

    Saving is one transaction: the user, its email address and its role exist together or not at
    all (allauth itself does not wrap them).
    """

    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        help_text=_("Ditulis persis seperti yang akan dicetak pada sertifikat, dengan gelar bila ada."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Koperasi atau usaha"),
        max_length=200,
        required=False,
        help_text=_("Nama koperasi atau usaha tempat Anda bekerja atau menjadi anggota."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    field_order = ["full_name", "email", "phone", "organisation", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Email")
        email.help_text = _("Tautan verifikasi dikirim ke alamat ini.")
        email.widget.attrs.pop("placeholder", None)
        if "phone" in self.fields:
            self.fields["phone"].help_text = _(
                "Untuk masuk dengan nomor HP; kode verifikasi dikirim lewat SMS/WhatsApp."
            )
        self.fields["password1"].label = _("Kata sandi")
        self.fields["password1"].widget.attrs.pop("placeholder", None)
        if "password2" in self.fields:
            self.fields["password2"].label = _("Ulangi kata sandi")
            self.fields["password2"].widget.attrs.pop("placeholder", None)

    def clean_full_name(self):
        return clean_full_name_value(self.cleaned_data["full_name"])

    def save(self, request):
        with transaction.atomic():
            return super().save(request)


class VerifyPhoneForm(allauth_forms.VerifyPhoneForm):
    """The SMS code field: a numeric keypad on phones, and the code offered by the phone's keyboard."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = _("Kode dari SMS/WhatsApp")
        code.help_text = _("Enam angka.")
        code.widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": "12"})
        code.widget.attrs.pop("placeholder", None)


class ProfileForm(forms.ModelForm):
    phone = PhoneField(required=False)

    class Meta:
        model = get_user_model()
        fields = ["full_name", "phone", "organisation"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _(
            "Untuk masuk dengan nomor HP. Nomor baru perlu diverifikasi dengan kode SMS/WhatsApp."
        )

    def clean_full_name(self):
        return clean_full_name_value(self.cleaned_data["full_name"])

    def clean_phone(self):
        phone = self.cleaned_data.get("phone") or None
        if phone:
            taken = get_user_model().objects.filter(phone=phone).exclude(pk=self.instance.pk).exists()
            if taken:
                raise forms.ValidationError(PHONE_TAKEN, code="phone_taken")
        return phone

    def save(self, commit=True):
        user = super().save(commit=False)
        if "phone" in self.changed_data:
            user.phone_verified = False
        if commit:
            user.save()
        return user


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    """Password reset answers a known and an unknown email alike (issue 9, item 8): both land on
    "we sent you an email" (an unknown address gets allauth's "no account" email), so the form
    cannot be used to find out who has an account. Sign-up still says an email is taken (by design,
    see ACCOUNT_PREVENT_ENUMERATION in settings); rate limits keep both slow."""

    def clean_email(self) -> str:
        try:
            return super().clean_email()
        except forms.ValidationError:
            # allauth refuses an unknown email here (ACCOUNT_PREVENT_ENUMERATION is off for sign-up):
            # carry on as for a known one; save() then mails the "no account" notice instead.
            self.users = []
            return self.cleaned_data["email"]
