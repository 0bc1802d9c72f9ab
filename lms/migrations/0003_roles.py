"""Create the role groups (Peserta, Narasumber, Petugas Dinas, Kontak Usaha, Admin).

Their permissions are attached here when they already exist and, on a fresh database, by the
post_migrate re-sync in LmsConfig.ready() once every app's permissions have been created.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from lms.roles import sync_roles

    sync_roles(apps)


def remove_roles(apps, schema_editor):
    from lms.roles import ALL_ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
