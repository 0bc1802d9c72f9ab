"""Account forms: the extra sign-up fields and the profile."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .phone import PhoneField


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form gains (ACCOUNT_SIGNUP_FORM_CLASS)."""

    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        help_text=_("Ditulis persis seperti yang akan dicetak pada sertifikat."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Koperasi atau usaha"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    field_order = ["full_name", "email", "phone", "organisation", "password1", "password2"]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 3:
            raise forms.ValidationError(_("Tulis nama lengkap Anda (minimal 3 huruf)."))
        return name

    def signup(self, request, user):
        """Called by allauth after the user is saved; the adapter already copied our fields."""


class ProfileForm(forms.ModelForm):
    phone = PhoneField(required=False)

    class Meta:
        model = get_user_model()
        fields = ["full_name", "phone", "organisation"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 3:
            raise forms.ValidationError(_("Tulis nama lengkap Anda (minimal 3 huruf)."))
        return name

    def clean_phone(self):
        phone = self.cleaned_data.get("phone") or None
        if phone:
            taken = get_user_model().objects.filter(phone=phone).exclude(pk=self.instance.pk).exists()
            if taken:
                raise forms.ValidationError(_("Nomor HP ini sudah dipakai akun lain."))
        return phone

    def save(self, commit=True):
        user = super().save(commit=False)
        if "phone" in self.changed_data:
            user.phone_verified = False
        if commit:
            user.save()
        return user
