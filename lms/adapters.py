"""allauth adapter: phone numbers stored on our User, codes sent through `lms.sms`."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from .phone import PhoneField, normalize_phone
from .sms import send_sms


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs):
        return PhoneField(**kwargs)

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        send_sms(phone, _("Kode verifikasi Sinau Anda: %(code)s") % {"code": code})

    def set_phone(self, user, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user):
        if user.phone:
            return user.phone, user.phone_verified
        return None

    def set_phone_verified(self, user, phone: str) -> None:
        self.set_phone(user, phone, True)

    def get_user_by_phone(self, phone: str):
        try:
            phone = normalize_phone(phone)
        except ValueError:
            return None
        return get_user_model().objects.filter(phone=phone).order_by("pk").first()

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.full_name = data.get("full_name", "").strip()
        user.organisation = data.get("organisation", "").strip()
        if commit:
            user.save()
        return user
