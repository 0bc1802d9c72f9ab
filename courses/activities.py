"""Activities other apps add to a course, registered here so `courses` never imports them.

`courses` owns the course tree, the outline and the completion rule; an app above it (the quiz
engine) fills this registry at start-up (its `AppConfig.ready`), as `ledger.access` is filled by
`courses`:

    from courses import activities

    activities.register_module_page_type("quizzes.QuizPage")       # may be added under a day
    activities.register_outline_source(activities.OutlineSource(
        kind="quiz",
        pages=lambda course: QuizPage.objects.live().descendant_of(course),
        done_ids=lambda user, page_ids: passed quiz ids among page_ids,
    ))
    activities.register_completion_requirement(activities.CompletionRequirement(
        key="quizzes",
        figures=lambda *, enrollment, course: {"required_quizzes": 3, "quizzes_passed": 2},
        is_met=lambda *, course, figures: ...,
    ))

Registering the same object twice has no effect; `unregister_*` exist for tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_module_page_types: list[str] = []


def register_module_page_type(model_string: str) -> None:
    """Allow a page type (an "app_label.ModelName" string) under a course day (`ModulePage`).

    Call it from `AppConfig.ready`, before any request: Wagtail reads the list on first use.
    """
    from .models import ModulePage

    if model_string not in _module_page_types:
        _module_page_types.append(model_string)
    if model_string not in ModulePage.subpage_types:
        ModulePage.subpage_types = [*ModulePage.subpage_types, model_string]
        ModulePage._clean_subpage_models = None  # Wagtail caches the resolved list; rebuild it


def module_page_types() -> tuple[str, ...]:
    return tuple(_module_page_types)


@dataclass(frozen=True)
class OutlineSource:
    """Pages of another kind shown in a course outline beside the lessons.

    `pages(course)`: a queryset of the live pages of this kind under the course (any order).
    `done_ids(user, page_ids)`: the subset of `page_ids` the user has done (e.g. passed); one query.
    """

    kind: str
    pages: Callable[[object], object]
    done_ids: Callable[[object, list[int]], set[int]]


_outline_sources: list[OutlineSource] = []


def register_outline_source(source: OutlineSource) -> OutlineSource:
    if all(existing.kind != source.kind for existing in _outline_sources):
        _outline_sources.append(source)
    return source


def unregister_outline_source(source: OutlineSource) -> None:
    if source in _outline_sources:
        _outline_sources.remove(source)


def outline_sources() -> tuple[OutlineSource, ...]:
    return tuple(_outline_sources)


@dataclass(frozen=True)
class CompletionRequirement:
    """One more condition of a course's completion rule.

    `figures(*, enrollment, course) -> dict`: plain numbers (kept in the Completion snapshot, so
    use stable keys); `is_met(*, course, figures) -> bool` reads them back (the merged figures of
    the whole rule are passed in).
    """

    key: str
    figures: Callable[..., dict]
    is_met: Callable[..., bool]


_requirements: list[CompletionRequirement] = []


def register_completion_requirement(requirement: CompletionRequirement) -> CompletionRequirement:
    if all(existing.key != requirement.key for existing in _requirements):
        _requirements.append(requirement)
    return requirement


def unregister_completion_requirement(requirement: CompletionRequirement) -> None:
    if requirement in _requirements:
        _requirements.remove(requirement)


def completion_requirements() -> tuple[CompletionRequirement, ...]:
    return tuple(_requirements)
