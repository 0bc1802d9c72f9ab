"""Events the courses app announces; other apps (certificates, incubator) listen, courses imports none of them."""

from django.dispatch import Signal

# Sent once per enrolment, after the transaction that recorded the completion committed.
# Keyword arguments: enrollment (courses.Enrollment), completion (courses.Completion).
course_completed = Signal()
