"""The one place that answers "may this user do X (to this object)?" for views and templates.

Built on django-rules: predicates below, permissions registered with `rules.add_perm`. Apps add
their object rules in their own `rules.py` (autodiscovered) using these predicates. Views call
`can(user, "courses.view_cohort", cohort)`; templates use `{% load rules %}{% has_perm ... %}`
or the `can` filter from `lms.templatetags.sinau`.
"""

import rules

from . import roles


@rules.predicate
def is_trainee(user):
    return roles.has_role(user, roles.TRAINEE)


@rules.predicate
def is_instructor(user):
    return roles.has_role(user, roles.INSTRUCTOR)


@rules.predicate
def is_officer(user):
    return roles.has_role(user, roles.OFFICER)


@rules.predicate
def is_venture_contact(user):
    return roles.has_role(user, roles.VENTURE_CONTACT)


@rules.predicate
def is_admin(user):
    return user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.ADMIN))


is_staff_role = is_instructor | is_officer | is_admin

# Areas of the site, one permission each (the navigation and the views use the same names).
AREA_PERMISSIONS = {
    "lms.access_trainee_area": is_trainee | is_admin,
    "lms.access_instructor_area": is_instructor | is_admin,
    "lms.access_officer_area": is_officer | is_admin,
    "lms.access_venture_area": is_venture_contact | is_admin,
    # The roles whose groups hold wagtailadmin.access_admin (lms.roles): the navigation asks this
    # instead of the model permission, which would cost the permission queries on every page.
    "lms.access_admin_area": is_staff_role,
}
for name, predicate in AREA_PERMISSIONS.items():
    rules.add_perm(name, predicate)


def can(user, permission: str, obj=None) -> bool:
    """True when `user` may do `permission` (an "app.action" name) to `obj` (or at all).

    A permission defined by a rule (`rules.add_perm`) is answered by its rule alone (and active
    superusers), never by falling through to Django's model backend: that fall-through reads the
    user's and groups' permissions from the database (two queries) every time a rule says no,
    e.g. for every area a trainee lacks. Other names go to `user.has_perm` as usual."""
    if not user:
        return False
    if getattr(user, "is_active", False) and getattr(user, "is_superuser", False):
        return True
    if rules.perm_exists(permission):
        return bool(rules.has_perm(permission, user, obj))
    return bool(user.has_perm(permission, obj))
