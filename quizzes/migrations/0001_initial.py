"""Adopt QuizPage and QuizAttempt from `courses` (its 0005 dropped them from its state only).

1. The models enter this app's state on their old tables (no database change).
2. The tables are renamed to this app's names, and the attempt index with them.
3. The content types move from courses to quizzes, so quiz pages already in the tree, their
   revisions and the permissions on them keep pointing at the right model. On a fresh database
   there is nothing to move (the content types are created after the migrations).
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED = ("quizpage", "quizattempt")


def move_content_types(apps, schema_editor, source="courses", target="quizzes"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Permission = apps.get_model("auth", "Permission")
    for model in MOVED:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=target, model=model).first()
        if new is None:
            old.app_label = target
            old.save(update_fields=["app_label"])
            continue
        # Both exist (content types were created in between): point everything at the new one.
        Page.objects.filter(content_type=old).update(content_type=new)
        Revision.objects.filter(content_type=old).update(content_type=new)
        for permission in Permission.objects.filter(content_type=old):
            twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
            if twin is None:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
            else:
                for group in permission.group_set.all():
                    group.permissions.add(twin)
                permission.delete()
        old.delete()
    from django.contrib.contenttypes.models import ContentType as LiveContentType

    LiveContentType.objects.clear_cache()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="quizzes", target="courses")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0005_move_quiz_models_to_quizzes"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="QuizPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="pengantar")),
                        (
                            "pass_mark",
                            models.PositiveSmallIntegerField(
                                default=70,
                                validators=[
                                    django.core.validators.MinValueValidator(0),
                                    django.core.validators.MaxValueValidator(100),
                                ],
                                verbose_name="nilai lulus (%)",
                            ),
                        ),
                        ("is_required", models.BooleanField(default=True, verbose_name="wajib")),
                    ],
                    options={"verbose_name": "kuis", "verbose_name_plural": "kuis", "db_table": "courses_quizpage"},
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="QuizAttempt",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "score",
                            models.DecimalField(
                                blank=True, decimal_places=2, max_digits=5, null=True, verbose_name="nilai"
                            ),
                        ),
                        ("passed", models.BooleanField(default=False, verbose_name="lulus")),
                        ("started_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="mulai")),
                        ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="selesai")),
                        (
                            "revision",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="revisi",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="quiz_attempts",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="peserta",
                            ),
                        ),
                        (
                            "quiz",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="attempts",
                                to="quizzes.quizpage",
                                verbose_name="kuis",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "percobaan kuis",
                        "verbose_name_plural": "percobaan kuis",
                        "db_table": "courses_quizattempt",
                        "indexes": [
                            models.Index(fields=["user", "quiz", "passed"], name="courses_qui_user_id_5e605e_idx")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="quizpage", table=None),
        migrations.AlterModelTable(name="quizattempt", table=None),
        migrations.RenameIndex(
            model_name="quizattempt",
            new_name="quizzes_attempt_user_quiz",
            old_name="courses_qui_user_id_5e605e_idx",
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
