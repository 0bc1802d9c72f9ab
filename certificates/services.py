"""Writes of the certificates app: issue, render once, email, revoke, reissue.

Each function takes keyword-only arguments, runs in one transaction and records the acting user in
the certificate's history. "Exactly once" rests on the database, not on timing: one current
certificate per enrolment and kind (a partial unique constraint), serial numbers taken under a
row lock and unique per year, and the PDF stored by a conditional UPDATE that only the first
renderer wins.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.db import IntegrityError, connection, transaction
from django.db.models import Avg, Exists, FloatField, Max, OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courses.models import Attendance, Completion, Enrollment
from courses.services import retry_on_sqlite_lock
from lms.formatting import format_tanggal
from lms.permissions import is_admin, is_officer
from lms.queue import enqueue_on_commit
from quizzes.models import QuizAttempt

from . import rendering, signing
from .models import (
    Certificate,
    CertificateEvent,
    CertificateKind,
    CertificateTemplate,
    CourseCertificateSettings,
    SerialCounter,
    generate_verification_code,
)

logger = logging.getLogger("sinau.certificates")

DEFAULT_SERIAL_PATTERN = "518/{number:04d}/SINAU/{year}"


class CertificateError(Exception):
    """A refusal the user can understand: `code` for tests and logic, `message` for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class IssueResult:
    certificate: Certificate
    created: bool


def format_serial(*, number: int, year: int) -> str:
    pattern = getattr(settings, "CERTIFICATES_SERIAL_PATTERN", "") or DEFAULT_SERIAL_PATTERN
    return pattern.format(number=number, year=year)


def verification_url(code: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("certificates:verify", args=[code])


def may_override(user) -> bool:
    """Officers and admins may issue to someone who has not met the condition (with a reason)."""
    return bool(user) and (is_officer(user) or is_admin(user))


# --- Eligibility ---------------------------------------------------------------------------


def eligibility_problem(*, enrollment: Enrollment, kind: str) -> str | None:
    """Why this enrolment may not get this kind of certificate yet, or None (one query, none when
    the enrolment came from `_load_for_issue`, which reads the condition with it)."""
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        return _("Peserta ini sudah mengundurkan diri dari angkatan.")
    met = getattr(enrollment, "condition_met", None)
    if kind == CertificateKind.COMPLETION:
        if met is None:
            met = Completion.objects.filter(enrollment_id=enrollment.pk).exists()
        if not met:
            return _("Peserta ini belum memenuhi syarat kelulusan kursus.")
    else:
        if met is None:
            met = Attendance.objects.filter(enrollment_id=enrollment.pk, status__in=Attendance.ATTENDED).exists()
        if not met:
            return _("Peserta ini belum tercatat hadir di satu sesi pun.")
    return None


# --- The printed data ----------------------------------------------------------------------


def _date_range(start, end) -> str:
    if not start:
        return ""
    if not end or start == end:
        return format_tanggal(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_tanggal(end)}"
    if start.year == end.year:
        return f"{format_tanggal(start).rsplit(' ', 1)[0]} – {format_tanggal(end)}"
    return f"{format_tanggal(start)} – {format_tanggal(end)}"


class _MeanOfBestScores(Subquery):
    """AVG over a per-quiz MAX subquery, as one scalar subquery (nested aggregates in SQL)."""

    template = "(SELECT AVG(best_scores.best) FROM (%(subquery)s) AS best_scores)"


def _mean_of_best_scores(user_ref, course_path_ref) -> Subquery:
    """Mean of the best score of each quiz of the course the trainee attempted (NULL when none)."""
    best = (
        QuizAttempt.objects.filter(user_id=user_ref, quiz__path__startswith=course_path_ref, score__isnull=False)
        .order_by()
        .values("quiz_id")
        .annotate(best=Max("score"))
        .values("best")
    )
    return _MeanOfBestScores(best, output_field=FloatField())


def _format_grade(mean) -> str:
    if mean is None:
        return ""
    return f"{float(mean):.1f}".replace(".", ",")


def _grade(enrollment: Enrollment) -> str:
    """Mean of the best score of each quiz of the course the trainee attempted ("" when none)."""
    if hasattr(enrollment, "mean_best_score"):
        return _format_grade(enrollment.mean_best_score)
    best = (
        QuizAttempt.objects.filter(user_id=enrollment.user_id, quiz__path__startswith=enrollment.cohort.course.path)
        .exclude(score__isnull=True)
        .values("quiz_id")
        .annotate(best=Max("score"))
    )
    return _format_grade(best.aggregate(mean=Avg("best"))["mean"])


def printed_fields(
    *,
    enrollment: Enrollment,
    template: CertificateTemplate,
    kind: str,
    serial: str,
    code: str,
    issued_at: datetime,
    expires_at: datetime | None,
) -> dict[str, str]:
    """Every text placeholder's value for one certificate, in Indonesian (it is printed)."""
    cohort = enrollment.cohort
    course = cohort.course
    user = enrollment.user
    with translation.override("id"):
        completion = kind == CertificateKind.COMPLETION
        return {
            "nama": user.full_name or user.email,
            "koperasi": user.organisation,
            "kursus": course.title,
            "angkatan": cohort.name,
            "tanggal_mulai": format_tanggal(cohort.start_date),
            "tanggal_selesai": format_tanggal(cohort.end_date),
            "tanggal_pelatihan": _date_range(cohort.start_date, cohort.end_date),
            "tempat": cohort.venue,
            "jp": str(course.hours or ""),
            "predikat": "LULUS" if completion else "PESERTA",
            "nilai": _grade(enrollment) if completion else "",
            "jenis": "SERTIFIKAT KELULUSAN" if completion else "SURAT KETERANGAN KEIKUTSERTAAN",
            "nomor": serial,
            "kode": "-".join(code[i : i + 4] for i in range(0, len(code), 4)),
            "url_verifikasi": verification_url(code),
            "tanggal_terbit": format_tanggal(timezone.localdate(issued_at)),
            "tempat_terbit": template.issue_place,
            "penerbit": template.issuer_name,
            "berlaku_sampai": format_tanggal(timezone.localdate(expires_at)) if expires_at else "",
        }


def _add_months(moment: datetime, months: int) -> datetime:
    """The same WIB date and time `months` later (the last day of a shorter month).

    Counted on the local calendar (TIME_ZONE), not UTC's: at 01.00 WIB on 1 March 2027 it is still
    28 February in UTC, and a month's validity counted there would end on 29 March, not 1 April."""
    moment = timezone.localtime(moment)
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _next_serial(year: int) -> tuple[int, str]:
    """Take the next number of the year: one UPDATE … RETURNING increments the counter and holds
    its row lock until the caller's transaction ends (the counter row is created once a year)."""
    table = connection.ops.quote_name(SerialCounter._meta.db_table)
    # The table name comes from the model (quoted); the year is a bound parameter.
    sql = f"UPDATE {table} SET last_number = last_number + 1 WHERE year = %s RETURNING last_number"  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, [year])
        row = cursor.fetchone()
        if row is None:
            try:
                with transaction.atomic():
                    SerialCounter.objects.create(year=year, last_number=0)
            except IntegrityError:
                pass  # another transaction created it first
            cursor.execute(sql, [year])
            row = cursor.fetchone()
    number = row[0]
    return number, format_serial(number=number, year=year)


def _insert_with_event(certificate: Certificate, event: CertificateEvent) -> None:
    """Insert a new certificate and its first event. On PostgreSQL in one statement (a
    data-modifying CTE: the event takes the certificate's new id), elsewhere in two."""
    if connection.vendor != "postgresql":
        certificate.save(force_insert=True)
        event.certificate = certificate
        event.save(force_insert=True)
        return
    from django.db.models.sql import InsertQuery

    meta = Certificate._meta
    query = InsertQuery(Certificate)
    query.insert_values([f for f in meta.local_concrete_fields if f is not meta.pk], [certificate])
    compiler = query.get_compiler(connection=connection)
    compiler.returning_fields = [meta.pk]
    [(insert_sql, insert_params)] = compiler.as_sql()
    quote = connection.ops.quote_name
    event_meta = CertificateEvent._meta
    columns = ", ".join(
        quote(event_meta.get_field(name).column) for name in ("certificate", "action", "actor", "at", "note")
    )
    # Table and column names come from the models (quoted); every value is a bound parameter.
    sql = (
        f"WITH new AS ({insert_sql}) "  # noqa: S608  # nosec B608
        f"INSERT INTO {quote(event_meta.db_table)} ({columns}) "
        f"SELECT new.{quote(meta.pk.column)}, %s, %s, %s, %s FROM new RETURNING {quote(event_meta.pk.column)}, "
        f"{quote(event_meta.get_field('certificate').column)}"
    )
    at = event_meta.get_field("at").get_db_prep_save(event.at, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*insert_params, event.action, event.actor_id, at, event.note])
        event_id, certificate_id = cursor.fetchone()
    certificate.pk = certificate_id
    certificate._state.adding, certificate._state.db = False, connection.alias
    event.pk, event.certificate = event_id, certificate
    event._state.adding, event._state.db = False, connection.alias


def _create(
    *,
    enrollment: Enrollment,
    kind: str,
    template: CertificateTemplate,
    by,
    override_reason: str,
    now: datetime,
    expires_at: datetime | None,
    note: str = "",
    layout: "rendering.Layout | None" = None,
) -> Certificate:
    """Insert one certificate (caller holds a transaction); its PDF is rendered after commit."""
    layout = layout or rendering.Layout.from_template(template)
    year = timezone.localdate(now).year
    number, serial = _next_serial(year)
    code = generate_verification_code()
    fields = printed_fields(
        enrollment=enrollment,
        template=template,
        kind=kind,
        serial=serial,
        code=code,
        issued_at=now,
        expires_at=expires_at,
    )
    certificate = Certificate(
        enrollment=enrollment,
        holder_id=enrollment.user_id,
        course_id=enrollment.cohort.course_id,
        cohort_id=enrollment.cohort_id,
        kind=kind,
        template=template,
        year=year,
        number=number,
        serial=serial,
        code=code,
        snapshot={"fields": fields, "layout": layout.as_dict(), "template_name": template.name},
        issued_at=now,
        issued_by=by,
        override_reason=override_reason,
        expires_at=expires_at,
    )
    event = CertificateEvent(
        certificate=certificate,
        action=CertificateEvent.Action.ISSUED,
        actor=by,
        at=now,
        note=note or (_("Pengecualian syarat: %(reason)s") % {"reason": override_reason} if override_reason else ""),
    )
    _insert_with_event(certificate, event)
    from .tasks import render_certificate

    enqueue_on_commit(render_certificate, certificate.pk)
    return certificate


def _load_enrollment(enrollment_id: int) -> Enrollment:
    return Enrollment.objects.select_related("user", "cohort__course").get(pk=enrollment_id)


# The template fields a certificate's layout and printed data use (`_load_for_issue` reads only these).
_TEMPLATE_FIELDS = (
    "name",
    "kind",
    "orientation",
    "body_html",
    "css",
    "background_id",
    "logo_id",
    "issuer_name",
    "issue_place",
    "updated_at",
)


def _load_for_issue(*, enrollment_id: int, kind: str) -> Enrollment | None:
    """Everything issuing reads, in one query: the enrolment with its holder, cohort, course, the
    course's certificate settings and templates, the id of its current certificate of this kind
    (`current_certificate_id`), whether the condition is met (`condition_met`) and, for a
    completion certificate, the grade (`mean_best_score`). None when the enrolment is gone."""
    current = (
        Certificate.objects.filter(enrollment_id=OuterRef("pk"), kind=kind)
        .exclude(status=Certificate.Status.REPLACED)
        .values("pk")[:1]
    )
    if kind == CertificateKind.COMPLETION:
        condition = Completion.objects.filter(enrollment_id=OuterRef("pk"))
    else:
        condition = Attendance.objects.filter(enrollment_id=OuterRef("pk"), status__in=Attendance.ATTENDED)
    settings_path = "cohort__course__certificate_settings"
    template_fields = [
        f"{settings_path}__{template}__{field}"
        for template in ("completion_template", "attendance_template")
        for field in _TEMPLATE_FIELDS
    ]
    queryset = (
        Enrollment.objects.select_related(
            "user", f"{settings_path}__completion_template", f"{settings_path}__attendance_template"
        )
        # Only what issuing reads: a third of the columns, and a faster query to build.
        .only(
            "status",
            "user__full_name",
            "user__email",
            "user__organisation",
            "cohort__course_id",
            "cohort__name",
            "cohort__start_date",
            "cohort__end_date",
            "cohort__venue",
            "cohort__course__title",
            "cohort__course__path",
            "cohort__course__hours",
            f"{settings_path}__completion_template_id",
            f"{settings_path}__attendance_template_id",
            f"{settings_path}__issue_on_completion",
            f"{settings_path}__validity_months",
            *template_fields,
        )
        .annotate(current_certificate_id=Subquery(current), condition_met=Exists(condition))
    )
    if kind == CertificateKind.COMPLETION:
        queryset = queryset.annotate(
            mean_best_score=_mean_of_best_scores(OuterRef("user_id"), OuterRef("cohort__course__path"))
        )
    return next(iter(queryset.filter(pk=enrollment_id).order_by()[:1]), None)


def current_certificate(*, enrollment_id: int, kind: str) -> Certificate | None:
    return (
        Certificate.objects.filter(enrollment_id=enrollment_id, kind=kind)
        .exclude(status=Certificate.Status.REPLACED)
        .first()
    )


@retry_on_sqlite_lock
def issue_certificate(
    *,
    enrollment: Enrollment,
    kind: str = CertificateKind.COMPLETION,
    by=None,
    override_reason: str = "",
    now: datetime | None = None,
) -> IssueResult:
    """Issue one certificate, or return the one this enrolment already has for this kind.

    Refusals (`CertificateError.code`): `not_eligible` (condition not met and no override),
    `override_not_allowed` (only officers and admins may override), `override_reason_missing`,
    `no_template` (the course has no template for this kind).

    Queries: one read of everything (`_load_for_issue`), the template's signatories (none when
    the layout is cached for the template's current version), then one transaction: the serial
    counter (UPDATE … RETURNING, which also holds its row lock), the certificate and its event.
    """
    if kind not in CertificateKind.values:
        raise CertificateError("bad_kind", _("Jenis sertifikat tidak dikenal."))
    enrollment = _load_for_issue(enrollment_id=enrollment.pk, kind=kind)
    if enrollment is None:
        raise Enrollment.DoesNotExist
    if enrollment.current_certificate_id is not None:
        return IssueResult(Certificate.objects.get(pk=enrollment.current_certificate_id), False)
    override_reason = (override_reason or "").strip()
    problem = eligibility_problem(enrollment=enrollment, kind=kind)
    if problem is not None:
        if not override_reason:
            if may_override(by):
                raise CertificateError(
                    "override_reason_missing",
                    problem + " " + _("Untuk tetap menerbitkan, tulis alasan pengecualian."),
                )
            raise CertificateError("not_eligible", problem)
        if not may_override(by):
            raise CertificateError(
                "override_not_allowed", problem + " " + _("Hanya petugas Dinas yang boleh membuat pengecualian.")
            )
    else:
        override_reason = ""
    try:
        course_settings = enrollment.cohort.course.certificate_settings
    except ObjectDoesNotExist:
        course_settings = None
    template = course_settings.template_for(kind) if course_settings else None
    if template is None:
        raise CertificateError(
            "no_template", _("Kursus ini belum punya templat untuk jenis sertifikat ini. Atur di admin: Sertifikat.")
        )
    now = now or timezone.now()
    expires_at = _add_months(now, course_settings.validity_months) if course_settings.validity_months else None
    # Read before the transaction: the serial counter's row lock is held only while writing.
    layout = rendering.layout_for_template(template)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = _create(
                    enrollment=enrollment,
                    kind=kind,
                    template=template,
                    by=by,
                    override_reason=override_reason,
                    now=now,
                    expires_at=expires_at,
                    layout=layout,
                )
            return IssueResult(certificate, True)
        except IntegrityError:
            # Someone else issued it meanwhile (the partial unique constraint), or, rarely, a code
            # or serial clashed: the first case returns theirs, the second tries again.
            existing = current_certificate(enrollment_id=enrollment.pk, kind=kind)
            if existing is not None:
                return IssueResult(existing, False)
    raise CertificateError("busy", _("Sertifikat belum bisa diterbitkan; coba lagi sebentar lagi."))


def issue_for_cohort(
    *, cohort, kind: str, by, override_reason: str = "", only_enrollment_ids=None, progress=None
) -> dict[str, int]:
    """Issue to every trainee of a cohort who qualifies (each in its own transaction, so one
    failure does not undo the others). Returns counts: issued, existing, skipped, failed."""
    enrollments = Enrollment.objects.filter(cohort_id=cohort.pk).exclude(status=Enrollment.Status.WITHDRAWN)
    if only_enrollment_ids is not None:
        enrollments = enrollments.filter(pk__in=only_enrollment_ids)
    ids = list(enrollments.order_by("pk").values_list("pk", flat=True))
    counts = {"issued": 0, "existing": 0, "skipped": 0, "failed": 0, "total": len(ids)}
    # One query for those who already have one (a rerun or a second start skips them without a
    # read each); anyone issued meanwhile is still found by issue_certificate.
    already = set(
        Certificate.objects.filter(enrollment_id__in=ids, kind=kind)
        .exclude(status=Certificate.Status.REPLACED)
        .values_list("enrollment_id", flat=True)
    )
    for index, enrollment_id in enumerate(ids, start=1):
        if enrollment_id in already:
            counts["existing"] += 1
            if progress is not None:
                progress(index, len(ids))
            continue
        try:
            result = issue_certificate(
                enrollment=Enrollment(pk=enrollment_id), kind=kind, by=by, override_reason=override_reason
            )
        except CertificateError:
            counts["skipped"] += 1
        except Exception:  # noqa: BLE001 - one trainee's failure must not stop the run
            logger.exception("Certificate for enrollment %s failed", enrollment_id)
            counts["failed"] += 1
        else:
            counts["issued" if result.created else "existing"] += 1
        if progress is not None:
            progress(index, len(ids))
    return counts


# --- Rendering, storing, emailing ------------------------------------------------------------


def render_pdf_bytes(certificate: Certificate) -> tuple[bytes, signing.SigningIdentity | None]:
    """The PDF of a certificate from its snapshot (no query), signed when a key is configured."""
    snapshot = certificate.snapshot
    layout = rendering.Layout.from_dict(snapshot["layout"])
    html = rendering.build_html(layout, snapshot["fields"])
    pdf = rendering.html_to_pdf(html)
    fields = snapshot["fields"]
    return signing.sign_pdf(
        pdf,
        reason=f"{fields.get('jenis', '')} {fields.get('nomor', '')}".strip(),
        location=fields.get("tempat_terbit", ""),
    )


def store_rendered_pdf(*, certificate_id: int) -> str:
    """Render and store a certificate's PDF once. A second run (retry, another worker) finds it
    stored and does nothing; two runs at the same moment both render, and the conditional UPDATE
    keeps the first one's file (the other deletes its own). Returns "stored" or "already"."""
    certificate = Certificate.objects.filter(pk=certificate_id).only("pk", "code", "year", "snapshot", "sha256").first()
    if certificate is None or certificate.sha256:
        return "already"
    pdf, who = render_pdf_bytes(certificate)
    digest = hashlib.sha256(pdf).hexdigest()
    # A unique name per attempt: a losing renderer must never overwrite the winner's file.
    name = default_storage.save(
        f"sertifikat/{certificate.year}/{certificate.code}-{secrets.token_hex(4)}.pdf", ContentFile(pdf)
    )
    # One conditional UPDATE in autocommit (its own transaction): only the first renderer wins.
    # The certificate's `rendered_at` and `sha256` are its history entry "PDF dibuat"
    # (selectors.history shows it), so no event row is written.
    won = Certificate.objects.filter(pk=certificate_id, sha256="").update(
        pdf=name,
        sha256=digest,
        rendered_at=timezone.now(),
        signer=who.subject[:300] if who else "",
        signer_fingerprint=who.fingerprint if who else "",
    )
    if not won:
        default_storage.delete(name)
        return "already"
    from .tasks import send_certificate_email

    enqueue_on_commit(send_certificate_email, certificate_id)
    return "stored"


def record_render_failure(*, certificate_id: int, error: str) -> None:
    CertificateEvent.objects.create(
        certificate_id=certificate_id, action=CertificateEvent.Action.RENDER_FAILED, note=error[:1000]
    )


def _claim_email(certificate_id: int) -> Certificate | None:
    """Set `emailed_at` if the certificate is stored, valid, not emailed yet and its holder has an
    address; return it (with the holder's address as `holder_email`), or None."""
    meta, user_meta = Certificate._meta, Certificate._meta.get_field("holder").related_model._meta
    quote = connection.ops.quote_name
    column = {name: quote(meta.get_field(name).column) for name in ("emailed_at", "sha256", "status", "holder")}
    returned = ("kind", "serial", "code", "pdf", "snapshot")
    holder_email = (
        f"SELECT {quote(user_meta.get_field('email').column)} FROM {quote(user_meta.db_table)} "  # noqa: S608  # nosec B608
        f"WHERE {quote(user_meta.pk.column)} = {column['holder']}"
    )
    # Table and column names come from the models (quoted); every value is a bound parameter.
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {column['emailed_at']} = %s "  # noqa: S608  # nosec B608
        f"WHERE {quote(meta.pk.column)} = %s AND {column['emailed_at']} IS NULL AND {column['sha256']} <> '' "
        f"AND {column['status']} = %s AND COALESCE(({holder_email}), '') <> '' "
        f"RETURNING {', '.join(quote(meta.get_field(name).column) for name in returned)}, ({holder_email})"
    )
    now = meta.get_field("emailed_at").get_db_prep_save(timezone.now(), connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, certificate_id, Certificate.Status.VALID])
        row = cursor.fetchone()
    if row is None:
        return None
    values = {
        name: meta.get_field(name).from_db_value(value, None, connection)
        if hasattr(meta.get_field(name), "from_db_value")
        else value
        for name, value in zip(returned, row[:-1], strict=True)
    }
    certificate = Certificate(pk=certificate_id, **values)
    certificate._state.adding, certificate._state.db = False, connection.alias
    certificate.holder_email = row[-1]
    return certificate


def send_certificate_email(*, certificate_id: int) -> str:
    """Tell the holder their certificate is ready (PDF attached), once.

    The send is claimed before the mail goes out by one conditional UPDATE in autocommit, which
    also reads what the mail needs (`UPDATE … WHERE emailed_at IS NULL … RETURNING`: of two
    deliveries of this task only one wins; a certificate without PDF, not valid, or whose holder
    has no email address is skipped); if the mail server fails, the claim is released, so a retry
    sends it. `emailed_at` is the history entry "Email terkirim" (selectors.history). One query
    (two on a mail failure)."""
    certificate = _claim_email(certificate_id)
    if certificate is None:
        return "skipped"
    fields = certificate.snapshot.get("fields", {})
    context = {
        "certificate": certificate,
        "fields": fields,
        "mine_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("certificates:mine"),
        "verify_url": fields.get("url_verifikasi") or verification_url(certificate.code),
    }
    with translation.override("id"):
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Sertifikat Anda sudah terbit: %(course)s") % {
            "course": fields.get("kursus", "")
        }
        body = render_to_string("certificates/email/issued.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[certificate.holder_email])
    try:
        with certificate.pdf.open("rb") as handle:
            message.attach(f"sertifikat-{certificate.code}.pdf", handle.read(), "application/pdf")
        message.send()
    except Exception:
        Certificate.objects.filter(pk=certificate_id).update(emailed_at=None)
        raise
    return "sent"


# --- Revocation and reissue -------------------------------------------------------------------


@transaction.atomic
def revoke_certificate(
    *, certificate: Certificate, by, reason: str, note: str = "", now: datetime | None = None
) -> Certificate:
    """Revoke a valid certificate with a reason class (shown publicly) and a note (kept inside)."""
    if reason not in Certificate.RevocationReason.values:
        raise CertificateError("bad_reason", _("Pilih alasan pencabutan."))
    note = (note or "").strip()
    if reason == Certificate.RevocationReason.OTHER and not note:
        raise CertificateError("note_missing", _("Tulis penjelasan untuk alasan lain."))
    now = now or timezone.now()
    changed = Certificate.objects.filter(pk=certificate.pk, status=Certificate.Status.VALID).update(
        status=Certificate.Status.REVOKED,
        revoked_at=now,
        revoked_by=by,
        revocation_reason=reason,
        revocation_note=note,
    )
    if not changed:
        current = Certificate.objects.get(pk=certificate.pk)
        if current.status == Certificate.Status.REVOKED:
            raise CertificateError("already_revoked", _("Sertifikat ini sudah dicabut sebelumnya."))
        raise CertificateError("replaced", _("Sertifikat ini sudah diganti; cabut sertifikat penggantinya."))
    CertificateEvent.objects.create(
        certificate_id=certificate.pk,
        action=CertificateEvent.Action.REVOKED,
        actor=by,
        at=now,
        note=f"{Certificate.RevocationReason(reason).label}{': ' + note if note else ''}",
    )
    certificate.refresh_from_db()
    return certificate


@retry_on_sqlite_lock
def reissue_certificate(*, certificate: Certificate, by, note: str = "", now: datetime | None = None) -> Certificate:
    """Replace a certificate by a new one (new serial and code, data as they are now, e.g. a
    corrected name); the old one is marked replaced and points to the new one."""
    note = (note or "").strip()
    if not note:
        raise CertificateError("note_missing", _("Tulis alasan penerbitan ulang."))
    now = now or timezone.now()
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.status == Certificate.Status.REPLACED:
            raise CertificateError("replaced", _("Sertifikat ini sudah diganti sebelumnya."))
        template = None
        course_settings = CourseCertificateSettings.objects.filter(course_id=old.course_id).first()
        if course_settings is not None:
            template = course_settings.template_for(old.kind)
        template = template or old.template
        if template is None:
            raise CertificateError("no_template", _("Kursus ini belum punya templat untuk jenis sertifikat ini."))
        Certificate.objects.filter(pk=old.pk).update(status=Certificate.Status.REPLACED)
        expires_at = old.expires_at
        if course_settings is not None and course_settings.validity_months:
            expires_at = _add_months(now, course_settings.validity_months)
        new = _create(
            enrollment=_load_enrollment(old.enrollment_id),
            kind=old.kind,
            template=template,
            by=by,
            override_reason=old.override_reason,
            now=now,
            expires_at=expires_at,
            note=_("Pengganti %(serial)s: %(note)s") % {"serial": old.serial, "note": note},
        )
        Certificate.objects.filter(pk=old.pk).update(replaced_by=new)
        CertificateEvent.objects.create(
            certificate_id=old.pk,
            action=CertificateEvent.Action.REPLACED,
            actor=by,
            at=now,
            note=_("Diganti dengan %(serial)s: %(note)s") % {"serial": new.serial, "note": note},
        )
    return new


# --- Automatic issue on completion -------------------------------------------------------------


def on_course_completed(sender, enrollment, completion, **kwargs) -> None:
    """courses.signals.course_completed receiver: queue the completion certificate when the
    course says so (the task decides; it is idempotent)."""
    from .tasks import issue_on_completion

    enqueue_on_commit(issue_on_completion, enrollment.pk)


def issue_on_completion_now(*, enrollment_id: int) -> str:
    course_settings = CourseCertificateSettings.objects.filter(course__cohorts__enrollments__pk=enrollment_id).first()
    if course_settings is None or not course_settings.issue_on_completion or not course_settings.completion_template_id:
        return "not_configured"
    try:
        result = issue_certificate(enrollment=Enrollment(pk=enrollment_id), kind=CertificateKind.COMPLETION)
    except CertificateError as exc:
        return exc.code
    return "issued" if result.created else "existing"
