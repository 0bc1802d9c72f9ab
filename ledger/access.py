"""Who may see or write a book: the owner, admins, and "supervisors" other apps register.

`ledger` imports no other app of ours, so the relation "this instructor teaches a cohort this
trainee is enrolled in" lives in `courses`, which registers it here at start-up:

    from ledger.access import register_book_supervisor
    register_book_supervisor(lambda viewer, owner: instructs_cohort_of(viewer, owner))

A supervisor function answers `func(viewer, owner) -> bool` and only ever grants read access.
To LIST those books (the "Buku peserta" section of /buku/), the same app registers the owners a
viewer supervises as a query, so the list costs one query however many trainees there are:

    from ledger.access import register_supervised_owners
    register_supervised_owners(lambda viewer: Enrollment.objects.filter(
        cohort__instructors=viewer).values("user_id"))
"""

from collections.abc import Callable

from lms import roles

BookSupervisor = Callable[[object, object], bool]

_supervisors: list[BookSupervisor] = []


def register_book_supervisor(func: BookSupervisor) -> BookSupervisor:
    """Add `func(viewer, owner) -> bool` to the read-access rules; usable as a decorator.

    Registering the same function twice has no effect.
    """
    if func not in _supervisors:
        _supervisors.append(func)
    return func


def unregister_book_supervisor(func: BookSupervisor) -> None:
    """Remove a supervisor function (tests register one and take it away again)."""
    if func in _supervisors:
        _supervisors.remove(func)


# Book-level grants for books that are not a person's own sandbox, e.g. a venture's real books
# (the incubator registers: the venture's contacts write, officers read):
#     register_book_access(lambda user, book: "edit" | "view" | None)
BookAccess = Callable[[object, object], str | None]

_book_access: list[BookAccess] = []


def register_book_access(func: BookAccess) -> BookAccess:
    """Add `func(user, book) -> "edit" | "view" | None`; idempotent; usable as a decorator."""
    if func not in _book_access:
        _book_access.append(func)
    return func


def unregister_book_access(func: BookAccess) -> None:
    if func in _book_access:
        _book_access.remove(func)


def granted_access(user, book) -> str | None:
    """The strongest grant a registered book-access function gives `user` on `book`."""
    if user is None or not user.is_authenticated or book is None:
        return None
    grants = {func(user, book) for func in _book_access}
    if "edit" in grants:
        return "edit"
    return "view" if "view" in grants else None


SupervisedOwners = Callable[[object], object]

_owner_sources: list[SupervisedOwners] = []


def register_supervised_owners(func: SupervisedOwners) -> SupervisedOwners:
    """Add `func(viewer) -> queryset of user ids (values("user_id"), values_list, ...) or None`:
    the owners whose books `viewer` reads as a supervisor, for listing. Idempotent; a decorator."""
    if func not in _owner_sources:
        _owner_sources.append(func)
    return func


def unregister_supervised_owners(func: SupervisedOwners) -> None:
    if func in _owner_sources:
        _owner_sources.remove(func)


def supervised_owner_sources(viewer) -> list:
    """The registered owner-id queries for `viewer` (empty for anonymous users)."""
    if viewer is None or not viewer.is_authenticated:
        return []
    return [source for source in (func(viewer) for func in _owner_sources) if source is not None]


def book_supervisors() -> tuple[BookSupervisor, ...]:
    return tuple(_supervisors)


def _is_admin(user) -> bool:
    return bool(user.is_superuser or roles.has_role(user, roles.ADMIN))


def _owner_id(book):
    return getattr(book, "owner_id", None)


def is_book_owner(user, book) -> bool:
    return bool(user and user.is_authenticated and book is not None and _owner_id(book) == user.pk)


def is_book_archived(book) -> bool:
    if getattr(book, "is_archived", False) or getattr(book, "archived", False):
        return True
    return getattr(book, "archived_at", None) is not None


def may_supervise_owner(viewer, owner) -> bool:
    """True when a registered supervisor function says `viewer` may read `owner`'s books."""
    if viewer is None or not viewer.is_authenticated or owner is None:
        return False
    return any(func(viewer, owner) for func in _supervisors)


def may_view_book(user, book) -> bool:
    """Owner, admin, or anyone a registered supervisor function vouches for (read-only)."""
    if user is None or not user.is_authenticated or book is None:
        return False
    if is_book_owner(user, book) or _is_admin(user):
        return True
    if granted_access(user, book) is not None:
        return True
    return may_supervise_owner(user, book.owner)


def may_edit_book(user, book) -> bool:
    """The owner (or whom a registered book-access function grants "edit") writes in a book, and
    only while it is not archived."""
    if is_book_archived(book):
        return False
    return is_book_owner(user, book) or granted_access(user, book) == "edit"


def may_reveal_answers(user, exercise=None) -> bool:
    """Instructors and admins may see an exercise's expected answer; trainees never."""
    if user is None or not user.is_authenticated:
        return False
    return _is_admin(user) or roles.has_role(user, roles.INSTRUCTOR)
