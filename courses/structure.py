"""The shape of a course as published — its days and their lessons and activities — read once and
cached until a page under the course changes.

Every lesson view and course outline needs the whole shape (neighbours, day release, ticks); read
from the page tree it costs three or more queries and Python work that grows with the course. Here
it is built once into small frozen records (no page objects: cheap to pickle into Redis) and kept
in Django's cache under a version token per course. Saving, publishing, unpublishing, moving or
deleting any page under a course drops the token at once and again when the transaction commits
(`invalidate_below`, connected in `courses.apps`), so the next request rebuilds it; a reader that
raced the change writes under a token that is dropped again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass, field
from html import escape

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import activities
from .models import CoursePage, LessonPage, ModulePage

STEP = Page.steplen
# Cached structures are also dropped after this long, so a missed signal heals by itself.
TTL = 6 * 60 * 60


@dataclass(frozen=True)
class ItemRef:
    """A lesson or activity page as the outline needs it. Quacks enough like a page for templates
    (`pk`, `title`, `url`; `get_url`/`relative_url` for Wagtail's `pageurl` tag)."""

    pk: int
    kind: str  # "lesson", or a kind registered in courses.activities ("quiz")
    title: str
    url: str
    path: str
    is_required: bool
    first_published_at: dt.datetime | None
    # The row's escaped parts, built once with the structure and cached with it (issue 10: the
    # outline's rows were escaped and formatted on every request, the one cost that grew with the
    # course). Only what is the same for every reader; a trainee's marks are added per request
    # (courses_tags.outline_items).
    title_html: str = field(init=False, repr=False, compare=False)
    link_html: str = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        title = escape(self.title)
        object.__setattr__(self, "title_html", title)
        object.__setattr__(self, "link_html", f'<a href="{escape(self.url)}">{title}</a>')

    @property
    def id(self) -> int:
        return self.pk

    def get_url(self, request=None, current_site=None) -> str:
        return self.url

    def relative_url(self, current_site=None, request=None) -> str:
        return self.url


@dataclass(frozen=True)
class ModuleRef:
    """One day of the course."""

    pk: int
    title: str
    day_number: int
    summary: str
    release_date: dt.date | None
    path: str
    items: tuple[ItemRef, ...] = field(default_factory=tuple)

    @property
    def display_title(self) -> str:
        prefix = _("Hari %(day)s") % {"day": self.day_number}
        if self.title.lower().startswith(str(prefix).lower()):
            return self.title
        return f"{prefix}: {self.title}"

    def is_released(self, today=None) -> bool:
        return self.release_date is None or self.release_date <= (today or timezone.localdate())


@dataclass(frozen=True)
class CourseStructure:
    course_id: int
    modules: tuple[ModuleRef, ...]

    @property
    def items(self) -> list[ItemRef]:
        return [item for module in self.modules for item in module.items]

    def module_of(self, path: str) -> ModuleRef | None:
        return next((module for module in self.modules if path.startswith(module.path)), None)

    def lesson_ids(self, *, required_only: bool = False) -> list[int]:
        return [i.pk for i in self.items if i.kind == "lesson" and (i.is_required or not required_only)]


def _version_key(path: str) -> str:
    return f"courses:structure-version:{path}"


def _build(course: CoursePage) -> CourseStructure:
    modules = list(
        ModulePage.objects.child_of(course)
        .live()
        .order_by("path")
        .only("pk", "title", "day_number", "summary", "release_date", "path", "depth", "url_path")
    )
    pages = [
        (page, "lesson")
        for page in LessonPage.objects.descendant_of(course)
        .live()
        .only("pk", "title", "path", "depth", "url_path", "is_required", "first_published_at")
    ]
    for source in activities.outline_sources():
        pages += [(page, source.kind) for page in source.pages(course)]
    by_module: dict[str, list[ItemRef]] = {module.path: [] for module in modules}
    for page, kind in sorted(pages, key=lambda row: row[0].path):
        siblings = by_module.get(page.path[:-STEP])
        if siblings is None:
            continue  # not directly under a live day
        siblings.append(
            ItemRef(
                pk=page.pk,
                kind=kind,
                title=page.title,
                url=page.url or "",
                path=page.path,
                is_required=bool(getattr(page, "is_required", True)),
                first_published_at=page.first_published_at,
            )
        )
    return CourseStructure(
        course_id=course.pk,
        modules=tuple(
            ModuleRef(
                pk=module.pk,
                title=module.title,
                day_number=module.day_number,
                summary=module.summary,
                release_date=module.release_date,
                path=module.path,
                items=tuple(by_module[module.path]),
            )
            for module in modules
        ),
    )


def _version(course: CoursePage) -> str:
    """The token of the course's current published shape (a new one after every change below it)."""
    version = cache.get(_version_key(course.path))
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_version_key(course.path), version, TTL)
        version = cache.get(_version_key(course.path), version)
    return version


def _structure(course: CoursePage, version: str) -> CourseStructure:
    # "v2": records pickled before ItemRef carried its escaped parts are never read back.
    key = f"courses:structure:v2:{course.pk}:{version}"
    structure = cache.get(key)
    if structure is None:
        structure = _build(course)
        cache.set(key, structure, TTL)
    return structure


def course_structure(course: CoursePage) -> CourseStructure:
    """The course's days and items as published; from the cache (no query) when unchanged."""
    return _structure(course, _version(course))


@dataclass(frozen=True)
class LessonPlace:
    """What a lesson page needs of its course's shape: its day (without the day's items) and the
    items before and after it. Small and the same size in a course of 5 or 200 lessons."""

    module: ModuleRef | None
    previous: ItemRef | None
    next: ItemRef | None


def _place_in(structure: CourseStructure, pk: int | None, path: str) -> LessonPlace:
    module = structure.module_of(path)
    items = structure.items
    index = next((i for i, item in enumerate(items) if item.pk == pk), None)
    previous = following = None
    if index is not None:
        previous = items[index - 1] if index > 0 else None
        following = items[index + 1] if index + 1 < len(items) else None
    return LessonPlace(
        module=dataclasses.replace(module, items=()) if module is not None else None,
        previous=previous,
        next=following,
    )


def lesson_place(course: CoursePage, lesson: LessonPage) -> LessonPlace:
    """The lesson's day and neighbours in the course as published, cached per lesson and published
    version of the course (issue 10: the lesson page used to read and unpickle the whole course
    structure, about 13 kB and 0.1 ms at 60 lessons, on every view, to use three of its records).
    Invalidated with the structure: the key carries the same version token."""
    version = _version(course)
    if lesson.pk is None:  # a preview of a page not saved yet
        return _place_in(_structure(course, version), None, lesson.path)
    key = f"courses:lesson-place:v1:{course.pk}:{version}:{lesson.pk}"
    place = cache.get(key)
    if place is None:
        place = _place_in(_structure(course, version), lesson.pk, lesson.path)
        cache.set(key, place, TTL)
    return place


def invalidate_below(path: str) -> None:
    """Forget the cached structure of the course that holds the page at `path` (or is it): the
    token of every ancestor path is dropped (so no query is needed to find which ancestor is the
    course), now and again once the transaction commits, in case a reader rebuilt it in between
    from what was committed before."""
    keys = [_version_key(path[:end]) for end in range(STEP, len(path) + 1, STEP)]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
