"""Reads of the certificates app, each a fixed number of queries whatever the number of rows."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch

from courses.models import Attendance, Completion, Enrollment

from .models import Certificate, CertificateKind


def my_certificates(*, user):
    """The holder's certificates, newest first; replaced ones are left out (their successor shows)."""
    return (
        Certificate.objects.filter(holder=user)
        .exclude(status=Certificate.Status.REPLACED)
        .select_related("course", "cohort")
        .order_by("-issued_at", "-pk")
    )


def certificate_by_code(code: str) -> Certificate | None:
    return Certificate.objects.select_related("replaced_by", "course", "cohort").filter(code=code).first()


def certificate_by_hash(digest: str) -> Certificate | None:
    return Certificate.objects.select_related("replaced_by", "course", "cohort").filter(sha256=digest).first()


def status_list_indexes(*, list_number: int, size: int) -> list[int] | None:
    """Bits set in one revocation status list (revoked or replaced certificates, by pk), or None
    when no certificate could be on that list yet. Two queries whatever the number of rows."""
    low = list_number * size
    if not Certificate.objects.filter(pk__gte=low).exists():
        return None
    ended = (
        Certificate.objects.filter(pk__gte=low, pk__lt=low + size)
        .filter(status__in=[Certificate.Status.REVOKED, Certificate.Status.REPLACED])
        .values_list("pk", flat=True)
    )
    return [pk - low for pk in ended]


def current_for_user_courses(*, user, course_ids) -> dict[int, list[Certificate]]:
    """{course id: the user's current certificates} for a set of courses, in one query."""
    result: dict[int, list[Certificate]] = {}
    if not getattr(user, "is_authenticated", False):
        return result
    rows = (
        Certificate.objects.filter(holder=user, course_id__in=list(course_ids))
        .exclude(status=Certificate.Status.REPLACED)
        .only("pk", "course_id", "kind", "status", "code", "serial", "sha256", "expires_at", "issued_at")
        .order_by("kind")
    )
    for certificate in rows:
        result.setdefault(certificate.course_id, []).append(certificate)
    return result


@dataclass
class RosterRow:
    enrollment: Enrollment
    completed: bool
    attended: bool
    certificates: dict[str, Certificate] = field(default_factory=dict)

    def certificate_of(self, kind: str) -> Certificate | None:
        return self.certificates.get(kind)

    @property
    def cells(self) -> list[tuple[str, bool, Certificate | None]]:
        """(kind, qualifies, current certificate) for each kind, in the table's column order."""
        return [
            (CertificateKind.COMPLETION.value, self.completed, self.certificates.get(CertificateKind.COMPLETION)),
            (CertificateKind.ATTENDANCE.value, self.attended, self.certificates.get(CertificateKind.ATTENDANCE)),
        ]


def cohort_roster(*, cohort) -> list[RosterRow]:
    """Every enrolment of a cohort with whether it qualifies and its current certificates (two
    queries: enrolments with their flags, and the certificates)."""
    enrollments = (
        Enrollment.objects.filter(cohort=cohort)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("user")
        .annotate(
            has_completion=Exists(Completion.objects.filter(enrollment=OuterRef("pk"))),
            has_attended=Exists(Attendance.objects.filter(enrollment=OuterRef("pk"), status__in=Attendance.ATTENDED)),
        )
        .prefetch_related(
            Prefetch(
                "certificates",
                queryset=Certificate.objects.exclude(status=Certificate.Status.REPLACED).only(
                    "pk", "enrollment_id", "kind", "status", "serial", "code", "sha256", "expires_at"
                ),
                to_attr="current_certificates",
            )
        )
        .order_by("user__full_name", "pk")
    )
    rows = []
    for enrollment in enrollments:
        rows.append(
            RosterRow(
                enrollment=enrollment,
                completed=enrollment.has_completion,
                attended=enrollment.has_attended,
                certificates={c.kind: c for c in enrollment.current_certificates},
            )
        )
    return rows


def roster_counts(rows: list[RosterRow]) -> dict[str, int]:
    return {
        "total": len(rows),
        "completed": sum(r.completed for r in rows),
        "issued": sum(1 for r in rows if r.certificate_of(CertificateKind.COMPLETION)),
        "attendance_issued": sum(1 for r in rows if r.certificate_of(CertificateKind.ATTENDANCE)),
        "pending_pdf": sum(1 for r in rows for c in r.certificates.values() if not c.sha256),
    }


def history(*, certificate: Certificate):
    """The certificate's chain (what it replaced and what replaced it) and every event of it."""
    from .models import CertificateEvent

    chain_ids = {certificate.pk}
    # Walk back through predecessors (few rows: reissues are rare).
    previous = Certificate.objects.filter(replaced_by=certificate).first()
    while previous is not None and previous.pk not in chain_ids:
        chain_ids.add(previous.pk)
        previous = Certificate.objects.filter(replaced_by=previous).first()
    successor = certificate.replaced_by
    while successor is not None and successor.pk not in chain_ids:
        chain_ids.add(successor.pk)
        successor = successor.replaced_by
    events = list(
        CertificateEvent.objects.filter(certificate_id__in=chain_ids)
        .select_related("certificate", "actor")
        .order_by("at", "pk")
    )
    # "PDF dibuat" and "Email terkirim" are read from the certificates themselves (`rendered_at`
    # with the SHA-256, `emailed_at`): the render and the email claim write no event row. Rows
    # written before that (action rendered/emailed) are shown as they are, not twice.
    Action = CertificateEvent.Action
    recorded = {(event.certificate_id, event.action) for event in events}
    chain = Certificate.objects.filter(pk__in=chain_ids).only("pk", "serial", "sha256", "rendered_at", "emailed_at")
    for member in chain:
        if member.rendered_at and (member.pk, Action.RENDERED) not in recorded:
            events.append(
                CertificateEvent(certificate=member, action=Action.RENDERED, at=member.rendered_at, note=member.sha256)
            )
        if member.emailed_at and (member.pk, Action.EMAILED) not in recorded:
            events.append(CertificateEvent(certificate=member, action=Action.EMAILED, at=member.emailed_at))
    events.sort(key=lambda event: (event.at, event.pk is None, event.pk or 0))
    return events
