"""Wagtail admin of the ledger: exercises with inline children (an unbalanced answer is refused),
charts copied with "salin", the seeded default chart read-only for instructors."""

import json

import pytest

from ledger.models import Account, ChartTemplate, LedgerExercise

EXERCISE_ADD = "/admin/buku-latihan/latihan/add/"
CHART_INDEX = "/admin/buku-latihan/bagan-akun/"

FORMSETS = ("members", "opening_balances", "transactions", "expected_lines", "expected_balances")


def exercise_post(chart, *, credit_amount="500000", slug="latihan-uji-admin"):
    data = {
        "title": "Latihan uji dari admin",
        "slug": slug,
        "cooperative_name": "Koperasi Uji",
        "chart": str(chart.pk),
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "instructions": json.dumps(
            {
                "blocks": [
                    {
                        "key": "a1",
                        "type": "unstyled",
                        "depth": 0,
                        "text": "Catat setoran.",
                        "inlineStyleRanges": [],
                        "entityRanges": [],
                    }
                ],
                "entityMap": {},
            }
        ),
        "grading_mode": "per_line",
        "tolerance": "0",
        "shu_amount": "",
        "shu_components": "{}",
    }
    rows = {
        "members": [{"number": "A001", "name": "Siti"}],
        "opening_balances": [
            {"account_code": "1101", "amount": "500000", "member_number": ""},
            {"account_code": "3101", "amount": "500000", "member_number": "A001"},
        ],
        "transactions": [
            {"number": "1", "date": "2026-01-05", "narrative": "Siti menyetor simpanan wajib.", "points": "1"}
        ],
        "expected_lines": [
            {"transaction_number": "1", "account_code": "1101", "side": "D", "amount": "500000", "member_number": ""},
            {
                "transaction_number": "1",
                "account_code": "3102",
                "side": "C",
                "amount": credit_amount,
                "member_number": "A001",
            },
        ],
        "expected_balances": [],
    }
    for prefix in FORMSETS:
        items = rows[prefix]
        data[f"{prefix}-TOTAL_FORMS"] = str(len(items))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for index, item in enumerate(items):
            for key, value in item.items():
                data[f"{prefix}-{index}-{key}"] = value
            data[f"{prefix}-{index}-ORDER"] = str(index + 1)
            data[f"{prefix}-{index}-id"] = ""
    return data


@pytest.fixture
def chart(db):
    return ChartTemplate.get_default()


def test_instructor_creates_an_exercise_with_inline_children(client_for, instructor, chart):
    client = client_for(instructor)
    assert client.get(EXERCISE_ADD).status_code == 200
    response = client.post(EXERCISE_ADD, exercise_post(chart))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    exercise = LedgerExercise.objects.get(slug="latihan-uji-admin")
    assert exercise.members.count() == 1
    assert exercise.opening_balances.count() == 2
    assert [(x.account_code, x.side) for x in exercise.expected_lines.order_by("sort_order")] == [
        ("1101", "D"),
        ("3102", "C"),
    ]


def test_an_unbalanced_expected_answer_is_refused(client_for, instructor, chart):
    response = client_for(instructor).post(EXERCISE_ADD, exercise_post(chart, credit_amount="450000"))
    assert response.status_code == 200
    assert not LedgerExercise.objects.filter(slug="latihan-uji-admin").exists()
    errors = response.context["form"].non_field_errors()
    assert any("tidak seimbang" in message for message in errors)
    assert "tidak seimbang" in response.text


def test_trainee_has_no_admin(client_for, trainee, chart):
    response = client_for(trainee).get(EXERCISE_ADD)
    assert response.status_code in (302, 403)


def test_copy_chart_with_salin_then_edit_the_copy(client_for, instructor, chart):
    client = client_for(instructor)
    listing = client.get(CHART_INDEX)
    assert listing.status_code == 200
    salin = f"{CHART_INDEX}salin/{chart.pk}/"
    assert salin in listing.text
    assert client.get(salin).status_code == 200
    response = client.post(salin, {"name": "Bagan KSP Narasumber"})
    copy = ChartTemplate.objects.get(name="Bagan KSP Narasumber")
    assert response.status_code == 302 and response.url == f"{CHART_INDEX}edit/{copy.pk}/"
    assert copy.created_by == instructor and not copy.is_default
    assert copy.accounts.count() == chart.accounts.count()
    edit = client.post(
        f"{CHART_INDEX}edit/{copy.pk}/", {"name": "Bagan KSP (ubah)", "slug": copy.slug, "description": ""}
    )
    assert edit.status_code == 302
    copy.refresh_from_db()
    assert copy.name == "Bagan KSP (ubah)"
    account = copy.accounts.get(code="4104")
    account_edit = client.get(f"/admin/buku-latihan/akun/edit/{account.pk}/")
    assert account_edit.status_code == 200


def test_default_chart_is_read_only_for_instructors(client_for, instructor, admin_user, chart):
    client = client_for(instructor)
    response = client.post(f"{CHART_INDEX}edit/{chart.pk}/", {"name": "Dirusak", "slug": chart.slug, "description": ""})
    assert response.status_code in (302, 403)
    chart.refresh_from_db()
    assert chart.name != "Dirusak"
    kas = Account.objects.get(chart=chart, code="1101")
    assert client.get(f"/admin/buku-latihan/akun/edit/{kas.pk}/").status_code in (302, 403)
    assert client_for(admin_user).get(f"{CHART_INDEX}edit/{chart.pk}/").status_code == 200


def test_listings_offer_edit_only_where_allowed(client_for, instructor, chart):
    client = client_for(instructor)
    listing = client.get(CHART_INDEX)
    assert f"{CHART_INDEX}edit/{chart.pk}/" not in listing.text
    kas = Account.objects.get(chart=chart, code="1101")
    accounts = client.get("/admin/buku-latihan/akun/", {"chart": chart.pk})
    assert accounts.status_code == 200
    assert f"/admin/buku-latihan/akun/edit/{kas.pk}/" not in accounts.text


def test_a_new_exercise_is_a_draft_until_published(client_for, instructor, trainee, chart):
    """Authored in the admin, an exercise stays invisible to trainees until "terbit" is ticked;
    its author (any instructor) sees and previews it marked as a draft."""
    from django.urls import reverse

    author = client_for(instructor)
    assert author.post(EXERCISE_ADD, exercise_post(chart)).status_code == 302
    exercise = LedgerExercise.objects.get(slug="latihan-uji-admin")
    assert exercise.live is False
    detail = reverse("ledger:exercise_detail", args=[exercise.slug])
    listing = reverse("ledger:exercise_list")

    learner = client_for(trainee)
    assert "Latihan uji dari admin" not in learner.get(listing).text
    assert learner.get(detail).status_code == 404
    assert learner.post(detail, {"action": "start"}).status_code == 404
    assert learner.get(reverse("ledger:exercise_answer", args=[exercise.slug])).status_code == 404

    author = client_for(instructor)  # one test client: log the author back in
    page = author.get(listing)
    assert "Latihan uji dari admin" in page.text and "Draf: belum terlihat oleh peserta" in page.text
    preview = author.get(detail)
    assert preview.status_code == 200 and "masih draf" in preview.text

    edit = f"/admin/buku-latihan/latihan/edit/{exercise.pk}/"
    data = exercise_post(chart) | {"live": "on"}
    assert author.post(edit, data).status_code == 302
    exercise.refresh_from_db()
    assert exercise.live is True
    learner = client_for(trainee)
    page = learner.get(listing)
    assert "Latihan uji dari admin" in page.text and "Draf:" not in page.text
    assert learner.get(detail).status_code == 200
    assert "masih draf" not in learner.get(detail).text
