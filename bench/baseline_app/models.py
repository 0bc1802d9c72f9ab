"""`BaselinePage`: Wagtail's own routing and serving of a page with the lesson's StreamField body.

Its migration lives beside it; only `bench.settings` installs the app.
"""

from wagtail.fields import StreamField
from wagtail.models import Page

from courses.blocks import LessonBodyBlock


class BaselinePage(Page):
    body = StreamField(LessonBodyBlock(), blank=True)

    subpage_types = ["bench_baseline.BaselinePage"]

    class Meta:
        app_label = "bench_baseline"
