"""Bulk enrolment from a CSV file: parse and check the whole file, then enrol row by row.

A file-level problem (encoding, columns, size, not CSV) rejects the file and creates nothing;
a bad row is reported and skipped. Everything written for one file is one transaction.
"""

import csv
import io
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from lms import roles
from lms.formatting import format_tanggal
from lms.phone import normalize_phone
from lms.queue import enqueue_on_commit

from .models import Cohort, Completion, Enrollment
from .services import CourseError, enroll_user
from .tasks import send_invitation

MAX_ROWS = 500
COLUMN_ALIASES = {
    "nama": "name",
    "name": "name",
    "nama lengkap": "name",
    "full name": "name",
    "full_name": "name",
    "email": "email",
    "e-mail": "email",
    "surel": "email",
    "telepon": "phone",
    "phone": "phone",
    "telp": "phone",
    "hp": "phone",
    "no hp": "phone",
    "nomor hp": "phone",
    "koperasi": "organisation",
    "cooperative": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
}
REQUIRED_COLUMNS = ("name", "email")


class CsvRejected(Exception):
    """The whole file is refused; nothing was written."""


@dataclass
class RowResult:
    line: int
    name: str
    email: str
    outcome: str  # "enrolled", "rejected"
    user_created: bool = False
    reasons: list[str] = field(default_factory=list)
    # Enrolled, but worth a look: e.g. the person already completed this course in another cohort.
    warnings: list[str] = field(default_factory=list)


@dataclass
class BulkReport:
    rows: list[RowResult]

    def count(self, outcome: str) -> int:
        return sum(row.outcome == outcome for row in self.rows)

    @property
    def count_enrolled(self) -> int:
        return self.count("enrolled")

    @property
    def count_already(self) -> int:
        return self.count("already_enrolled")

    @property
    def count_rejected(self) -> int:
        return self.count("rejected")

    @property
    def count_warned(self) -> int:
        return sum(bool(row.warnings) for row in self.rows)

    @property
    def created_users(self) -> int:
        return sum(row.user_created for row in self.rows)

    @property
    def existing_users(self) -> int:
        return sum(row.outcome == "enrolled" and not row.user_created for row in self.rows)


def read_rows(raw: bytes) -> list[tuple[int, dict]]:
    """Decode and split the file into (line number, {name, email, phone, organisation})."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvRejected(
            _('Berkas tidak dalam pengodean UTF-8. Simpan ulang sebagai "CSV UTF-8" lalu unggah lagi.')
        ) from None
    if "\x00" in text:
        raise CsvRejected(_("Berkas ini bukan CSV teks."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise CsvRejected(_("Berkas kosong.")) from None
    columns = [COLUMN_ALIASES.get(h.strip().lower()) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        names = {"name": "nama", "email": "email"}
        raise CsvRejected(
            _(
                "Kolom wajib tidak ada: %(columns)s. Baris pertama harus berisi judul kolom: nama, email, telepon, koperasi."
            )
            % {"columns": ", ".join(names[c] for c in missing)}
        )
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            record = {"name": "", "email": "", "phone": "", "organisation": ""}
            for column, value in zip(columns, values, strict=False):
                if column:
                    record[column] = value.strip()
            rows.append((reader.line_num, record))
            if len(rows) > MAX_ROWS:
                raise CsvRejected(
                    _("Terlalu banyak baris: paling banyak %(max)s peserta per berkas.") % {"max": MAX_ROWS}
                )
    except csv.Error as exc:
        raise CsvRejected(_("Berkas CSV rusak di baris %(line)s.") % {"line": reader.line_num}) from exc
    if not rows:
        raise CsvRejected(_("Berkas tidak berisi peserta."))
    return rows


def _field_limit(name: str) -> int:
    return get_user_model()._meta.get_field(name).max_length


def _check_row(record: dict, seen_emails: set, seen_phones: set) -> list[str]:
    """Each row is checked like the model would check it (lengths included: issue 9, item 13)."""
    from lms.text import strip_bidi

    for key in ("name", "organisation"):
        record[key] = strip_bidi(record[key])
    reasons = []
    if len(" ".join(record["name"].split())) < 3:
        reasons.append(_("nama kosong atau terlalu pendek"))
    elif len(" ".join(record["name"].split())) > _field_limit("full_name"):
        reasons.append(_("nama terlalu panjang (paling banyak %(max)s karakter)") % {"max": _field_limit("full_name")})
    if len(record["organisation"]) > _field_limit("organisation"):
        reasons.append(
            _("nama koperasi terlalu panjang (paling banyak %(max)s karakter)") % {"max": _field_limit("organisation")}
        )
    if len(record["email"]) > _field_limit("email"):
        reasons.append(_("email tidak valid"))
        return reasons
    email = record["email"].lower()
    try:
        validate_email(email)
    except ValidationError:
        reasons.append(_("email tidak valid"))
    else:
        if email in seen_emails:
            reasons.append(_("email ganda di berkas ini"))
        seen_emails.add(email)
    if record["phone"]:
        try:
            record["phone"] = normalize_phone(record["phone"])
        except ValueError:
            reasons.append(_("nomor HP tidak valid"))
        else:
            if record["phone"] in seen_phones:
                reasons.append(_("nomor HP ganda di berkas ini"))
            seen_phones.add(record["phone"])
    return reasons


@transaction.atomic
def bulk_enroll(*, cohort: Cohort, raw: bytes, acting_user) -> BulkReport:
    """Create missing accounts (with a verified address and an invitation to set a password) and
    enrol every valid row; report each row. Raises CsvRejected for a file-level problem."""
    rows = read_rows(raw)
    User = get_user_model()
    seen_emails: set[str] = set()
    seen_phones: set[str] = set()
    report = BulkReport(rows=[])
    for line, record in rows:
        result = RowResult(line=line, name=record["name"], email=record["email"], outcome="rejected")
        report.rows.append(result)
        result.reasons = _check_row(record, seen_emails, seen_phones)
        if result.reasons:
            continue
        email = record["email"].lower()
        user = User.objects.filter(email=email).first()
        if user is not None and (user.is_staff or user.is_superuser):
            # Staff accounts (instructors, officers, admins) are never made trainees by a file.
            result.reasons.append(_("akun staf tidak dapat didaftarkan sebagai peserta"))
            continue
        if user is None:
            if record["phone"] and User.objects.filter(phone=record["phone"]).exists():
                result.reasons.append(_("nomor HP sudah dipakai akun lain"))
                continue
            user = User(
                email=email,
                full_name=" ".join(record["name"].split()),
                phone=record["phone"] or None,
                organisation=record["organisation"],
            )
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            roles.assign_role(user, roles.TRAINEE)
            result.user_created = True
        if Enrollment.objects.filter(user=user, cohort=cohort).exclude(status=Enrollment.Status.WITHDRAWN).exists():
            result.outcome = "already_enrolled"
            continue
        try:
            with transaction.atomic():
                enroll_user(user=user, cohort=cohort, enrolled_by=acting_user)
        except CourseError as exc:
            result.reasons.append(exc.message)
            if result.user_created:
                user.delete()
                result.user_created = False
            continue
        result.outcome = "enrolled"
        if not result.user_created:
            earlier = (
                Completion.objects.filter(enrollment__user=user, enrollment__cohort__course_id=cohort.course_id)
                .exclude(enrollment__cohort=cohort)
                .select_related("enrollment__cohort")
                .first()
            )
            if earlier is not None:
                result.warnings.append(
                    _("sudah lulus kursus ini di %(cohort)s (%(date)s)")
                    % {"cohort": earlier.enrollment.cohort.name, "date": format_tanggal(earlier.completed_at)}
                )
        if result.user_created:
            # One task per invitation, sent after commit: a 500-row file does not wait on the
            # mail server, and a mail-server failure cannot undo or break the import.
            enqueue_on_commit(send_invitation, user.pk, cohort.pk)
    return report
