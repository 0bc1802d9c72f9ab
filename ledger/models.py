"""Ledger data: charts of accounts, books, journal entries (immutable once posted), members, exercises.

Writes that span models live in `ledger.services`; the models only guard their own invariants:
a posted entry and its lines cannot be changed or deleted, a book's chart cannot change once the
book has entries, account codes are unique per chart.
"""

from __future__ import annotations

import contextlib
import contextvars
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import connections, models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from lms.formatting import RupiahFormField

from .exceptions import LedgerImmutableError

MONEY = {"max_digits": 18, "decimal_places": 2}
ZERO = Decimal("0.00")


class MoneyField(models.DecimalField):
    """A Rupiah column typed by people in forms (the exercise editor): its form field reads the one
    grammar of `lms.formatting.parse_rupiah` ("1.250.000,50"). Stored and migrated as a plain
    DecimalField (`deconstruct` says so), so no migration follows from using it."""

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", RupiahFormField)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs


class AccountGroup(models.TextChoices):
    ASET = "aset", _("Aset")
    KEWAJIBAN = "kewajiban", _("Kewajiban")
    EKUITAS = "ekuitas", _("Ekuitas")
    PENDAPATAN = "pendapatan", _("Pendapatan")
    BEBAN = "beban", _("Beban")


class NormalSide(models.TextChoices):
    DEBIT = "debit", _("Debit")
    CREDIT = "credit", _("Kredit")


class MemberSubledger(models.TextChoices):
    NONE = "", _("Tidak ada")
    SIMPANAN = "simpanan", _("Simpanan anggota")
    PIUTANG = "piutang", _("Piutang anggota")
    # Revenue from members' transactions (partisipasi, jasa pinjaman): each line names the member,
    # since SHU jasa usaha is shared by these figures.
    TRANSAKSI = "transaksi", _("Transaksi anggota (partisipasi)")


class Side(models.TextChoices):
    DEBIT = "D", _("Debit")
    CREDIT = "C", _("Kredit")


# --- Charts of accounts -------------------------------------------------------------------


class ChartTemplate(models.Model):
    """A chart of accounts. The seeded default is copied by instructors and adapted (`copy_chart`)."""

    name = models.CharField(_("nama"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    description = models.TextField(_("keterangan"), blank=True)
    is_default = models.BooleanField(
        _("bagan bawaan"), default=False, help_text=_("Dipakai untuk buku latihan baru bila tidak dipilih bagan lain.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("bagan akun")
        verbose_name_plural = _("bagan akun")
        ordering = ["-is_default", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def get_default(cls) -> ChartTemplate:
        """The default chart (seeded by migration 0002). `ledger.charts.default_chart()` also seeds it
        when it is missing (a flushed database); models import nothing above them, so not here."""
        chart = cls.objects.filter(is_default=True).order_by("pk").first()
        if chart is None:
            raise cls.DoesNotExist("No default chart: run the migrations or ledger.charts.default_chart().")
        return chart


class Account(models.Model):
    """One account of a chart. Headers (`is_postable=False`) group accounts and take no lines."""

    chart = models.ForeignKey(
        ChartTemplate, verbose_name=_("bagan akun"), on_delete=models.CASCADE, related_name="accounts"
    )
    code = models.CharField(_("kode"), max_length=10)
    name = models.CharField(_("nama akun"), max_length=150)
    group = models.CharField(_("kelompok"), max_length=12, choices=AccountGroup.choices)
    normal_side = models.CharField(_("saldo normal"), max_length=6, choices=NormalSide.choices)
    is_postable = models.BooleanField(
        _("dapat diposting"), default=True, help_text=_("Akun induk (header) tidak dapat diposting.")
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("akun induk"), null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    member_subledger = models.CharField(
        _("buku pembantu anggota"), max_length=10, choices=MemberSubledger.choices, blank=True, default=""
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("akun")
        verbose_name_plural = _("akun")
        ordering = ["chart_id", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["chart", "code"], name="ledger_account_unique_code_per_chart")]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def is_debit_normal(self) -> bool:
        return self.normal_side == NormalSide.DEBIT

    @property
    def is_contra(self) -> bool:
        """A contra account: its normal side is not its group's (e.g. Akumulasi Penyusutan)."""
        group_debit = self.group in (AccountGroup.ASET, AccountGroup.BEBAN)
        return group_debit != self.is_debit_normal

    def clean(self):
        if self.parent_id and self.parent.chart_id != self.chart_id:
            raise ValidationError({"parent": _("Akun induk harus berasal dari bagan akun yang sama.")})
        if self.member_subledger and not self.is_postable:
            raise ValidationError(
                {"member_subledger": _("Akun induk (header) tidak dapat memiliki buku pembantu anggota.")}
            )


# --- Exercises (authored by instructors in the Wagtail admin) -----------------------------


class GradingMode(models.TextChoices):
    PER_LINE = "per_line", _("Per baris jurnal")
    PER_TRANSACTION = "per_transaction", _("Per transaksi (semua baris harus benar)")
    BALANCES = "balances", _("Saldo akhir per akun")


class LedgerExercise(ClusterableModel):
    """A bookkeeping exercise: narrative transactions, opening balances and the expected answer.

    The expected answer is either expected lines per transaction (`expected_lines`, linked to a
    transaction by its number) or expected final balances (`expected_balances`). Optional SHU
    settings (`shu_amount`, `shu_components`, and the member figures on `members`) feed an SHU check.
    `ledger.validation.validate_exercise` checks the whole cluster (simpanan pokok equal for all).
    """

    title = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    instructions = RichTextField(_("petunjuk"), blank=True)
    chart = models.ForeignKey(
        ChartTemplate, verbose_name=_("bagan akun"), on_delete=models.PROTECT, related_name="exercises"
    )
    period_start = models.DateField(_("awal periode"))
    period_end = models.DateField(_("akhir periode"))
    cooperative_name = models.CharField(_("nama koperasi"), max_length=200)
    grading_mode = models.CharField(
        _("cara penilaian"), max_length=20, choices=GradingMode.choices, default=GradingMode.PER_LINE
    )
    tolerance = MoneyField(
        _("toleransi selisih (Rp)"),
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
        help_text=_("Selisih jumlah yang masih dianggap benar; 0 berarti harus tepat."),
        **MONEY,
    )
    feedback_names_accounts = models.BooleanField(
        _("umpan balik menyebut akun"),
        default=True,
        help_text=_(
            "Bila dicentang, hasil pemeriksaan menyebut akun yang belum dijurnal atau yang seharusnya dipakai "
            "(tanpa jumlahnya). Kosongkan untuk ujian: peserta hanya tahu berapa akun yang kurang."
        ),
    )
    shu_amount = MoneyField(
        _("SHU yang dibagi (Rp)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila latihan ini tidak memuat pembagian SHU."),
        **MONEY,
    )
    shu_components = models.JSONField(
        _("komponen SHU (%)"),
        default=dict,
        blank=True,
        help_text=_(
            'Mis. {"cadangan": "40", "jasa_usaha": "25", "jasa_modal": "20", "pengurus": "5", ...}; jumlahnya harus 100.'
        ),
    )
    simpanan_pokok = MoneyField(
        _("simpanan pokok per anggota (Rp)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
        help_text=_(
            "Sama besar untuk setiap anggota (Penjelasan Pasal 41 UU No. 25/1992); latihan yang simpanan "
            "pokok anggotanya berbeda ditolak saat disimpan. Kosongkan bila latihan tidak memuat simpanan pokok."
        ),
        **MONEY,
    )
    # A draft is seen by instructors and admins only; trainees see published exercises.
    live = models.BooleanField(
        _("terbit"),
        default=False,
        help_text=_("Centang bila latihan sudah siap dikerjakan peserta; tanpa centang latihan masih draf."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        verbose_name = _("latihan pembukuan")
        verbose_name_plural = _("latihan pembukuan")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        # Only the exercise's own fields: the children may still be unsaved form data here. The
        # admin form calls `ledger.validation.validate_exercise` once its formsets are applied.
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("Akhir periode tidak boleh sebelum awal periode.")
        if self.shu_components and not isinstance(self.shu_components, dict):
            errors["shu_components"] = _("Komponen SHU harus berupa pasangan nama komponen dan persentase.")
        if errors:
            raise ValidationError(errors)


class ExerciseMember(Orderable):
    """A member of the exercise's cooperative; SHU figures are optional (else taken from the book)."""

    exercise = ParentalKey(LedgerExercise, on_delete=models.CASCADE, related_name="members")
    number = models.CharField(_("nomor anggota"), max_length=20)
    name = models.CharField(_("nama"), max_length=150)
    shu_simpanan = MoneyField(_("simpanan untuk SHU (Rp)"), null=True, blank=True, **MONEY)
    shu_transactions = MoneyField(_("transaksi untuk SHU (Rp)"), null=True, blank=True, **MONEY)

    class Meta(Orderable.Meta):
        verbose_name = _("anggota latihan")
        verbose_name_plural = _("anggota latihan")

    def __str__(self):
        return f"{self.number} {self.name}"


class ExerciseOpeningBalance(Orderable):
    """An opening balance, signed in the account's normal direction (negative = abnormal side)."""

    exercise = ParentalKey(LedgerExercise, on_delete=models.CASCADE, related_name="opening_balances")
    account_code = models.CharField(_("kode akun"), max_length=10)
    amount = MoneyField(_("saldo (Rp)"), **MONEY)
    member_number = models.CharField(_("nomor anggota"), max_length=20, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("saldo awal")
        verbose_name_plural = _("saldo awal")

    def __str__(self):
        return f"{self.account_code} {self.amount}"


class ExerciseTransaction(Orderable):
    """A narrative transaction to journalise; `number` is the voucher number trainees type."""

    exercise = ParentalKey(LedgerExercise, on_delete=models.CASCADE, related_name="transactions")
    number = models.PositiveIntegerField(_("nomor transaksi"))
    date = models.DateField(_("tanggal"))
    narrative = models.TextField(_("uraian transaksi"))
    points = models.DecimalField(
        _("poin"), max_digits=6, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(ZERO)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("transaksi latihan")
        verbose_name_plural = _("transaksi latihan")

    def __str__(self):
        return f"{self.number}. {self.narrative[:60]}"


class ExpectedLine(Orderable):
    """One expected journal line of the transaction numbered `transaction_number`.

    A transaction without expected lines means "no entry required".
    """

    exercise = ParentalKey(LedgerExercise, on_delete=models.CASCADE, related_name="expected_lines")
    transaction_number = models.PositiveIntegerField(_("nomor transaksi"))
    account_code = models.CharField(_("kode akun"), max_length=10)
    side = models.CharField(_("sisi"), max_length=1, choices=Side.choices)
    amount = MoneyField(_("jumlah (Rp)"), **MONEY)
    member_number = models.CharField(_("nomor anggota"), max_length=20, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("baris jawaban")
        verbose_name_plural = _("baris jawaban")

    def __str__(self):
        return f"{self.transaction_number}: {self.account_code} {self.side} {self.amount}"


class ExpectedBalance(Orderable):
    """An expected final balance, signed in the account's normal direction."""

    exercise = ParentalKey(LedgerExercise, on_delete=models.CASCADE, related_name="expected_balances")
    account_code = models.CharField(_("kode akun"), max_length=10)
    balance = MoneyField(_("saldo akhir (Rp)"), **MONEY)

    class Meta(Orderable.Meta):
        verbose_name = _("saldo akhir yang diharapkan")
        verbose_name_plural = _("saldo akhir yang diharapkan")

    def __str__(self):
        return f"{self.account_code} {self.balance}"


# --- Books ---------------------------------------------------------------------------------


class BookKind(models.TextChoices):
    PRACTICE = "practice", _("Buku latihan bebas")
    EXERCISE = "exercise", _("Buku latihan soal")
    # A real business's books kept in Sinau (an incubated venture's; see ledger.access for who may write).
    VENTURE = "venture", _("Buku usaha")


class Book(models.Model):
    """A trainee's sandbox book: free practice, or one attempt at an exercise."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pemilik"), on_delete=models.CASCADE, related_name="ledger_books"
    )
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=10, choices=BookKind.choices, default=BookKind.PRACTICE)
    chart = models.ForeignKey(
        ChartTemplate, verbose_name=_("bagan akun"), on_delete=models.PROTECT, related_name="books"
    )
    exercise = models.ForeignKey(
        LedgerExercise,
        verbose_name=_("latihan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="books",
    )
    attempt = models.PositiveIntegerField(_("percobaan ke"), default=1)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("buku sebelum diulang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_attempt",
    )
    period_start = models.DateField(_("awal periode"))
    period_end = models.DateField(_("akhir periode"))
    cooperative_name = models.CharField(_("nama koperasi"), max_length=200, blank=True)
    simpanan_pokok = MoneyField(
        _("simpanan pokok per anggota (Rp)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
        help_text=_("Sama besar untuk setiap anggota; buku memberi peringatan bila simpanan pokok anggota berbeda."),
        **MONEY,
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    archived = models.BooleanField(_("diarsipkan"), default=False)
    archived_at = models.DateTimeField(_("diarsipkan pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("buku")
        verbose_name_plural = _("buku")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "archived"], name="ledger_book_owner_idx")]
        constraints = [
            # One active attempt per trainee and exercise; a reset archives it and starts the next.
            models.UniqueConstraint(
                fields=["owner", "exercise"],
                condition=models.Q(archived=False, exercise__isnull=False),
                name="ledger_book_one_active_attempt",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded_chart_id", None)
        if self.pk and loaded is not None and loaded != self.chart_id and self.entries.exists():
            raise ValidationError({"chart": _("Bagan akun buku yang sudah berisi jurnal tidak dapat diganti.")})
        super().save(*args, **kwargs)
        self._loaded_chart_id = self.chart_id

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Akhir periode tidak boleh sebelum awal periode.")})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_chart_id = instance.__dict__.get("chart_id")
        return instance

    def contains_date(self, value) -> bool:
        return self.period_start <= value <= self.period_end


class Member(models.Model):
    """A member of the simulated cooperative of one book (sub-ledgers for simpanan and piutang)."""

    book = models.ForeignKey(Book, verbose_name=_("buku"), on_delete=models.CASCADE, related_name="members")
    number = models.CharField(_("nomor anggota"), max_length=20)
    name = models.CharField(_("nama"), max_length=150)

    class Meta:
        verbose_name = _("anggota")
        verbose_name_plural = _("anggota")
        ordering = ["book_id", "number"]
        constraints = [models.UniqueConstraint(fields=["book", "number"], name="ledger_member_unique_number_per_book")]

    def __str__(self):
        return f"{self.number} {self.name}"


# --- Journal -------------------------------------------------------------------------------


class EntryStatus(models.TextChoices):
    POSTED = "posted", _("Diposting")


class EntryKind(models.TextChoices):
    NORMAL = "normal", _("Jurnal umum")
    OPENING = "opening", _("Saldo awal")
    REVERSAL = "reversal", _("Jurnal pembalik")
    CLOSING = "closing", _("Jurnal penutup")


# Set only while the posting services write a new entry with its lines (`writing_journal()`).
_writing_journal: contextvars.ContextVar[bool] = contextvars.ContextVar("ledger_writing_journal", default=False)


@contextlib.contextmanager
def writing_journal():
    """The one door for new journal rows: `ledger.services` (and bulk loaders of benchmarks and
    demos) insert entries and their lines inside it. Outside it the ORM's bulk paths are closed, so
    nothing can add lines to a posted entry or rewrite them (`update_conflicts`)."""
    token = _writing_journal.set(True)
    try:
        yield
    finally:
        _writing_journal.reset(token)


class ImmutableQuerySet(models.QuerySet):
    """Every ORM path that could change posted journal rows is refused like the instance methods:
    update, delete, bulk_update, and bulk_create outside `writing_journal()` or with
    `update_conflicts`/`ignore_conflicts` (an upsert rewrites amounts; ignoring hides a clash).
    On PostgreSQL a trigger refuses UPDATE and DELETE in the database too (migration 0010).

    (Deleting a whole book still cascades: Django's collector does not go through these methods,
    and the trigger lets a book's own deletion through.)
    """

    def update(self, **kwargs):
        raise LedgerImmutableError()

    def delete(self):
        raise LedgerImmutableError()

    def bulk_update(self, objs, fields, batch_size=None):
        raise LedgerImmutableError()

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise LedgerImmutableError()

    def bulk_create(self, objs, *args, update_conflicts=False, ignore_conflicts=False, **kwargs):
        if update_conflicts or ignore_conflicts or not _writing_journal.get():
            raise LedgerImmutableError()
        return super().bulk_create(objs, *args, **kwargs)


class JournalEntry(models.Model):
    """A posted journal entry. Immutable: corrections only by `services.reverse_journal_entry`."""

    book = models.ForeignKey(Book, verbose_name=_("buku"), on_delete=models.CASCADE, related_name="entries")
    number = models.PositiveIntegerField(_("nomor jurnal"))
    date = models.DateField(_("tanggal"))
    description = models.CharField(_("keterangan"), max_length=255)
    voucher = models.CharField(_("nomor bukti"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.POSTED)
    kind = models.CharField(_("jenis"), max_length=10, choices=EntryKind.choices, default=EntryKind.NORMAL)
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("membalik jurnal"),
        null=True,
        blank=True,
        # RESTRICT (not PROTECT): deleting a whole book may delete an entry with its reversal.
        on_delete=models.RESTRICT,
        related_name="reversed_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)
    # The submitting form's one-time token: a resent form returns the entry already posted.
    client_token = models.CharField(_("token formulir"), max_length=64, blank=True, editable=False)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("jurnal")
        verbose_name_plural = _("jurnal")
        ordering = ["book_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["book", "number"], name="ledger_entry_unique_number_per_book"),
            models.UniqueConstraint(
                fields=["book", "client_token"],
                condition=~models.Q(client_token=""),  # nosec B106  # a double-submit token, not a password
                name="ledger_entry_unique_client_token",
            ),
        ]
        indexes = [models.Index(fields=["book", "date"], name="ledger_entry_book_date_idx")]

    def __str__(self):
        return f"#{self.number} {self.date:%Y-%m-%d} {self.description}"

    def save(self, *args, **kwargs):
        if not self._state.adding or not _writing_journal.get():
            raise LedgerImmutableError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerImmutableError()

    @property
    def is_reversed(self) -> bool:
        try:
            return self.reversed_by is not None
        except JournalEntry.DoesNotExist:
            return False


class JournalLine(models.Model):
    """One debit or credit line. Written only together with its entry (by the posting services)."""

    entry = models.ForeignKey(JournalEntry, verbose_name=_("jurnal"), on_delete=models.CASCADE, related_name="lines")
    account = models.ForeignKey(Account, verbose_name=_("akun"), on_delete=models.PROTECT, related_name="lines")
    side = models.CharField(_("sisi"), max_length=1, choices=Side.choices)
    amount = models.DecimalField(_("jumlah"), **MONEY)
    member = models.ForeignKey(
        Member, verbose_name=_("anggota"), null=True, blank=True, on_delete=models.RESTRICT, related_name="lines"
    )
    memo = models.CharField(_("catatan"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("urutan"), default=0)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("baris jurnal")
        verbose_name_plural = _("baris jurnal")
        ordering = ["entry_id", "order", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="ledger_line_amount_positive"),
            models.CheckConstraint(condition=models.Q(side__in=["D", "C"]), name="ledger_line_side_valid"),
        ]
        indexes = [models.Index(fields=["account", "entry"], name="ledger_line_account_idx")]

    def __str__(self):
        return f"{self.account.code} {self.side} {self.amount}"

    def save(self, *args, **kwargs):
        # Lines are created in bulk with their entry by the services; any later save is a change.
        raise LedgerImmutableError()

    def delete(self, *args, **kwargs):
        raise LedgerImmutableError()

    @property
    def debit(self):
        return self.amount if self.side == Side.DEBIT else None

    @property
    def credit(self):
        return self.amount if self.side == Side.CREDIT else None


# --- Audit trail ---------------------------------------------------------------------------


class AuditAction(models.TextChoices):
    BOOK_CREATED = "book_created", _("Buku dibuat")
    ENTRY_POSTED = "entry_posted", _("Jurnal diposting")
    ENTRY_REVERSED = "entry_reversed", _("Jurnal dibalik")
    PERIOD_CLOSED = "period_closed", _("Periode ditutup")
    BOOK_RESET = "book_reset", _("Buku diulang dari awal")
    BOOK_ARCHIVED = "book_archived", _("Buku diarsipkan")
    MEMBER_ADDED = "member_added", _("Anggota ditambahkan")
    BOOK_GRADED = "book_graded", _("Buku diperiksa")


class LedgerAuditEvent(models.Model):
    """Who did what to a book, and when (append-only)."""

    book = models.ForeignKey(Book, verbose_name=_("buku"), on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pelaku"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("tindakan"), max_length=20, choices=AuditAction.choices)
    entry = models.ForeignKey(
        JournalEntry,
        verbose_name=_("jurnal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    at = models.DateTimeField(_("waktu"), auto_now_add=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("jejak audit buku")
        verbose_name_plural = _("jejak audit buku")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M} {self.get_action_display()}"


# --- Per-month totals (kept as entries post) ----------------------------------------------


class AccountPeriodBalance(models.Model):
    """Debit and credit totals of one account of one book in one calendar month.

    Written only by the posting service (`services._write_entry`, under the book's lock) in the
    same transaction as the lines, so the trial balance sums at most (accounts × months) rows
    instead of every line of the book. `services.rebuild_period_balances` recomputes them.
    """

    book = models.ForeignKey(Book, verbose_name=_("buku"), on_delete=models.CASCADE, related_name="period_balances")
    account = models.ForeignKey(Account, verbose_name=_("akun"), on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("bulan"), help_text=_("Tanggal 1 bulan itu."))
    debit = models.DecimalField(_("jumlah debit"), max_digits=20, decimal_places=2, default=Decimal("0.00"))
    credit = models.DecimalField(_("jumlah kredit"), max_digits=20, decimal_places=2, default=Decimal("0.00"))

    class Meta:
        verbose_name = _("saldo akun per bulan")
        verbose_name_plural = _("saldo akun per bulan")
        constraints = [
            models.UniqueConstraint(fields=["book", "account", "month"], name="ledger_period_balance_unique"),
        ]
        indexes = [models.Index(fields=["book", "month"], name="ledger_period_book_month_idx")]

    def __str__(self):
        return f"{self.book_id} {self.account_id} {self.month:%Y-%m}: D {self.debit} K {self.credit}"


# --- Deleting a whole book ----------------------------------------------------------------------


@receiver(pre_delete, sender=Book, dispatch_uid="ledger_allow_book_purge")
def _allow_purging_the_book_journal(sender, instance, using, **kwargs):
    """Django deletes a book (or its owner) inside one transaction; on PostgreSQL tell the
    append-only trigger (migration 0010) that this transaction may delete journal rows. `SET LOCAL`
    ends with the transaction."""
    connection = connections[using]
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL sinau.ledger_purge = 'on'")
