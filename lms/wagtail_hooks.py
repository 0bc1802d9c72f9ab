"""Wagtail admin of the glue: the background-task schedule (Celery beat, django-celery-beat).

Officers and the admin see every periodic task (what it does, how often, when it last ran) and may
pause it or change how often it runs; beat picks a change up within seconds, without a restart.
Adding or deleting entries stays with the admin in /django-admin/ (it needs a task's code name).
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_columns import YesNoColumn
from .admin_policies import RefusingPolicy

# What each task of ours does, in words an officer knows (the row's own description wins if set).
TASK_DESCRIPTIONS = {
    "lms.publish_scheduled_pages": _("Menayangkan dan menurunkan halaman yang dijadwalkan."),
    "lms.sweep_background_jobs": _("Menghapus hasil proses yang kedaluwarsa dan mengirim ulang proses yang hilang."),
    "certificates.render_pending": _("Membuat PDF sertifikat yang belum jadi."),
    "quizzes.finish_overdue_attempts": _("Mengumpulkan percobaan kuis yang melewati batas waktu."),
    "celery.backend_cleanup": _("Membersihkan hasil tugas lama dari Redis."),
}


def describe(task: PeriodicTask) -> str:
    return task.description or TASK_DESCRIPTIONS.get(task.task, task.task)


def schedule_text(task: PeriodicTask) -> str:
    if task.interval_id:
        interval = task.interval
        seconds = interval.every * {"days": 86400, "hours": 3600, "minutes": 60, "seconds": 1}.get(interval.period, 1)
        if seconds % 3600 == 0:
            return _("setiap %(n)s jam") % {"n": seconds // 3600}
        if seconds % 60 == 0:
            return _("setiap %(n)s menit") % {"n": seconds // 60}
        return _("setiap %(n)s detik") % {"n": seconds}
    if task.crontab_id:
        return _("menurut crontab: %(cron)s") % {"cron": str(task.crontab)}
    return _("jadwal lain (lihat /django-admin/)")


class PeriodicTaskForm(WagtailAdminModelForm):
    every_minutes = forms.IntegerField(
        label=_("Jalankan setiap (menit)"),
        min_value=1,
        max_value=7 * 24 * 60,
        required=False,
        help_text=_("Kosongkan untuk membiarkan jadwal sekarang."),
    )

    class Meta:
        model = PeriodicTask
        fields = ["enabled", "description"]
        # django-celery-beat's own labels are English only.
        labels = {"enabled": _("Aktif"), "description": _("Keterangan")}
        help_texts = {
            "enabled": _("Hapus centang untuk menghentikan tugas ini sementara."),
            "description": _("Catatan untuk petugas lain (tidak wajib)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        interval = self.instance.interval if self.instance.interval_id else None
        if interval is not None:
            factor = {"days": 1440, "hours": 60, "minutes": 1}.get(interval.period)
            if factor:
                self.fields["every_minutes"].initial = interval.every * factor
            elif interval.period == "seconds" and interval.every % 60 == 0:
                self.fields["every_minutes"].initial = interval.every // 60

    def save(self, commit=True):
        task = super().save(commit=False)
        minutes = self.cleaned_data.get("every_minutes")
        if minutes and minutes != self.fields["every_minutes"].initial:
            task.interval, _created = IntervalSchedule.objects.get_or_create(
                every=minutes, period=IntervalSchedule.MINUTES
            )
            task.crontab = task.solar = task.clocked = None
        if commit:
            task.save()
        return task


class ChangeOnlyPolicy(RefusingPolicy):
    """Entries are seeded from settings (lms.beat) and added or deleted only in /django-admin/."""

    refused = frozenset({"add", "delete"})


register_permission_policy(PeriodicTask, ChangeOnlyPolicy(PeriodicTask))


class ScheduleIndexView(IndexView):
    page_title = _("Jadwal tugas latar")


class PeriodicTaskViewSet(ModelViewSet):
    model = PeriodicTask
    icon = "time"
    menu_label = _("Jadwal tugas latar")
    add_to_settings_menu = True
    name = "lms_periodic_tasks"
    url_prefix = "jadwal-tugas"
    index_view_class = ScheduleIndexView
    inspect_view_enabled = False
    copy_view_enabled = False
    form_fields = ["enabled", "description"]
    edit_handler = ObjectList(
        [FieldPanel("enabled"), FieldPanel("every_minutes"), FieldPanel("description")],
        base_form_class=PeriodicTaskForm,
    )
    list_display = [
        TitleColumn("name", label=_("Nama"), url_name="lms_periodic_tasks:edit"),
        Column("what", label=_("Tugas"), accessor=describe),
        Column("schedule", label=_("Jadwal"), accessor=schedule_text),
        YesNoColumn("enabled", label=_("Aktif")),
        Column("last_run_at", label=_("Terakhir berjalan")),
        Column("total_run_count", label=_("Berapa kali")),
    ]
    ordering = ["name"]


@hooks.register("register_admin_viewset")
def register_periodic_task_viewset():
    return PeriodicTaskViewSet()


@hooks.register("register_account_menu_item")
def profile_menu_item(request):
    """The admin's account page (lms.admin_account) sends name, phone and organisation to the profile."""
    return {
        "url": reverse("profile"),
        "label": _("Profil Sinau"),
        "help_text": _("Nama lengkap, nomor HP dan organisasi diubah di profil Sinau."),
    }
