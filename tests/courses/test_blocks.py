"""Lesson blocks render on their own: Rupiah journal tables, offline video fallback, images, documents."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.blocks import LessonBodyBlock


def render(raw):
    block = LessonBodyBlock()
    return block.render(block.to_python(raw))


def test_journal_example_shows_rupiah_and_totals():
    html = render(
        [
            {
                "type": "journal_example",
                "value": {
                    "caption": "Penjualan tunai",
                    "lines": [
                        {
                            "account_code": "1-1100",
                            "account_name": "Kas",
                            "debit": "1250000",
                            "credit": "0",
                            "memo": "toko",
                        },
                        {
                            "account_code": "4-1100",
                            "account_name": "Penjualan",
                            "debit": "0",
                            "credit": "1250000",
                            "memo": "",
                        },
                    ],
                },
            }
        ]
    )
    assert html.count("Rp 1.250.000") == 4  # two lines and two totals
    assert "Penjualan tunai" in html


def test_totals_are_decimal():
    block = LessonBodyBlock()
    value = block.to_python(
        [
            {
                "type": "journal_example",
                "value": {
                    "caption": "x",
                    "lines": [
                        {"account_code": "1", "account_name": "Kas", "debit": "10.50", "credit": None, "memo": ""},
                        {"account_code": "2", "account_name": "Modal", "debit": None, "credit": "10.50", "memo": ""},
                    ],
                },
            }
        ]
    )[0].value
    assert value.total_debit() == value.total_credit() == Decimal("10.50")


@pytest.mark.django_db
def test_video_falls_back_to_a_plain_link_when_the_embed_cannot_be_fetched(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": []}]
    html = render([{"type": "video", "value": "https://www.youtube.com/watch?v=contoh"}])
    assert '<a href="https://www.youtube.com/watch?v=contoh"' in html
    assert "Tonton video" in html


@pytest.mark.django_db
def test_callout_glossary_image_and_document():
    image = Image.objects.create(title="Toko koperasi", file=get_test_image_file())
    document = Document.objects.create(title="Contoh AD/ART", file=ContentFile(b"isi", name="ad-art.pdf"))
    html = render(
        [
            {
                "type": "callout",
                "value": {"kind": "warning", "text": "<p>Jangan ubah jurnal yang sudah diposting.</p>"},
            },
            {"type": "glossary", "value": {"term": "RAT", "definition": "<p>Rapat Anggota Tahunan.</p>"}},
            {"type": "image", "value": {"image": image.pk, "caption": "Toko koperasi di pasar"}},
            {"type": "document", "value": {"document": document.pk, "title": "Unduh contoh AD/ART"}},
        ]
    )
    assert 'class="callout callout-warning"' in html and "Perhatian" in html
    assert "<dt>RAT</dt>" in html
    assert "<img" in html and "Toko koperasi di pasar" in html
    assert document.url in html and "Unduh contoh AD/ART" in html


@pytest.mark.django_db
def test_ledger_exercise_block_links_the_exercise_and_renders_nothing_when_it_is_gone(trainee):
    from courses.blocks import LedgerExerciseBlock
    from ledger.models import ChartTemplate, LedgerExercise

    exercise = LedgerExercise.objects.create(
        title="Setoran simpanan",
        slug="setoran-uji",
        chart=ChartTemplate.objects.get(is_default=True),
        period_start="2026-01-01",
        period_end="2026-12-31",
        cooperative_name="Koperasi Uji",
        live=True,
    )
    block = LedgerExerciseBlock()
    value = block.to_python({"exercise": exercise.pk, "intro": "<p>Catat setorannya.</p>"})
    html = block.render(value)
    assert 'href="/buku/latihan/setoran-uji/"' in html
    assert "Setoran simpanan" in html and "Catat setorannya." in html
    assert "1 Januari 2026" in html
    exercise.delete()
    assert block.render(block.to_python({"exercise": exercise.pk, "intro": ""})).strip() == ""


@pytest.mark.django_db
def test_a_draft_ledger_exercise_is_hidden_from_trainees_and_marked_for_instructors(trainee, instructor):
    from courses.blocks import LedgerExerciseBlock
    from ledger.models import ChartTemplate, LedgerExercise

    draft = LedgerExercise.objects.create(
        title="Latihan draf",
        slug="latihan-draf",
        chart=ChartTemplate.objects.get(is_default=True),
        period_start="2026-01-01",
        period_end="2026-12-31",
        cooperative_name="Koperasi Uji",
        live=False,
    )
    block = LedgerExerciseBlock()
    value = block.to_python({"exercise": draft.pk, "intro": ""})
    assert block.render(value, context={"user": trainee}).strip() == ""
    html = block.render(value, context={"user": instructor})
    assert "Latihan draf" in html and "Draf: belum terlihat oleh peserta" in html
