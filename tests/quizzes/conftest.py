"""Fixtures for the quiz engine tests; the course tree fixtures come from the courses tests."""

from tests.courses.conftest import catalogue, enrol, make_cohort, make_course  # noqa: F401
