"""Incubation data: programmes, ventures, stage history, milestones, mentoring and monthly KPI reports.

Writes go through `incubator.services` (the rules: allowed stage moves, one report per month,
evidence checks); the models hold the data and the invariants the database can keep.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

MONEY = {"max_digits": 18, "decimal_places": 2}


class Stage(models.TextChoices):
    PRA = "pra", _("Pra-inkubasi")
    INKUBASI = "inkubasi", _("Inkubasi")
    PASCA = "pasca", _("Pasca-inkubasi")
    LULUS = "lulus", _("Lulus")
    KELUAR = "keluar", _("Keluar")


# The normal path; KELUAR may follow any stage before the end.
STAGE_ORDER = [Stage.PRA, Stage.INKUBASI, Stage.PASCA, Stage.LULUS]
FINAL_STAGES = {Stage.LULUS, Stage.KELUAR}
ACTIVE_STAGES = [Stage.PRA, Stage.INKUBASI, Stage.PASCA]


class VentureKind(models.TextChoices):
    NEW_COOPERATIVE = "baru", _("Koperasi baru")
    RETAIL_COOPERATIVE = "ritel", _("Koperasi ritel")
    ONLINE_COOPERATIVE = "online", _("Koperasi online")
    MICRO_BUSINESS = "mikro", _("Usaha mikro")


class Programme(ClusterableModel):
    """An incubation intake ("angkatan inkubasi") with its dates and milestone templates."""

    name = models.CharField(_("nama program"), max_length=200)
    intake_year = models.PositiveIntegerField(_("tahun angkatan"))
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    description = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("program inkubasi")
        verbose_name_plural = _("program inkubasi")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})


class MilestoneTemplate(Orderable):
    """A milestone every venture of the programme gets, due a number of days after it enters."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="milestone_templates")
    title = models.CharField(_("tonggak"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True)
    due_after_days = models.PositiveIntegerField(_("jatuh tempo (hari setelah masuk)"), default=90)

    class Meta(Orderable.Meta):
        verbose_name = _("templat tonggak")
        verbose_name_plural = _("templat tonggak")

    def __str__(self):
        return self.title


class Venture(models.Model):
    """A venture (new cooperative, retail or online cooperative, micro business) in incubation."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.PROTECT, related_name="ventures"
    )
    name = models.CharField(_("nama usaha"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=10, choices=VentureKind.choices)
    sector = models.CharField(_("sektor"), max_length=120, blank=True)
    kbli = models.CharField(_("KBLI"), max_length=10, blank=True, help_text=_("Kode KBLI lima angka."))
    kelurahan = models.CharField(_("kelurahan"), max_length=100, blank=True)
    kecamatan = models.CharField(_("kecamatan"), max_length=100, blank=True)
    nib = models.CharField(_("NIB"), max_length=20, blank=True, help_text=_("Nomor Induk Berusaha, bila sudah ada."))
    legal_entity = models.CharField(
        _("badan hukum"), max_length=100, blank=True, help_text=_("Nomor SK badan hukum koperasi, bila sudah ada.")
    )
    halal_certificate = models.CharField(_("sertifikat halal"), max_length=60, blank=True)
    pirt = models.CharField(_("PIRT"), max_length=30, blank=True)
    brand = models.CharField(_("merek"), max_length=120, blank=True)
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kontak usaha"),
        blank=True,
        related_name="contact_ventures",
        help_text=_("Pengguna dengan peran Kontak Usaha yang melapor untuk usaha ini."),
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("orang yang dilatih"),
        blank=True,
        related_name="trained_for_ventures",
        help_text=_("Pengurus atau anggota usaha yang mengikuti pelatihan Sinau."),
    )
    entry_date = models.DateField(_("tanggal masuk"))
    stage = models.CharField(_("tahap"), max_length=10, choices=Stage.choices, default=Stage.PRA)
    stage_since = models.DateField(_("tahap sejak"))
    book = models.OneToOneField(
        "ledger.Book",
        verbose_name=_("pembukuan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venture",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    # When its latest monthly report came in (kept by incubator.totals on every report write): the
    # dashboard finds ventures at risk and orders them by it without reading the reports.
    last_report_at = models.DateTimeField(_("laporan terakhir masuk"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("usaha binaan")
        verbose_name_plural = _("usaha binaan")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["programme", "stage"], name="incub_venture_prog_stage"),
            models.Index(fields=["kecamatan"], name="incub_venture_kecamatan"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.stage_since is None:  # a venture added in the admin starts its stage on entry
            self.stage_since = self.entry_date
        super().save(*args, **kwargs)


class StageChange(models.Model):
    """One move of a venture between stages: when, by whom, why; a skip carries the override."""

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("dari tahap"), max_length=10, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("ke tahap"), max_length=10, choices=Stage.choices)
    date = models.DateField(_("tanggal"))
    reason = models.TextField(_("alasan"))
    override = models.BooleanField(_("pengecualian petugas"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("perubahan tahap")
        verbose_name_plural = _("perubahan tahap")
        ordering = ["venture_id", "date", "pk"]

    def __str__(self):
        return f"{self.venture_id}: {self.from_stage} → {self.to_stage}"


class Milestone(models.Model):
    """A venture's milestone: due and done dates, the evidence and the officer who verified it."""

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="milestones")
    template = models.ForeignKey(
        MilestoneTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="milestones"
    )
    title = models.CharField(_("tonggak"), max_length=200)
    due_date = models.DateField(_("jatuh tempo"))
    done_date = models.DateField(_("tanggal tercapai"), null=True, blank=True)
    evidence = models.FileField(_("bukti"), upload_to="inkubasi/bukti/%Y/%m/", blank=True)
    evidence_name = models.CharField(_("nama berkas bukti"), max_length=200, blank=True)
    evidence_note = models.TextField(_("catatan bukti"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("bukti dikirim pada"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("tonggak")
        verbose_name_plural = _("tonggak")
        ordering = ["venture_id", "due_date", "pk"]
        indexes = [models.Index(fields=["due_date", "verified_at"], name="incub_milestone_due")]

    def __str__(self):
        return self.title

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class MentoringSession(models.Model):
    """A mentoring meeting with a venture: date, mentor, topics, notes and action items."""

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="mentoring_sessions")
    date = models.DateField(_("tanggal"))
    mentor = models.CharField(_("pendamping"), max_length=150)
    topics = models.CharField(_("topik"), max_length=300)
    notes = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sesi pendampingan")
        verbose_name_plural = _("sesi pendampingan")
        ordering = ["venture_id", "-date", "-pk"]

    def __str__(self):
        return f"{self.date} {self.topics}"


class ActionItem(models.Model):
    session = models.ForeignKey(MentoringSession, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("tindak lanjut"), max_length=300)
    due_date = models.DateField(_("batas waktu"))
    done = models.BooleanField(_("selesai"), default=False)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["session_id", "due_date", "pk"]

    def __str__(self):
        return self.text


class MentoringRevision(models.Model):
    """A mentoring session as it was before an officer edited or deleted it (its history).

    Kept on the venture, so the record of a deleted session outlives it (`session` is then null)."""

    class Action(models.TextChoices):
        EDIT = "edit", _("diubah")
        DELETE = "delete", _("dihapus")

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="mentoring_revisions")
    session = models.ForeignKey(
        MentoringSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="revisions"
    )
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    # {"date": "2026-11-02", "mentor": ..., "topics": ..., "notes": ..., "action_items": [{"text", "due_date", "done"}]}
    snapshot = models.JSONField(_("isi sebelumnya"))
    reason = models.CharField(_("alasan"), max_length=300, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(_("diubah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat pendampingan")
        verbose_name_plural = _("riwayat pendampingan")
        ordering = ["venture_id", "-changed_at", "-pk"]

    def __str__(self):
        return f"{self.venture_id} {self.action} ({timezone.localtime(self.changed_at):%Y-%m-%d %H:%M})"

    @property
    def before(self) -> dict:
        """The snapshot with its dates as dates (for templates)."""
        import datetime as dt

        data = dict(self.snapshot)
        data["date"] = dt.date.fromisoformat(data["date"])
        data["action_items"] = [
            {**item, "due_date": dt.date.fromisoformat(item["due_date"])} for item in data.get("action_items", [])
        ]
        return data


class KpiSource(models.TextChoices):
    TYPED = "typed", _("Diisi manual")
    BOOK = "book", _("Dari pembukuan")


KPI_FIGURES = (
    "omzet",
    "members",
    "employees_male",
    "employees_female",
    "assets",
    "shu",
    "financing",
)


class KpiReport(models.Model):
    """A venture's figures for one month (`period` is the first day), or its baseline at entry."""

    venture = models.ForeignKey(
        Venture, verbose_name=_("usaha binaan"), on_delete=models.CASCADE, related_name="kpi_reports"
    )
    period = models.DateField(_("bulan"))
    is_baseline = models.BooleanField(_("data dasar"), default=False)
    omzet = models.DecimalField(_("omzet (Rp)"), validators=[MinValueValidator(0)], **MONEY)
    members = models.PositiveIntegerField(_("jumlah anggota"))
    employees_male = models.PositiveIntegerField(_("pekerja laki-laki"))
    employees_female = models.PositiveIntegerField(_("pekerja perempuan"))
    assets = models.DecimalField(_("aset (Rp)"), validators=[MinValueValidator(0)], **MONEY)
    shu = models.DecimalField(_("laba / SHU (Rp)"), **MONEY)  # may be a loss
    financing = models.DecimalField(_("pembiayaan diperoleh (Rp)"), validators=[MinValueValidator(0)], **MONEY)
    source = models.CharField(_("sumber"), max_length=10, choices=KpiSource.choices, default=KpiSource.TYPED)
    # Figures typed by hand that differ from the venture's book: {"omzet": "1250000.00", ...} (book values).
    book_differences = models.JSONField(_("beda dengan pembukuan"), default=dict, blank=True)
    late = models.BooleanField(_("terlambat"), default=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("dikirim pada"))
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        verbose_name = _("laporan KPI")
        verbose_name_plural = _("laporan KPI")
        ordering = ["venture_id", "-is_baseline", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["venture", "period"], condition=models.Q(is_baseline=False), name="incub_kpi_one_per_month"
            ),
            models.UniqueConstraint(
                fields=["venture"], condition=models.Q(is_baseline=True), name="incub_kpi_one_baseline"
            ),
        ]
        indexes = [
            models.Index(fields=["venture", "period"], name="incub_kpi_venture_period"),
            # A venture's latest report (ventures at risk): one index probe per venture.
            models.Index(fields=["venture", "submitted_at"], name="incub_kpi_venture_submitted"),
            # Who reported in the last 60 days (ventures at risk): one range read.
            models.Index(fields=["submitted_at"], name="incub_kpi_submitted"),
            # The dashboard's monthly totals read from the index alone (no table rows).
            models.Index(
                fields=["is_baseline", "period", "venture", "omzet", "members", "employees_male", "employees_female"],
                name="incub_kpi_month_totals",
            ),
        ]

    def __str__(self):
        return f"{self.venture_id} {self.period:%Y-%m}"

    @property
    def period_end(self):
        import datetime as dt

        return (self.period.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)

    @property
    def employees(self) -> int:
        return self.employees_male + self.employees_female


class KpiMonthTotal(models.Model):
    """The sums of a programme's KPI reports for one month (or of its baselines), kept up to date
    on every write of a report (incubator.totals): the dashboard's trends read 13 rows instead of
    adding up every report of the year."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="kpi_totals")
    is_baseline = models.BooleanField(default=False)
    period = models.DateField(null=True, blank=True)  # null for the baselines
    reports = models.PositiveIntegerField(default=0)
    omzet = models.DecimalField(default=0, **MONEY)
    members = models.PositiveBigIntegerField(default=0)
    employees_male = models.PositiveBigIntegerField(default=0)
    employees_female = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("jumlah KPI per bulan")
        verbose_name_plural = _("jumlah KPI per bulan")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "period"], condition=models.Q(is_baseline=False), name="incub_total_month"
            ),
            models.UniqueConstraint(
                fields=["programme"], condition=models.Q(is_baseline=True), name="incub_total_baseline"
            ),
        ]

    def __str__(self):
        return f"{self.programme_id} {'dasar' if self.is_baseline else self.period}"


class KpiRevision(models.Model):
    """The figures of a KPI report before an edit (the history of a second report for a month)."""

    report = models.ForeignKey(KpiReport, on_delete=models.CASCADE, related_name="revisions")
    figures = models.JSONField(_("angka sebelumnya"))
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(_("diubah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat laporan KPI")
        verbose_name_plural = _("riwayat laporan KPI")
        ordering = ["report_id", "-changed_at", "-pk"]

    def __str__(self):
        return f"{self.report} ({timezone.localtime(self.changed_at):%Y-%m-%d %H:%M})"


class ReminderLog(models.Model):
    """What a beat task already sent, so a rerun sends nothing twice."""

    key = models.CharField(max_length=120, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("catatan pengingat")
        verbose_name_plural = _("catatan pengingat")

    def __str__(self):
        return self.key


def _monthly_report_path(instance, filename):
    return f"inkubasi/laporan-bulanan/{instance.month:%Y}/{filename}"


class MonthlyReport(models.Model):
    """A stored monthly report for the head of office (PDF). Each one is a version of its month,
    kept as made: a new report for the same month is a new version, never an overwrite. Beat keeps
    one per month (`source` "scheduled"); officers add versions on demand."""

    class Source(models.TextChoices):
        SCHEDULED = "scheduled", _("Otomatis (awal bulan)")
        ON_DEMAND = "demand", _("Dibuat petugas")

    month = models.DateField(_("bulan"))
    version = models.PositiveIntegerField(_("versi"))
    source = models.CharField(_("dibuat"), max_length=10, choices=Source.choices)
    file = models.FileField(_("berkas"), upload_to=_monthly_report_path, max_length=200)
    filename = models.CharField(_("nama berkas"), max_length=100)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The background job that made it (a retried job must not add a second version).
    job_id = models.CharField(max_length=64, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("laporan bulanan inkubasi")
        verbose_name_plural = _("laporan bulanan inkubasi")
        ordering = ["-month", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["month", "version"], name="incub_monthly_version"),
            models.UniqueConstraint(
                fields=["month"], condition=models.Q(source="scheduled"), name="incub_monthly_one_scheduled"
            ),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} v{self.version}"
