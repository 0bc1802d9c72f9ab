"""Views of the courses app: served Wagtail pages (pages.py), trainee pages, instructor/officer pages."""
