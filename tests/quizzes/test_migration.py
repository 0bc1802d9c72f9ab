"""Moving QuizPage/QuizAttempt from courses to quizzes keeps existing pages, revisions and attempts."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page

from courses.models import ModulePage

BEFORE = [("courses", "0004_constraint_messages"), ("quizzes", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@pytest.fixture
def warm_content_type_cache():
    """The migration clears the content-type cache; fill it again from the database afterwards, or
    the next serialized-rollback test re-creates content types while it restores them."""
    yield
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("warm_content_type_cache")
def test_quiz_pages_and_attempts_made_before_the_move_survive_it(make_course, trainee):
    tree = make_course(lessons=(0,))
    module = ModulePage.objects.get(pk=tree.modules[0].pk)
    latest = [
        key for key in MigrationExecutor(connection).loader.graph.leaf_nodes() if key[0] in {"courses", "quizzes"}
    ]

    old = _migrate(BEFORE)
    ContentType = old.get_model("contenttypes", "ContentType")
    OldQuizPage = old.get_model("courses", "QuizPage")
    OldAttempt = old.get_model("courses", "QuizAttempt")
    Revision = old.get_model("wagtailcore", "Revision")
    content_type, _ = ContentType.objects.get_or_create(app_label="courses", model="quizpage")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    quiz = OldQuizPage.objects.create(
        title="Kuis lama",
        draft_title="Kuis lama",
        slug="kuis-lama",
        path=module.path + "0001",
        depth=module.depth + 1,
        numchild=0,
        url_path=module.url_path + "kuis-lama/",
        live=True,
        content_type=content_type,
        locale_id=module.locale_id,
        translation_key=uuid.uuid4(),
        pass_mark=60,
    )
    old.get_model("wagtailcore", "Page").objects.filter(pk=module.pk).update(numchild=1)
    revision = Revision.objects.create(
        content_type=content_type,
        base_content_type=page_type,
        object_id=str(quiz.pk),
        content={"pk": quiz.pk, "title": "Kuis lama", "pass_mark": 60},
        created_at=timezone.now(),
    )
    OldAttempt.objects.create(
        user_id=trainee.pk, quiz_id=quiz.pk, revision_id=revision.pk, score=75, passed=True, finished_at=timezone.now()
    )

    _migrate(latest)

    from quizzes.models import QuizAttempt, QuizPage

    moved = Page.objects.get(pk=quiz.pk).specific
    assert isinstance(moved, QuizPage)
    assert moved.pass_mark == 60
    assert moved.get_parent().pk == module.pk
    assert QuizPage.can_create_at(module)
    attempt = QuizAttempt.objects.get(quiz_id=quiz.pk)
    assert attempt.user_id == trainee.pk and attempt.passed
    assert attempt.revision.content_type.app_label == "quizzes"
    assert attempt.revision.as_object().pass_mark == 60
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert "quizzes_quizpage" in tables and "courses_quizpage" not in tables
