"""URLs of the courses app, mounted at /kursus/ with namespace "courses"."""

from django.urls import path

from .views import staff, trainee

app_name = "courses"

urlpatterns = [
    path("saya/", trainee.my_courses, name="my_courses"),
    path("daftar/", trainee.enrol, name="enrol"),
    path("presensi/", trainee.check_in_view, name="check_in"),
    path("pelajaran/<int:lesson_id>/selesai/", trainee.lesson_done, name="lesson_done"),
    path("mengajar/", staff.instructor_cohorts, name="instructor_cohorts"),
    path("angkatan/", staff.officer_cohorts, name="officer_cohorts"),
    path("angkatan/<int:pk>/", staff.cohort_detail, name="cohort_detail"),
    path("angkatan/<int:pk>/kehadiran/", staff.attendance_report, name="attendance_report"),
    path("angkatan/<int:pk>/kelulusan/", staff.completion_recalculation, name="completion_recalculation"),
    path("angkatan/<int:pk>/sesi/<int:session_pk>/presensi/", staff.session_attendance, name="session_attendance"),
    path("angkatan/<int:pk>/sesi/<int:session_pk>/kode/", staff.session_code, name="session_code"),
    path("angkatan/<int:pk>/fasilitasi/<int:day>/", staff.facilitation, name="facilitation"),
]
