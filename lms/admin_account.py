"""The Wagtail admin's account page, for Sinau's users.

Wagtail's "Nama dan email" panel asks for a first and a last name, both required; Sinau keeps
one full name (printed on certificates as written) and no first or last name, so that panel came
up empty and refused every save of the page (language, time zone, notifications) until a first
and last name nobody reads were typed in. It would also change the login email past allauth's
verification. The page here is Wagtail's without that panel; its "Tindakan lain" tab links to Sinau's
profile page, where the name, phone number and organisation are changed (lms.wagtail_hooks).
"""

from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel


class SinauAccountView(AccountView):
    def get_panels(self):
        return [panel for panel in super().get_panels() if not isinstance(panel, NameEmailSettingsPanel)]
