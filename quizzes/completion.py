"""What `courses` learns of quizzes, through its registry (`courses.activities`): quiz pages in the
course outline (ticked when passed) and the completion requirement "required quizzes passed"."""

from courses.activities import CompletionRequirement, OutlineSource

from .models import QuizPage
from .selectors import passed_quiz_ids


def _outline_pages(course):
    return QuizPage.objects.live().descendant_of(course)


def _done_ids(user, page_ids) -> set[int]:
    return passed_quiz_ids(user=user, quiz_ids=page_ids)


def _figures(*, enrollment, course) -> dict:
    required = list(QuizPage.objects.live().descendant_of(course).filter(is_required=True).values_list("pk", flat=True))
    passed = passed_quiz_ids(user=enrollment.user_id, quiz_ids=required) if required else set()
    return {"required_quizzes": len(required), "quizzes_passed": len(passed)}


def _is_met(*, course, figures) -> bool:
    if not course.require_quizzes:
        return True
    return figures.get("quizzes_passed", 0) >= figures.get("required_quizzes", 0)


OUTLINE_SOURCE = OutlineSource(kind="quiz", pages=_outline_pages, done_ids=_done_ids)
QUIZZES_PASSED = CompletionRequirement(key="quizzes", figures=_figures, is_met=_is_met)
