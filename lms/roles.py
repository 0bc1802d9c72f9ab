"""Roles as Django groups, with the model permissions each one holds.

Group names are stored in Indonesian because officers see them in the Wagtail admin. Object-level
questions ("may this instructor edit this cohort?") are answered by `lms.permissions` (rules).
"""

from django.db.models import Q

TRAINEE = "Peserta"
INSTRUCTOR = "Narasumber"
OFFICER = "Petugas Dinas"
VENTURE_CONTACT = "Kontak Usaha"
ADMIN = "Admin"
ALL_ROLES = (TRAINEE, INSTRUCTOR, OFFICER, VENTURE_CONTACT, ADMIN)

QUIZ_ACTIONS = ("view", "add", "change", "delete")

# "app_label.codename" → granted to the group. Permissions of models that do not exist yet are
# skipped and attached by the post_migrate re-sync once their app is migrated.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINEE: [],
    INSTRUCTOR: [
        "wagtailadmin.access_admin",
        "courses.view_cohort",
        "courses.change_cohort",
        "courses.view_session",
        "courses.add_session",
        "courses.change_session",
        "courses.view_enrollment",
        "courses.view_attendance",
        "courses.change_attendance",
        "ledger.view_charttemplate",
        "ledger.add_charttemplate",
        "ledger.change_charttemplate",
        "ledger.view_ledgerexercise",
        "ledger.add_ledgerexercise",
        "ledger.change_ledgerexercise",
        # Quizzes: the question bank of the courses they teach, schedules and overrides of their cohorts.
        *[f"quizzes.{action}_{model}" for model in ("question", "questioncategory") for action in QUIZ_ACTIONS],
        *[f"quizzes.{action}_{model}" for model in ("quizschedule", "quizoverride") for action in QUIZ_ACTIONS],
    ],
    OFFICER: [
        "wagtailadmin.access_admin",
        "courses.view_cohort",
        "courses.add_cohort",
        "courses.change_cohort",
        "courses.delete_cohort",
        "courses.view_session",
        "courses.add_session",
        "courses.change_session",
        "courses.delete_session",
        "courses.view_enrollment",
        "courses.add_enrollment",
        "courses.change_enrollment",
        "courses.delete_enrollment",
        "courses.view_attendance",
        "courses.change_attendance",
        "lms.view_user",
        "certificates.view_certificatetemplate",
        "certificates.add_certificatetemplate",
        "certificates.change_certificatetemplate",
        "certificates.view_coursecertificatesettings",
        "certificates.add_coursecertificatesettings",
        "certificates.change_coursecertificatesettings",
        "certificates.view_certificate",
        *[f"quizzes.{action}_{model}" for model in ("quizschedule", "quizoverride") for action in QUIZ_ACTIONS],
        # Incubation (the admin's programmes, ventures and KPI reports; /inkubasi/ asks lms.permissions).
        *[
            f"incubator.{action}_{model}"
            for model in ("programme", "milestonetemplate", "venture")
            for action in ("view", "add", "change")
        ],
        "incubator.view_kpireport",
        "incubator.change_kpireport",
        # The background-task schedule (Celery beat): see it, pause an entry, change how often.
        "django_celery_beat.view_periodictask",
        "django_celery_beat.change_periodictask",
    ],
    VENTURE_CONTACT: [],
    ADMIN: ["*"],
}

# Wagtail image/document permissions are granted per collection (the root covers all).
COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    INSTRUCTOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    OFFICER: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
}


def _permission_filter(specs: list[str]) -> Q:
    query = Q(pk__in=[])
    for spec in specs:
        app_label, codename = spec.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    return query


def sync_roles(apps=None) -> None:
    """Create the role groups and give them their permissions. Safe to run any number of times.

    `apps` is a migration app registry (in a data migration) or None for the live models.
    """
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ALL_ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        specs = ROLE_PERMISSIONS[role]
        perms = Permission.objects.all() if specs == ["*"] else Permission.objects.filter(_permission_filter(specs))
        group.permissions.add(*perms)
    _sync_collection_permissions(apps, Group, Permission)


def _sync_collection_permissions(apps, Group, Permission) -> None:
    try:
        Collection = apps.get_model("wagtailcore", "Collection")
        GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    except LookupError:
        return
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for role, specs in COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for perm in Permission.objects.filter(_permission_filter(specs)):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)


def sync_roles_after_migrate(sender, plan=None, **kwargs) -> None:
    """post_migrate handler: sync once, after the last app's permissions have been created.

    `flush` sends post_migrate too, but without a migration plan: skip it there, so a flushed
    test database stays empty for the data that tests restore (serialized rollback); the groups
    come back on demand through `assign_role`.
    """
    from django.apps import apps as live_apps

    if plan is None:
        return
    with_models = [config for config in live_apps.get_app_configs() if config.models_module is not None]
    if sender is with_models[-1]:
        sync_roles()


def user_roles(user) -> frozenset[str]:
    """The role names of a user, read once per request object and cached on it."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_sinau_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached = cached | {ADMIN}
        user._sinau_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def assign_role(user, role: str) -> None:
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name=role).first()
    if group is None:  # a flushed database (transactional tests) lost the migration's groups
        sync_roles()
        group = Group.objects.get(name=role)
    user.groups.add(group)
    user.__dict__.pop("_sinau_roles", None)
