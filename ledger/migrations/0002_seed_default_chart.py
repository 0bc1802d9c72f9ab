"""Seed the default cooperative chart of accounts (idempotent; see ledger.charts)."""

from django.db import migrations


def seed(apps, schema_editor):
    from ledger.charts import seed_default_chart

    seed_default_chart(apps.get_model("ledger", "ChartTemplate"), apps.get_model("ledger", "Account"))


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
