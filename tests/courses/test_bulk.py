"""Bulk enrolment from CSV in the Wagtail admin: per-row report, file-level refusals create nothing."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.bulk import CsvRejected, bulk_enroll
from courses.models import Enrollment
from lms import roles

User = get_user_model()


@pytest.fixture
def cohort(make_course, make_cohort, instructor):
    return make_cohort(make_course().course, capacity=5, instructors=[instructor])


def run(cohort, text, by, encoding="utf-8"):
    return bulk_enroll(cohort=cohort, raw=text.encode(encoding), acting_user=by)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_are_created_enrolled_or_rejected_with_reasons(cohort, officer, make_user):
    existing = make_user(roles.TRAINEE, email="lama@example.test")
    already = make_user(roles.TRAINEE, email="sudah@example.test")
    Enrollment.objects.create(user=already, cohort=cohort)
    text = (
        "\ufeffNama;Email;Telepon;Koperasi\n"
        "Siti Aminah;siti@example.test;0812-3456-7890;Koperasi Tempe\n"
        "Lama Sekali;LAMA@example.test;;\n"
        "Sudah Ada;sudah@example.test;;\n"
        "Tanpa Email;bukan-email;;\n"
        "Siti Lagi;siti@example.test;;\n"
        "Nomor Salah;nomor@example.test;12345;\n"
        ";kosong@example.test;;\n"
    )
    report = run(cohort, text, officer)
    outcomes = [(row.email, row.outcome, row.user_created) for row in report.rows]
    assert outcomes[:3] == [
        ("siti@example.test", "enrolled", True),
        ("LAMA@example.test", "enrolled", False),
        ("sudah@example.test", "already_enrolled", False),
    ]
    reasons = {row.email: row.reasons for row in report.rows if row.outcome == "rejected"}
    assert reasons["bukan-email"] == ["email tidak valid"]
    assert "email ganda di berkas ini" in reasons["siti@example.test"]
    assert reasons["nomor@example.test"] == ["nomor HP tidak valid"]
    assert "nama kosong atau terlalu pendek" in reasons["kosong@example.test"]
    assert (report.count_enrolled, report.count_already, report.count_rejected) == (2, 1, 4)

    siti = User.objects.get(email="siti@example.test")
    assert (siti.full_name, siti.phone, siti.organisation) == ("Siti Aminah", "+6281234567890", "Koperasi Tempe")
    assert not siti.has_usable_password()
    assert EmailAddress.objects.get(user=siti).verified
    assert roles.has_role(siti, roles.TRAINEE)
    assert Enrollment.objects.get(user=siti, cohort=cohort).enrolled_by == officer
    assert Enrollment.objects.filter(user=existing, cohort=cohort).exists()
    # Only the new account gets an invitation, with a link to set the password.
    assert [m.to for m in mail.outbox] == [["siti@example.test"]]
    assert "/akun/password/reset/key/" in mail.outbox[0].body


@pytest.mark.django_db
def test_english_column_names_are_accepted(cohort, officer):
    report = run(cohort, "name,email,phone,cooperative\nBudi Santoso,budi@example.test,,KPRI\n", officer)
    assert report.count_enrolled == 1
    assert User.objects.get(email="budi@example.test").organisation == "KPRI"


@pytest.mark.django_db
def test_rows_beyond_capacity_are_rejected(cohort, officer):
    lines = "".join(f"Peserta Nomor {i},p{i}@example.test,,\n" for i in range(7))
    report = run(cohort, "nama,email,telepon,koperasi\n" + lines, officer)
    assert report.count_enrolled == 5
    assert report.count_rejected == 2
    assert all("penuh" in row.reasons[0] for row in report.rows if row.outcome == "rejected")
    # No orphan accounts for rejected rows.
    assert not User.objects.filter(email__in=["p5@example.test", "p6@example.test"]).exists()


@pytest.mark.parametrize(
    "text,message",
    [
        ("email,telepon\nbudi@example.test,\n", "Kolom wajib tidak ada: nama"),
        ("nama,telepon\nBudi,\n", "Kolom wajib tidak ada: email"),
        ("", "Berkas kosong"),
        ("nama,email\n", "tidak berisi peserta"),
    ],
)
@pytest.mark.django_db
def test_file_level_problems_create_nothing(cohort, officer, text, message):
    before = User.objects.count()
    with pytest.raises(CsvRejected) as info:
        run(cohort, text, officer)
    assert message in str(info.value)
    assert User.objects.count() == before
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_wrong_encoding_is_refused_clearly(cohort, officer):
    with pytest.raises(CsvRejected) as info:
        run(cohort, "nama,email\nSiti Münster,siti@example.test\n", officer, encoding="latin-1")
    assert "UTF-8" in str(info.value)
    assert not User.objects.filter(email="siti@example.test").exists()


def upload(client, cohort, content: bytes, name="peserta.csv"):
    return client.post(
        f"/admin/kursus/angkatan/{cohort.pk}/impor/",
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


@pytest.mark.django_db
def test_admin_view_for_officer_and_the_cohorts_instructor(cohort, officer, instructor, client_for):
    response = upload(client_for(officer), cohort, b"nama,email\nBudi Santoso,budi@example.test\n")
    assert response.status_code == 200
    assert "akun dibuat, didaftarkan" in response.content.decode()
    form = client_for(officer).get(f"/admin/kursus/angkatan/{cohort.pk}/impor/").content.decode()
    assert "/static/courses/contoh-peserta.csv" in form
    response = upload(client_for(instructor), cohort, b"nama,email\nDewi Lestari,dewi@example.test\n")
    assert response.status_code == 200
    assert Enrollment.objects.filter(cohort=cohort).count() == 2


@pytest.mark.django_db
def test_admin_view_refuses_bad_files_and_other_people(cohort, make_user, client_for, officer, trainee):
    client = client_for(officer)
    not_csv = upload(client, cohort, b"%PDF-1.4", name="peserta.pdf")
    assert not_csv.status_code == 400 and "CSV" in not_csv.content.decode()
    latin = upload(client, cohort, "nama,email\nJosé Ñandú,jose@example.test\n".encode("latin-1"))
    assert latin.status_code == 400 and "UTF-8" in latin.content.decode()
    big = upload(client, cohort, b"nama,email\n" + b"x" * (1024 * 1024 + 1))
    assert big.status_code == 400 and "terlalu besar" in big.content.decode()
    assert not Enrollment.objects.exists()

    other_instructor = make_user(roles.INSTRUCTOR)
    denied = upload(client_for(other_instructor), cohort, b"nama,email\nBudi Santoso,budi@example.test\n")
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    denied = client_for(trainee).get(f"/admin/kursus/angkatan/{cohort.pk}/impor/")
    assert denied.status_code == 302
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_invitation_link_lets_the_new_trainee_set_a_password(cohort, officer, client):
    from courses.invitations import invitation_link

    run(cohort, "nama,email\nRina Wulandari,rina@example.test\n", officer)
    user = User.objects.get(email="rina@example.test")
    path = invitation_link(user).split("://", 1)[1].split("/", 1)[1]
    form = client.get("/" + path, follow=True)
    assert form.status_code == 200 and 'name="password1"' in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else "/" + path,
        {"password1": "Koperasi-Maju-2026", "password2": "Koperasi-Maju-2026"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Koperasi-Maju-2026")


class BrokenMailBackend:
    """A mail server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPServerDisconnected("mail server down")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_mail_server_failure_does_not_break_the_import(cohort, officer, client_for, settings, caplog):
    settings.EMAIL_BACKEND = "tests.courses.test_bulk.BrokenMailBackend"
    response = upload(client_for(officer), cohort, b"nama,email\nBudi Santoso,budi@example.test\n")
    assert response.status_code == 200 and "akun dibuat, didaftarkan" in response.content.decode()
    assert Enrollment.objects.filter(cohort=cohort, user__email="budi@example.test").exists()
    assert "was not sent" in caplog.text


@pytest.mark.django_db
def test_invitation_task_sends_once_and_never_after_the_password_is_set(cohort, officer):
    from courses.tasks import send_invitation

    run(cohort, "nama,email\nRina Wulandari,rina@example.test\n", officer)
    user = User.objects.get(email="rina@example.test")
    mail.outbox.clear()
    assert send_invitation.apply(args=[user.pk, cohort.pk]).get() == "sent"
    assert [m.to for m in mail.outbox] == [["rina@example.test"]]
    user.set_password("Koperasi-Maju-2026")
    user.save()
    assert send_invitation.apply(args=[user.pk, cohort.pk]).get() == "skipped"
    assert send_invitation.apply(args=[999999, cohort.pk]).get() == "skipped"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_sample_file_offered_on_the_import_screen_imports_cleanly(cohort, officer):
    from pathlib import Path

    import courses

    sample = Path(courses.__file__).parent / "static" / "courses" / "contoh-peserta.csv"
    report = bulk_enroll(cohort=cohort, raw=sample.read_bytes(), acting_user=officer)
    assert (report.count_enrolled, report.count_rejected) == (2, 0)


@pytest.mark.django_db
def test_rows_are_checked_like_the_model_and_staff_are_never_enrolled(cohort, officer, make_user):
    """Issue 9, item 13: a 5,000-character name was stored; an admin was made a trainee."""
    admin = make_user(roles.ADMIN, email="admin-x@example.test")
    text = (
        "nama,email,telepon,koperasi\n"
        f"{'A' * 5000},panjang@example.test,,\n"
        f"Siti Aminah,siti@example.test,,{'K' * 500}\n"
        "Admin Dinas,admin-x@example.test,,\n"
        "Budi\u202eSantoso,budi@example.test,,\n"
    )
    report = run(cohort, text, officer)
    outcomes = {row.email: (row.outcome, " ".join(str(r) for r in row.reasons)) for row in report.rows}
    assert (
        outcomes["panjang@example.test"][0] == "rejected" and "terlalu panjang" in outcomes["panjang@example.test"][1]
    )
    assert outcomes["siti@example.test"][0] == "rejected" and "terlalu panjang" in outcomes["siti@example.test"][1]
    assert outcomes["admin-x@example.test"][0] == "rejected" and "staf" in outcomes["admin-x@example.test"][1]
    assert outcomes["budi@example.test"][0] == "enrolled"
    assert User.objects.get(email="budi@example.test").full_name == "BudiSantoso"
    assert not User.objects.filter(email__in=["panjang@example.test", "siti@example.test"]).exists()
    admin.refresh_from_db()
    assert not roles.has_role(admin, roles.TRAINEE)
    assert not Enrollment.objects.filter(user=admin).exists()
