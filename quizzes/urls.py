"""URLs of the quiz engine, mounted at /kuis/ with namespace "quizzes" (quiz pages themselves live
in the Wagtail page tree, under their course day)."""

from django.urls import path

from .views import staff, trainee

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/mulai/", trainee.start, name="start"),
    path("percobaan/<int:pk>/", trainee.attempt_view, name="attempt"),
    path("percobaan/<int:pk>/kirim/", trainee.confirm, name="confirm"),
    path("percobaan/<int:pk>/hasil/", trainee.review, name="review"),
    path("angkatan/<int:cohort_id>/", staff.gradebook, name="gradebook"),
    path("angkatan/<int:cohort_id>/kuis/<int:quiz_id>/", staff.quiz_report, name="quiz_report"),
    path("angkatan/<int:cohort_id>/kuis/<int:quiz_id>/peningkatan/", staff.gain, name="gain"),
    path("<int:quiz_id>/nilai-ulang/", staff.regrade, name="regrade"),
]
