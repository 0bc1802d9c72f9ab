"""A plain Wagtail page type for the benchmarks only: the lesson's content without LMS logic."""
