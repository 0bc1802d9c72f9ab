"""The course page tree: catalogue → course → module (one training day) → lesson (and the page types
other apps register under a day through `courses.activities`, e.g. the quiz engine's quizzes)."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from courses.blocks import LessonBodyBlock

STEP = Page.steplen


class ServedByHooks:
    """Pages of the course tree are served by `courses.views.pages` through Wagtail's
    `on_serve_page` hook (courses/wagtail_hooks.py), so the models never import their views.
    Previews go through the same hooks (the admin already checked the editor's permission)."""

    def serve_preview(self, request, mode_name):
        def chain(page, request, args, kwargs):
            return page.serve(request, *args, **kwargs)

        for hook in reversed(hooks.get_hooks("on_serve_page")):
            chain = hook(chain)
        return chain(self, request, (), {})

    def get_view_restrictions(self):
        """Wagtail's answer in one query instead of two: restrictions on this page, on an
        ancestor, or on the page an ancestor is an alias of (it reads the ancestors first)."""
        paths = [self.path[:end] for end in range(STEP, len(self.path) + 1, STEP)]
        return PageViewRestriction.objects.filter(Q(page__path__in=paths) | Q(page__aliases__path__in=paths)).distinct()


class CourseIndexPage(ServedByHooks, Page):
    """The public catalogue of courses."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("katalog kursus")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.child_of(self).live().public().order_by("path")
        return context

    def route(self, request, path_components):
        """A course in one query (Wagtail reads the child, then its specific row)."""
        if not path_components:
            return super().route(request, path_components)
        course = CoursePage.objects.child_of(self).filter(slug=path_components[0]).first()
        if course is None:
            raise Http404
        course._cached_parent_obj = self
        return course.route(request, path_components[1:])


class CoursePage(ServedByHooks, Page):
    """A course: public summary, its days as child modules, and the rule for completing it."""

    summary = models.TextField(_("ringkasan"), help_text=_("Satu atau dua kalimat untuk katalog."))
    objectives = RichTextField(_("tujuan pembelajaran"), blank=True)
    hours = models.PositiveSmallIntegerField(_("jumlah jam pelajaran"), default=0)
    instructors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("narasumber"),
        blank=True,
        related_name="assigned_courses",
        limit_choices_to={"groups__name": "Narasumber"},
        help_text=_("Narasumber yang boleh menyunting kursus ini (narasumber angkatan juga boleh)."),
    )
    require_lessons = models.BooleanField(
        _("wajib menyelesaikan semua pelajaran wajib"),
        default=True,
    )
    require_quizzes = models.BooleanField(_("wajib lulus semua kuis wajib"), default=True)
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("kehadiran minimal (%)"),
        default=75,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Hadir atau terlambat dihitung hadir; izin tidak dihitung hadir. 0 = tanpa syarat kehadiran."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("hours"),
        FieldPanel("instructors"),
        MultiFieldPanel(
            [FieldPanel("require_lessons"), FieldPanel("require_quizzes"), FieldPanel("min_attendance_percent")],
            heading=_("Syarat kelulusan"),
        ),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("kursus")
        verbose_name_plural = _("kursus")

    def route(self, request, path_components):
        """day/lesson: the lesson in one query by its URL path (Wagtail reads the day and the lesson,
        two queries each), handed to the view with this course so it need not read it again."""
        if len(path_components) == 2:
            # By slug first: it is indexed, so the lookup reads the few pages with this slug in any
            # course. url_path is not indexed, and ordered by path (the default) PostgreSQL walked
            # the tree up to the lesson: more rows the later the lesson sits in the site (issue 10).
            lesson = (
                LessonPage.objects.filter(
                    slug=path_components[1],
                    url_path=f"{self.url_path}{path_components[0]}/{path_components[1]}/",
                )
                .order_by("pk")
                .first()
            )
            if lesson is not None:
                if not lesson.live:
                    raise Http404
                return RouteResult(lesson, kwargs={"course": self})
        return super().route(request, path_components)


class ModulePage(ServedByHooks, Page):
    """One training day of a course; its lessons open on `release_date` (if set)."""

    day_number = models.PositiveSmallIntegerField(_("hari ke-"), default=1, validators=[MinValueValidator(1)])
    summary = models.TextField(_("ringkasan"), blank=True)
    release_date = models.DateField(
        _("dibuka mulai"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila materi langsung terbuka."),
    )

    content_panels = Page.content_panels + [FieldPanel("day_number"), FieldPanel("summary"), FieldPanel("release_date")]
    parent_page_types = ["courses.CoursePage"]
    # Other apps add their page types (quizzes) through courses.activities.register_module_page_type.
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("modul (hari)")
        verbose_name_plural = _("modul (hari)")

    @property
    def display_title(self) -> str:
        """ "Hari 2: Manajemen usaha" unless the author already started the title with the day."""
        prefix = _("Hari %(day)s") % {"day": self.day_number}
        if self.title.lower().startswith(str(prefix).lower()):
            return self.title
        return f"{prefix}: {self.title}"

    def is_released(self, today=None) -> bool:
        return self.release_date is None or self.release_date <= (today or timezone.localdate())


class LessonPage(ServedByHooks, Page):
    """A short lesson (5–10 minutes on a phone)."""

    summary = models.TextField(_("ringkasan"), blank=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("isi"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("perkiraan waktu baca (menit)"), default=10)
    is_required = models.BooleanField(_("wajib"), default=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("estimated_minutes"),
        FieldPanel("is_required"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pelajaran")
        verbose_name_plural = _("pelajaran")


class CourseEditorGroup(models.Model):
    """The Wagtail group ("Narasumber: <course>") whose members may edit one course's pages."""

    course = models.OneToOneField(
        CoursePage, verbose_name=_("kursus"), on_delete=models.CASCADE, related_name="editor_group"
    )
    group = models.OneToOneField(
        Group, verbose_name=_("grup"), on_delete=models.CASCADE, related_name="course_editor_of"
    )

    class Meta:
        verbose_name = _("grup penyunting kursus")
        verbose_name_plural = _("grup penyunting kursus")

    def __str__(self):
        return self.group.name
