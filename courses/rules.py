"""Object permissions of the courses app (django-rules, autodiscovered), built on lms.permissions."""

import rules

from lms.permissions import is_admin, is_instructor, is_officer


@rules.predicate
def is_cohort_instructor(user, cohort):
    if cohort is None or not user.is_authenticated:
        return False
    return cohort.instructors.filter(pk=user.pk).exists()


@rules.predicate
def is_course_instructor(user, course):
    if course is None or not user.is_authenticated:
        return False
    from .models import Cohort, CoursePage

    return (
        CoursePage.instructors.through.objects.filter(coursepage_id=course.pk, user_id=user.pk).exists()
        or Cohort.objects.filter(course_id=course.pk, instructors=user).exists()
    )


@rules.predicate
def is_enrolled_in_course(user, course):
    if course is None or not user.is_authenticated:
        return False
    from .models import Enrollment

    return (
        Enrollment.objects.filter(user=user, cohort__course_id=course.pk)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .exists()
    )


runs_cohort = is_officer | is_admin | (is_instructor & is_cohort_instructor)
teaches_course = is_officer | is_admin | (is_instructor & is_course_instructor)

# Cohort objects: officers everything, instructors only the cohorts they teach.
rules.add_perm("courses.view_cohort", runs_cohort)
rules.add_perm("courses.change_cohort", runs_cohort)
# Roster, attendance marking, check-in code display, reports, bulk enrolment of one cohort.
rules.add_perm("courses.manage_cohort", runs_cohort)
# Lessons and quizzes of a course (the public sees only the catalogue and the course summary).
rules.add_perm("courses.view_course_content", is_enrolled_in_course | teaches_course)
