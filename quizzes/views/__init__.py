"""Views of the quiz engine: the quiz page and attempts (trainee.py), gradebook and regrade (staff.py)."""
