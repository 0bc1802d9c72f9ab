"""URLs of the certificates app, mounted at the site root with namespace "certificates": the
trainee's and staff pages under /sertifikat/, the public verification under /certificates/verify/
(the address printed in every QR code, so it never moves)."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("sertifikat/", views.mine, name="mine"),
    path("sertifikat/<str:code>/unduh/", views.download, name="download"),
    path("sertifikat/angkatan/<int:cohort_id>/", views.cohort_certificates, name="cohort"),
    path("sertifikat/kelola/<int:pk>/", views.manage, name="manage"),
    path("sertifikat/kelola/<int:pk>/cabut/", views.revoke, name="revoke"),
    path("sertifikat/kelola/<int:pk>/terbit-ulang/", views.reissue, name="reissue"),
    path("certificates/verify/", views.verify_lookup, name="verify_lookup"),
    path("certificates/verify/<str:code>/", views.verify, name="verify"),
    path("certificates/verify/<str:code>/openbadge.json", views.credential, {"fmt": "json"}, name="credential"),
    path("certificates/verify/<str:code>/openbadge.jwt", views.credential, {"fmt": "jwt"}, name="credential_jwt"),
    path("certificates/status/<int:list_number>/", views.status_list, name="status_list"),
]
