"""URLs of the ledger sandbox, mounted at /buku/ with the namespace "ledger"."""

from django.urls import path

from . import views

app_name = "ledger"

urlpatterns = [
    path("", views.book_list, name="book_list"),
    path("baru/", views.book_create, name="book_create"),
    path("latihan/", views.exercise_list, name="exercise_list"),
    path("latihan/<slug:slug>/", views.exercise_detail, name="exercise_detail"),
    path("latihan/<slug:slug>/kunci/", views.exercise_answer, name="exercise_answer"),
    path("<int:book_id>/", views.book_detail, name="book_detail"),
    path("<int:book_id>/jurnal/", views.entry_list, name="entry_list"),
    path("<int:book_id>/jurnal/baru/", views.entry_create, name="entry_create"),
    path("<int:book_id>/jurnal/<int:number>/", views.entry_detail, name="entry_detail"),
    path("<int:book_id>/jurnal/<int:number>/balik/", views.entry_reverse, name="entry_reverse"),
    path("<int:book_id>/periksa/", views.book_grade, name="book_grade"),
    path("<int:book_id>/anggota/", views.member_list, name="member_list"),
    path("<int:book_id>/tutup-buku/", views.closing, name="closing"),
    path("<int:book_id>/shu/", views.shu, name="shu"),
    path("<int:book_id>/shu/unduh/<str:fmt>/", views.shu_download, name="shu_download"),
    path("<int:book_id>/laporan/<slug:slug>/", views.report, name="report"),
    path("<int:book_id>/laporan/<slug:slug>/unduh/<str:fmt>/", views.report_download, name="report_download"),
]
