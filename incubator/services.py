"""Writes of the incubator, one transaction each: ventures, stages, milestones, mentoring, KPI reports.

Every function validates first and raises `django.core.exceptions.ValidationError` with per-field
Indonesian messages (forms put them back on their fields with `add_error(None, error)`); nothing
is written when it raises. Permissions are the views' job, except the rule that only an officer
may override the stage path, which the service keeps itself.
"""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import roles
from lms.formatting import format_tanggal

from .models import (
    FINAL_STAGES,
    KPI_FIGURES,
    STAGE_ORDER,
    ActionItem,
    KpiReport,
    KpiRevision,
    KpiSource,
    MentoringRevision,
    MentoringSession,
    Milestone,
    Programme,
    Stage,
    StageChange,
    Venture,
)

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
MAX_MONEY = Decimal("999999999999999.99")
MAX_COUNT = 1_000_000
MONEY_FIGURES = ("omzet", "assets", "shu", "financing")
COUNT_FIGURES = ("members", "employees_male", "employees_female")
# Evidence files by their first bytes (what the file is, whatever its name says).
EVIDENCE_SIGNATURES = {
    b"%PDF-": ("pdf", "application/pdf"),
    b"\x89PNG\r\n\x1a\n": ("png", "image/png"),
    b"\xff\xd8\xff": ("jpg", "image/jpeg"),
}


def is_officer(user) -> bool:
    return bool(
        user and user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.OFFICER, roles.ADMIN))
    )


def month_start(value: dt.date) -> dt.date:
    return value.replace(day=1)


def next_month(value: dt.date) -> dt.date:
    return (value.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def kpi_due_date(period: dt.date) -> dt.date:
    """A month's report is due on day INCUBATOR_KPI_DUE_DAY (default 10) of the next month."""
    day = getattr(settings, "INCUBATOR_KPI_DUE_DAY", 10)
    return next_month(period).replace(day=day)


def _today() -> dt.date:
    return timezone.localdate()


# --- Ventures ---------------------------------------------------------------------------------


def _check_contacts(contacts, errors: dict) -> None:
    for user in contacts:
        if not roles.has_role(user, roles.VENTURE_CONTACT):
            errors.setdefault("contacts", []).append(
                _("%(name)s belum berperan Kontak Usaha.") % {"name": user.get_full_name() or user.email}
            )


@transaction.atomic
def create_venture(
    *,
    programme: Programme,
    name: str,
    kind: str,
    entry_date: dt.date,
    by,
    contacts=(),
    people=(),
    **fields,
) -> Venture:
    """A venture entering the programme at pra-inkubasi, with its milestones from the programme's templates."""
    errors: dict[str, list] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("Nama usaha wajib diisi.")]
    if entry_date and entry_date > _today():
        errors["entry_date"] = [_("Tanggal masuk tidak boleh di masa depan.")]
    _check_contacts(contacts, errors)
    if errors:
        raise ValidationError(errors)
    venture = Venture(
        programme=programme,
        name=name,
        kind=kind,
        entry_date=entry_date,
        stage=Stage.PRA,
        stage_since=entry_date,
        **fields,
    )
    venture.full_clean(exclude=["book"])
    venture.save()
    venture.contacts.set(contacts)
    venture.people.set(people)
    start_venture(venture=venture, by=by)
    return venture


@transaction.atomic
def start_venture(*, venture: Venture, by) -> None:
    """The first stage entry and the template milestones; safe to call again (admin-created ventures)."""
    if not venture.stage_changes.exists():
        StageChange.objects.create(
            venture=venture,
            from_stage="",
            to_stage=venture.stage,
            date=venture.entry_date,
            reason=_("Masuk program %(programme)s") % {"programme": venture.programme.name},
            changed_by=by,
        )
    have = set(venture.milestones.exclude(template=None).values_list("template_id", flat=True))
    Milestone.objects.bulk_create(
        [
            Milestone(
                venture=venture,
                template=template,
                title=template.title,
                due_date=venture.entry_date + dt.timedelta(days=template.due_after_days),
            )
            for template in venture.programme.milestone_templates.all()
            if template.pk not in have
        ]
    )


@transaction.atomic
def set_contacts(*, venture: Venture, contacts, by) -> None:
    errors: dict[str, list] = {}
    _check_contacts(contacts, errors)
    if errors:
        raise ValidationError(errors)
    venture.contacts.set(contacts)


# --- Stages -----------------------------------------------------------------------------------


def stage_moves(current: str) -> tuple[list[str], list[str]]:
    """(moves allowed as they are, moves that need an officer's override with a reason) from `current`.

    The path is pra-inkubasi → inkubasi → pasca-inkubasi → lulus, one step at a time; keluar from
    any stage before the end. Skipping ahead or stepping back needs an override; lulus and keluar
    are final (coming back also needs an override, e.g. a venture readmitted).
    """
    if current in FINAL_STAGES:
        return [], [s for s in STAGE_ORDER[:3] if s != current]
    index = STAGE_ORDER.index(current)
    normal = [STAGE_ORDER[index + 1], Stage.KELUAR]
    override = [s for i, s in enumerate(STAGE_ORDER) if i != index and s not in normal]
    return [str(s) for s in normal], [str(s) for s in override]


@transaction.atomic
def change_stage(
    *, venture: Venture, to_stage: str, date: dt.date, reason: str, by, override: bool = False
) -> StageChange:
    venture = Venture.objects.select_for_update().get(pk=venture.pk)
    errors: dict[str, list] = {}
    reason = (reason or "").strip()
    valid = {str(s) for s in Stage}
    normal, needs_override = stage_moves(venture.stage)
    labels = dict(Stage.choices)
    if to_stage not in valid:
        errors["to_stage"] = [_("Pilih tahap yang ada.")]
    elif to_stage == venture.stage:
        errors["to_stage"] = [_("Usaha ini sudah di tahap %(stage)s.") % {"stage": labels[to_stage]}]
    elif to_stage not in normal:
        if to_stage not in needs_override:
            errors["to_stage"] = [_("Perubahan tahap ini tidak diperbolehkan.")]
        elif not override:
            errors["to_stage"] = [
                _("Dari %(from)s ke %(to)s melompati jalur tahap: centang pengecualian dan tulis alasannya.")
                % {"from": labels[venture.stage], "to": labels[to_stage]}
            ]
        elif not is_officer(by):
            errors["override"] = [_("Hanya petugas Dinas yang boleh memberi pengecualian.")]
    if not reason:
        errors["reason"] = [_("Tulis alasan perubahan tahap.")]
    if date is None:
        errors["date"] = [_("Isi tanggal perubahan.")]
    elif date > _today():
        errors["date"] = [_("Tanggal tidak boleh di masa depan.")]
    elif date < venture.stage_since:
        errors["date"] = [
            _("Tanggal tidak boleh sebelum tahap sekarang dimulai (%(date)s).")
            % {"date": format_tanggal(venture.stage_since)}
        ]
    if errors:
        raise ValidationError(errors)
    change = StageChange.objects.create(
        venture=venture,
        from_stage=venture.stage,
        to_stage=to_stage,
        date=date,
        reason=reason,
        override=to_stage not in normal,
        changed_by=by,
    )
    Venture.objects.filter(pk=venture.pk).update(stage=to_stage, stage_since=date)
    return change


# --- Milestones -------------------------------------------------------------------------------


def check_evidence(upload) -> str:
    """The file's kind by its content ("pdf", "png", "jpg"); raises ValidationError otherwise."""
    if upload is None:
        raise ValidationError({"evidence": [_("Pilih berkas bukti.")]})
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError({"evidence": [_("Berkas bukti paling besar 5 MB.")]})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, (kind, _content_type) in EVIDENCE_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    raise ValidationError(
        {"evidence": [_("Bukti harus berupa PDF, JPG atau PNG (isi berkas diperiksa, bukan namanya).")]}
    )


@transaction.atomic
def submit_evidence(*, milestone: Milestone, upload, done_date: dt.date, note: str, by) -> Milestone:
    """The venture's contact (or an officer) uploads the evidence; a verified milestone stays as it is."""
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    errors: dict[str, list] = {}
    if milestone.verified_at is not None:
        errors["__all__"] = [_("Tonggak ini sudah diverifikasi; buktinya tidak dapat diganti.")]
    if done_date is None:
        errors["done_date"] = [_("Isi tanggal tercapai.")]
    elif done_date > _today():
        errors["done_date"] = [_("Tanggal tercapai tidak boleh di masa depan.")]
    try:
        kind = check_evidence(upload)
    except ValidationError as error:
        errors.update(error.message_dict)
        kind = None
    if errors:
        raise ValidationError(errors)
    if milestone.evidence:
        milestone.evidence.delete(save=False)
    original = (getattr(upload, "name", "") or "bukti").rsplit("/", 1)[-1][:150]
    # An unguessable name: evidence is served only through the permission-checked view.
    milestone.evidence.save(f"tonggak-{milestone.pk}-{secrets.token_hex(8)}.{kind}", upload, save=False)
    milestone.evidence_name = original
    milestone.evidence_note = (note or "").strip()
    milestone.done_date = done_date
    milestone.submitted_by = by
    milestone.submitted_at = timezone.now()
    milestone.save()
    return milestone


@transaction.atomic
def verify_milestone(*, milestone: Milestone, by) -> Milestone:
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if not is_officer(by):
        raise ValidationError(_("Hanya petugas Dinas yang boleh memverifikasi tonggak."))
    if milestone.verified_at is not None:
        return milestone  # a double click counts once
    if not milestone.evidence or milestone.done_date is None:
        raise ValidationError(_("Tonggak belum punya bukti dan tanggal tercapai."))
    milestone.verified_by = by
    milestone.verified_at = timezone.now()
    milestone.save(update_fields=["verified_by", "verified_at"])
    return milestone


# --- Mentoring --------------------------------------------------------------------------------


def _check_mentoring(*, date, mentor, topics, action_items) -> list:
    """Validate a session's fields and action items [(id or None, text, due date)]; the rows to keep."""
    errors: dict[str, list] = {}
    if date is None or date > _today():
        errors["date"] = [_("Tanggal pendampingan tidak boleh di masa depan.")]
    if not (mentor or "").strip():
        errors["mentor"] = [_("Isi nama pendamping.")]
    if not (topics or "").strip():
        errors["topics"] = [_("Isi topik pendampingan.")]
    items = []
    for item_id, text, due in action_items:
        text = (text or "").strip()
        if not text and due is None:
            continue  # an empty row (or an item cleared to remove it)
        if not text or due is None:
            errors.setdefault("__all__", []).append(_("Setiap tindak lanjut perlu isi dan batas waktu."))
            continue
        if date and due < date:
            errors.setdefault("__all__", []).append(_("Batas waktu tindak lanjut tidak boleh sebelum tanggal sesi."))
            continue
        items.append((item_id, text, due))
    if errors:
        raise ValidationError(errors)
    return items


@transaction.atomic
def record_mentoring(
    *, venture: Venture, date: dt.date, mentor: str, topics: str, notes: str, action_items, by
) -> MentoringSession:
    """A mentoring session with its action items [(text, due date), ...]."""
    items = _check_mentoring(
        date=date, mentor=mentor, topics=topics, action_items=[(None, text, due) for text, due in action_items]
    )
    session = MentoringSession.objects.create(
        venture=venture,
        date=date,
        mentor=mentor.strip(),
        topics=topics.strip(),
        notes=(notes or "").strip(),
        recorded_by=by,
    )
    ActionItem.objects.bulk_create([ActionItem(session=session, text=text, due_date=due) for _i, text, due in items])
    return session


def mentoring_snapshot(session: MentoringSession) -> dict:
    """A session and its action items as plain JSON (what its history keeps)."""
    return {
        "date": session.date.isoformat(),
        "mentor": session.mentor,
        "topics": session.topics,
        "notes": session.notes,
        "action_items": [
            {"text": item.text, "due_date": item.due_date.isoformat(), "done": item.done}
            for item in session.action_items.order_by("due_date", "pk")
        ],
    }


def _locked_session(session: MentoringSession) -> MentoringSession:
    """The session's row locked (two officers saving at once: one after the other); ValidationError
    when someone deleted it meanwhile."""
    locked = MentoringSession.objects.select_for_update().filter(pk=session.pk).first()
    if locked is None:
        raise ValidationError(_("Sesi pendampingan ini sudah dihapus."))
    return locked


@transaction.atomic
def update_mentoring(
    *, session: MentoringSession, date: dt.date, mentor: str, topics: str, notes: str, action_items, by
) -> MentoringSession:
    """Edit a session (officers). `action_items`: [(item id or None for a new one, text, due date)];
    an existing item left out or cleared is removed, one kept keeps its done mark. The session as it
    was goes to its history (`MentoringRevision`); an edit that changes nothing records nothing."""
    items = _check_mentoring(date=date, mentor=mentor, topics=topics, action_items=action_items)
    session = _locked_session(session)
    existing = {item.pk: item for item in session.action_items.all()}
    unknown = [item_id for item_id, _t, _d in items if item_id is not None and item_id not in existing]
    if unknown:
        raise ValidationError(_("Tindak lanjut yang diubah bukan milik sesi ini. Muat ulang halaman lalu coba lagi."))
    before = mentoring_snapshot(session)
    session.date, session.mentor, session.topics = date, mentor.strip(), topics.strip()
    session.notes = (notes or "").strip()
    kept = set()
    for item_id, text, due in items:
        if item_id is None:
            ActionItem.objects.create(session=session, text=text, due_date=due)
            continue
        kept.add(item_id)
        item = existing[item_id]
        if (item.text, item.due_date) != (text, due):
            item.text, item.due_date = text, due
            item.save(update_fields=["text", "due_date"])
    ActionItem.objects.filter(session=session).exclude(pk__in=kept).filter(pk__in=list(existing)).delete()
    if mentoring_snapshot(session) == before:
        return session
    session.save(update_fields=["date", "mentor", "topics", "notes"])
    MentoringRevision.objects.create(
        venture_id=session.venture_id,
        session=session,
        action=MentoringRevision.Action.EDIT,
        snapshot=before,
        changed_by=by,
    )
    return session


@transaction.atomic
def delete_mentoring(*, session: MentoringSession, reason: str = "", by) -> MentoringRevision:
    """Delete a session and its action items (officers); what it held stays in the venture's
    mentoring history with who deleted it, when and why."""
    session = _locked_session(session)
    revision = MentoringRevision.objects.create(
        venture_id=session.venture_id,
        session=session,
        action=MentoringRevision.Action.DELETE,
        snapshot=mentoring_snapshot(session),
        reason=(reason or "").strip()[:300],
        changed_by=by,
    )
    session.delete()  # the revisions' link becomes null; their snapshots keep the content
    return revision


@transaction.atomic
def set_action_item_done(*, item: ActionItem, done: bool, by) -> ActionItem:
    item.done = done
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["done", "done_at"])
    return item


# --- KPI reports ------------------------------------------------------------------------------


def _clean_figures(figures: dict, errors: dict) -> dict:
    clean = {}
    for name in KPI_FIGURES:
        raw = figures.get(name)
        if raw is None or raw == "":
            errors.setdefault(name, []).append(_("Wajib diisi (tulis 0 bila tidak ada)."))
            continue
        if name in COUNT_FIGURES:
            try:
                value = int(str(raw))
            except (TypeError, ValueError):
                errors.setdefault(name, []).append(_("Tulis bilangan bulat, mis. 12."))
                continue
            if value < 0 or value > MAX_COUNT:
                errors.setdefault(name, []).append(_("Tidak boleh negatif."))
                continue
        else:
            try:
                value = Decimal(str(raw))
            except (InvalidOperation, ValueError):
                errors.setdefault(name, []).append(_("Tulis angka, mis. 1.250.000."))
                continue
            if not value.is_finite() or abs(value) > MAX_MONEY or value != value.quantize(Decimal("0.01")):
                errors.setdefault(name, []).append(_("Angka tidak wajar."))
                continue
            if value < 0 and name != "shu":
                errors.setdefault(name, []).append(_("Tidak boleh negatif."))
                continue
            value = value.quantize(Decimal("0.01"))
        clean[name] = value
    return clean


def _figures_json(report: KpiReport) -> dict:
    return {name: str(getattr(report, name)) for name in KPI_FIGURES} | {"source": report.source}


@transaction.atomic
def submit_kpi_report(
    *,
    venture: Venture,
    period: dt.date,
    figures: dict,
    by,
    baseline: bool = False,
    book_figures: dict | None = None,
) -> tuple[KpiReport, bool]:
    """Save a month's figures (or the baseline): (report, created).

    A second report for the same month edits the first and keeps its figures as a revision.
    A report sent after its due date is flagged late (the first sending decides). With
    `book_figures` (from the venture's book) the report is marked "dari pembukuan" and any typed
    figure that differs from the book is recorded in `book_differences`.
    """
    Venture.objects.select_for_update().filter(pk=venture.pk).first()  # serialise double submits
    errors: dict[str, list] = {}
    today = _today()
    if period is None:
        errors["period"] = [_("Pilih bulan laporan.")]
    else:
        period = month_start(period)
        if baseline:
            period = month_start(venture.entry_date)
        elif period > month_start(today):
            errors["period"] = [_("Bulan laporan tidak boleh di masa depan.")]
        elif period < month_start(venture.entry_date):
            errors["period"] = [_("Bulan laporan tidak boleh sebelum usaha masuk program.")]
    clean = _clean_figures(figures, errors)
    if errors:
        raise ValidationError(errors)
    differences = {}
    source = KpiSource.TYPED
    if book_figures:
        source = KpiSource.BOOK
        for name, value in book_figures.items():
            if name in clean and clean[name] != value:
                differences[name] = str(value)
    existing = KpiReport.objects.filter(venture=venture, is_baseline=baseline)
    if not baseline:
        existing = existing.filter(period=period)
    report = existing.first()
    now = timezone.now()
    if report is None:
        report = KpiReport.objects.create(
            venture=venture,
            period=period,
            is_baseline=baseline,
            source=source,
            book_differences=differences,
            late=(not baseline) and timezone.localdate(now) > kpi_due_date(period),
            submitted_by=by,
            submitted_at=now,
            **clean,
        )
        return report, True
    KpiRevision.objects.create(report=report, figures=_figures_json(report), changed_by=by)
    for name, value in clean.items():
        setattr(report, name, value)
    report.source = source
    report.book_differences = differences
    report.submitted_by = by
    report.save()
    return report, False
