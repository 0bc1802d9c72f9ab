"""URLs of the incubation tracker, mounted at /inkubasi/ with the namespace "incubator"."""

from django.urls import path

from . import views

app_name = "incubator"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("saya/", views.my_venture, name="my_venture"),
    path("ekspor/", views.exports_page, name="exports"),
    path("ekspor/<slug:what>/<str:fmt>/", views.export_download, name="export_download"),
    path("laporan-bulanan/", views.monthly_reports, name="monthly_reports"),
    path("laporan-bulanan/<int:pk>/unduh/", views.monthly_report_download, name="monthly_report_download"),
    path("usaha/", views.venture_list, name="venture_list"),
    path("usaha/baru/", views.venture_create, name="venture_create"),
    path("usaha/<int:pk>/", views.venture_detail, name="venture_detail"),
    path("usaha/<int:pk>/tahap/", views.stage_change, name="stage_change"),
    path("usaha/<int:pk>/tonggak/<int:milestone_pk>/bukti/", views.milestone_evidence, name="milestone_evidence"),
    path("usaha/<int:pk>/tonggak/<int:milestone_pk>/berkas/", views.milestone_file, name="milestone_file"),
    path("usaha/<int:pk>/tonggak/<int:milestone_pk>/verifikasi/", views.milestone_verify, name="milestone_verify"),
    path("usaha/<int:pk>/pendampingan/baru/", views.mentoring_create, name="mentoring_create"),
    path("usaha/<int:pk>/pendampingan/<int:session_pk>/ubah/", views.mentoring_edit, name="mentoring_edit"),
    path("usaha/<int:pk>/pendampingan/<int:session_pk>/hapus/", views.mentoring_delete, name="mentoring_delete"),
    path("usaha/<int:pk>/tindak-lanjut/<int:item_pk>/", views.action_item_toggle, name="action_item_toggle"),
    path("usaha/<int:pk>/pembukuan/", views.open_book, name="open_book"),
    path("usaha/<int:pk>/laporan/", views.kpi_report, name="kpi_report"),
    path("usaha/<int:pk>/laporan/dasar/", views.kpi_report, {"baseline": True}, name="kpi_baseline"),
]
