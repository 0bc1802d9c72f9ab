"""Navigation per role, computed once per request."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .permissions import can

# (permission or None for everyone signed in, url name, label). Apps' pages join this list as
# they are built; a url that does not exist yet is simply left out.
NAV_ITEMS = [
    (None, "dashboard", _("Beranda saya")),
    ("lms.access_trainee_area", "courses:my_courses", _("Kursus saya")),
    ("lms.access_trainee_area", "ledger:book_list", _("Buku latihan")),
    ("lms.access_trainee_area", "certificates:mine", _("Sertifikat saya")),
    ("lms.access_instructor_area", "courses:instructor_cohorts", _("Angkatan yang saya ajar")),
    ("lms.access_officer_area", "courses:officer_cohorts", _("Angkatan pelatihan")),
    ("lms.access_officer_area", "incubator:dashboard", _("Inkubasi")),
    ("lms.access_venture_area", "incubator:my_venture", _("Usaha saya")),
    ("lms.access_admin_area", "wagtailadmin_home", _("Admin konten")),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for permission, url_name, label in NAV_ITEMS:
        if permission and not can(user, permission):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "active": request.path.startswith(url) and url != "/"})
    return {"nav_items": items}
