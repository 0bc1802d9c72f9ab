"""Object rules of the ledger (django-rules, autodiscovered): views and templates ask these."""

import rules

from lms.permissions import is_admin, is_trainee

from . import access


@rules.predicate
def may_view_book(user, book):
    return access.may_view_book(user, book)


@rules.predicate
def may_edit_book(user, book):
    return access.may_edit_book(user, book)


@rules.predicate
def may_reveal_answers(user, exercise=None):
    return access.may_reveal_answers(user, exercise)


# Reading a book and its reports (PDF/XLSX included).
rules.add_perm("ledger.view_book", may_view_book)
# Writing in a book: post an entry, reverse one, close a period, reset an exercise attempt.
rules.add_perm("ledger.post_entry", may_edit_book)
rules.add_perm("ledger.reverse_entry", may_edit_book)
rules.add_perm("ledger.close_period", may_edit_book)
rules.add_perm("ledger.reset_book", may_edit_book)
# Having one's own practice books and exercise attempts (trainees; admins for trying things out).
rules.add_perm("ledger.have_books", is_trainee | is_admin)
# Seeing an exercise's expected answer.
rules.add_perm("ledger.reveal_exercise", may_reveal_answers)
