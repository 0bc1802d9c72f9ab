"""PostgreSQL refuses UPDATE and DELETE of posted journal entries and lines in the database itself
(issue 9, item 3), as trusted ledgers are append-only: whatever bypasses the ORM's guards (raw
SQL, another client) meets the trigger.

Two exceptions, both needed by Django's own deletion of a whole book (or of its owner):
- DELETE is let through when the transaction set `sinau.ledger_purge` to 'on' (ledger.models sets
  it, `SET LOCAL`, in the pre_delete signal of Book, inside the deletion's transaction);
- an entry's `created_by_id` may become NULL (on_delete=SET_NULL when the recording user is deleted);
  nothing else of the row may change.
SQLite has no such trigger here; the ORM guards hold there (ledger.models.ImmutableQuerySet).
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION ledger_journal_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('sinau.ledger_purge', true) = 'on' THEN
            RETURN OLD;
        END IF;
    ELSIF TG_TABLE_NAME = 'ledger_journalentry' THEN
        -- Through jsonb: a line row has no created_by_id field to name.
        IF to_jsonb(NEW) ->> 'created_by_id' IS NULL
           AND (to_jsonb(NEW) - 'created_by_id') = (to_jsonb(OLD) - 'created_by_id') THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'Sinau: posted journal rows are append-only (% on % refused)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

TRIGGERS = """
DROP TRIGGER IF EXISTS ledger_journalentry_append_only ON ledger_journalentry;
DROP TRIGGER IF EXISTS ledger_journalline_append_only ON ledger_journalline;
CREATE TRIGGER ledger_journalentry_append_only BEFORE UPDATE OR DELETE ON ledger_journalentry
    FOR EACH ROW EXECUTE FUNCTION ledger_journal_append_only();
CREATE TRIGGER ledger_journalline_append_only BEFORE UPDATE OR DELETE ON ledger_journalline
    FOR EACH ROW EXECUTE FUNCTION ledger_journal_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS ledger_journalentry_append_only ON ledger_journalentry;
DROP TRIGGER IF EXISTS ledger_journalline_append_only ON ledger_journalline;
DROP FUNCTION IF EXISTS ledger_journal_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)  # no placeholders: RAISE uses % itself
        schema_editor.execute(TRIGGERS, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0009_merge_feedback_and_venture_books")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
