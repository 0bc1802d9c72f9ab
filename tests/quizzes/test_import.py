"""Import from Moodle's GIFT and XML formats: each supported type, and a report of what was not."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms import roles
from quizzes import grading
from quizzes.importers import import_questions, parse_gift
from quizzes.models import Question

GIFT = r"""
// Soal contoh dalam format GIFT
$CATEGORY: $course$/Hari 1

::Organ tertinggi::Organ tertinggi koperasi adalah {~Pengurus =Rapat Anggota#Benar! ~Pengawas}

::Dua jawaban::Mana yang termasuk aset? {
    ~%50%Kas
    ~%50%Bank
    ~%-50%Utang usaha
    ~%-50%Simpanan pokok }

Koperasi wajib menyelenggarakan RAT setiap tahun.{TRUE#Salah: RAT wajib.#Betul.}

SHU dibagi menurut AD/ART.{F}

Berapa SHU jasa modal anggota A? {#600000:0}

Nilai pi sampai tiga desimal? {#3.141..3.142}

Singkatan rapat anggota tahunan? {=RAT =rapat anggota tahunan =%50%rapat}

Jodohkan organ dan tugasnya. {
    =Pengurus -> mengelola
    =Pengawas -> mengawasi
    = -> menggaji
}

Tuliskan pendapat Anda tentang koperasi.{}

Ini hanya penjelasan, bukan soal.

::Rusak:: Kurung tidak ditutup {=a ~b

[html]<p>Apa itu <b>koperasi</b>?<script>alert(1)</script></p>{=badan usaha ~yayasan}
"""

XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/Hari 2</text></category></question>
  <question type="multichoice">
    <name><text>Jenis koperasi</text></name>
    <questiontext format="html"><text><![CDATA[<p>Koperasi yang melayani <b>simpan pinjam</b>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>KSP melayani simpan pinjam.</p>]]></text></generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <single>true</single>
    <correctfeedback format="html"><text>Tepat.</text></correctfeedback>
    <incorrectfeedback format="html"><text>Belum tepat.</text></incorrectfeedback>
    <answer fraction="100" format="html"><text>KSP</text><feedback format="html"><text>Ya.</text></feedback></answer>
    <answer fraction="0" format="html"><text>Koperasi konsumen</text></answer>
    <answer fraction="0" format="html"><text>Koperasi produsen</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Beberapa</text></name>
    <questiontext format="html"><text>Pilih akun aset.</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>Kas</text></answer>
    <answer fraction="50"><text>Piutang</text></answer>
    <answer fraction="-100"><text>Utang</text></answer>
  </question>
  <question type="truefalse">
    <name><text>BS</text></name>
    <questiontext format="moodle_auto_format"><text>Simpanan pokok dibayar sekali.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Isian</text></name>
    <questiontext format="html"><text>Badan tertinggi?</text></questiontext>
    <usecase>1</usecase>
    <answer fraction="100"><text>Rapat Anggota</text></answer>
    <answer fraction="50"><text>Rapat</text></answer>
  </question>
  <question type="numerical">
    <name><text>Angka</text></name>
    <questiontext format="html"><text>Berapa persen cadangan?</text></questiontext>
    <answer fraction="100"><text>40</text><tolerance>0.5</tolerance></answer>
    <units><unit><multiplier>1</multiplier><unit_name>%</unit_name></unit></units>
  </question>
  <question type="match">
    <name><text>Jodoh</text></name>
    <questiontext format="html"><text>Jodohkan.</text></questiontext>
    <subquestion format="html"><text>Kas</text><answer><text>aset</text></answer></subquestion>
    <subquestion format="html"><text>Utang</text><answer><text>kewajiban</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>pendapatan</text></answer></subquestion>
  </question>
  <question type="essay"><name><text>Esai</text></name><questiontext format="html"><text>Jelaskan.</text></questiontext></question>
  <question type="calculated"><name><text>Rumus</text></name><questiontext format="html"><text>{a}+{b}</text></questiontext></question>
  <question type="numerical">
    <name><text>Rusak</text></name>
    <questiontext format="html"><text>?</text></questiontext>
    <answer fraction="100"><text>dua</text></answer>
  </question>
</quiz>
"""


@pytest.fixture
def category(make_course, make_category):
    return make_category(make_course(lessons=(1,)).course)


def by_title(report):
    return {q.title: q for q in report.created}


@pytest.mark.django_db
def test_gift_import_of_each_supported_type(category):
    report = import_questions(category=category, text=GIFT, filename="soal.gift")
    assert report.format == "gift"
    created = by_title(report)
    kinds = sorted(q.kind for q in report.created)
    assert kinds == [
        "matching",
        "multiple",
        "numeric",
        "numeric",
        "shorttext",
        "single",
        "single",
        "truefalse",
        "truefalse",
    ]
    organ = created["Organ tertinggi"].current_version.spec
    assert organ["kind"] == "single" and [c["correct"] for c in organ["data"]["choices"]] == [False, True, False]
    assert organ["data"]["choices"][1]["feedback"] == "Benar!"
    two = created["Dua jawaban"].current_version.spec
    assert [c["text"] for c in two["data"]["choices"] if c["correct"]] == ["Kas", "Bank"]
    tf = next(q for q in report.created if q.kind == "truefalse" and "RAT" in q.title).current_version.spec
    assert (
        tf["data"]["answer"] is True
        and tf["feedback_correct"] == "Betul."
        and tf["feedback_incorrect"] == "Salah: RAT wajib."
    )
    pi = next(q for q in report.created if "pi" in q.title).current_version.spec
    assert Decimal(pi["data"]["answer"]) == Decimal("3.1415") and Decimal(pi["data"]["tolerance"]) == Decimal("0.0005")
    assert grading.grade(pi, {"text": "3,1418"}).is_right and not grading.grade(pi, {"text": "3,143"}).is_right
    shu = next(q for q in report.created if "jasa modal" in q.title).current_version.spec
    assert grading.grade(shu, {"text": "600.000"}).is_right
    short = next(q for q in report.created if q.kind == "shorttext").current_version.spec
    assert short["data"]["answers"] == ["RAT", "rapat anggota tahunan"]
    matching = next(q for q in report.created if q.kind == "matching").current_version.spec
    assert len(matching["data"]["pairs"]) == 2 and "menggaji" in matching["data"]["options"]
    html_question = next(q for q in report.created if "koperasi" in q.text and "<b>" in q.text)
    assert "<script>" not in html_question.text and "<b>koperasi</b>" in html_question.text
    reasons = " ".join(p.reason for p in report.problems)
    assert len(report.problems) == 3
    assert "esai" in reasons.lower() and "Deskripsi" in reasons and "Kurung kurawal" in reasons
    notes = " ".join(note for _n, _t, note in report.notes)
    assert "$CATEGORY" in notes and "sebagian" in notes


@pytest.mark.django_db
def test_moodle_xml_import_of_each_supported_type(category):
    report = import_questions(category=category, text=XML, filename="soal.xml")
    assert report.format == "xml"
    created = by_title(report)
    assert sorted(created) == ["Angka", "BS", "Beberapa", "Isian", "Jenis koperasi", "Jodoh"]
    kind = created["Jenis koperasi"]
    assert kind.kind == "single" and kind.points == Decimal("2.00")
    assert kind.feedback_correct == "Tepat." and "KSP melayani" in kind.explanation
    assert "<b>simpan pinjam</b>" in kind.text
    assert [c["correct"] for c in created["Beberapa"].current_version.spec["data"]["choices"]] == [True, True, False]
    assert created["BS"].current_version.spec["data"]["answer"] is True
    assert created["Isian"].current_version.spec["data"]["answers"] == ["Rapat Anggota"]
    number = created["Angka"].current_version.spec
    assert grading.grade(number, {"text": "40,5"}).is_right and not grading.grade(number, {"text": "41"}).is_right
    match = created["Jodoh"].current_version.spec["data"]
    assert len(match["pairs"]) == 2 and "pendapatan" in match["options"]
    problems = {p.title: p.reason for p in report.problems}
    assert set(problems) == {"Esai", "Rumus", "Rusak"}
    assert "tidak terbaca" in problems["Rusak"]
    notes = " ".join(note for _n, _t, note in report.notes)
    assert "huruf besar/kecil" in notes and "Satuan" in notes and "Hari 2" in notes


@pytest.mark.django_db
def test_broken_or_hostile_xml_is_reported_not_raised(category):
    for text in ("<quiz><question", "<html></html>", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><quiz/>'):
        report = import_questions(category=category, text=text, filename="x.xml")
        assert report.created == [] and report.problems, text
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_gift_parser_handles_escapes():
    questions, problems, _notes = parse_gift(r"Berapa 2 \= 2? {=empat\#4 ~lima}")
    assert not problems
    assert questions[0].text == "<p>Berapa 2 = 2?</p>"
    assert questions[0].answer["choices"][0]["value"]["text"] == "empat#4"


@pytest.mark.django_db
def test_import_screen_for_instructors_and_the_upload_checks(category, make_user, client_for):
    teacher = make_user(roles.INSTRUCTOR)
    category.course.instructors.add(teacher)
    category.course.save()  # a page's many-to-many is written on save
    url = reverse("quizzes_admin_import")
    client = client_for(teacher)
    page = client.get(url)
    assert page.status_code == 200
    # The header's breadcrumbs lead back to the question list and name the screen (not only "Beranda").
    assert [item["label"] for item in page.context["breadcrumbs_items"]][1:] == [
        "Soal",
        "Impor soal (GIFT / Moodle XML)",
    ]
    assert page.context["breadcrumbs_items"][1]["url"] == reverse("wagtailsnippets_quizzes_question:list")
    upload = SimpleUploadedFile("soal.gift", GIFT.encode(), content_type="text/plain")
    response = client.post(url, {"category": category.pk, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hasil impor" in html and "Tidak diimpor" in html
    assert Question.objects.filter(category=category).count() == 9
    binary = SimpleUploadedFile("x.gift", b"\xff\xfe\x00\x01", content_type="application/octet-stream")
    refused = client.post(url, {"category": category.pk, "file": binary})
    assert "UTF-8" in refused.content.decode()
    assert client_for(make_user(roles.TRAINEE)).get(url).status_code in (302, 403)


@pytest.mark.django_db
def test_an_instructor_cannot_import_into_another_courses_category(
    category, make_user, make_course, make_category, client_for
):
    teacher = make_user(roles.INSTRUCTOR)
    other = make_category(make_course(lessons=(1,)).course, name="Lain")
    category.course.instructors.add(teacher)
    category.course.save()  # a page's many-to-many is written on save
    upload = SimpleUploadedFile("soal.gift", GIFT.encode(), content_type="text/plain")
    response = client_for(teacher).post(reverse("quizzes_admin_import"), {"category": other.pk, "file": upload})
    assert response.status_code == 200 and "Pilih" in response.content.decode()
    assert not Question.objects.exists()
