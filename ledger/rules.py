"""Object rules of the ledger (django-rules, autodiscovered): views and templates ask these.

Note: Django answers every `has_perm` with True for an active superuser, so views that must keep
even admins read-only (writing in someone else's book) call `ledger.access.may_edit_book` directly.
"""

import rules

from lms.permissions import is_admin, is_instructor

from . import access


@rules.predicate
def may_view_book(user, book):
    return access.may_view_book(user, book)


@rules.predicate
def may_edit_book(user, book):
    return access.may_edit_book(user, book)


# Reading a book and its reports (PDF/XLSX included).
rules.add_perm("ledger.view_book", may_view_book)
# Writing in a book: post an entry, reverse one, close a period, reset an exercise attempt.
rules.add_perm("ledger.post_entry", may_edit_book)
rules.add_perm("ledger.reverse_entry", may_edit_book)
rules.add_perm("ledger.close_period", may_edit_book)
rules.add_perm("ledger.reset_book", may_edit_book)
# Having one's own practice books and exercise attempts: anyone signed in (a sandbox harms no
# one; instructors and officers try the exercises too). The navigation shows it to trainees.
rules.add_perm("ledger.have_books", rules.is_authenticated)
# Seeing an exercise's expected answer.
rules.add_perm("ledger.reveal_exercise", is_instructor | is_admin)
