"""Demo data of the incubator: the seed's 18 new cooperatives (and the online one) in an incubation
programme with 12 months of KPI history, milestones, mentoring and stage histories (some at risk);
three of them keep their books in Sinau, with their reports filled in from those books.

Idempotent: nothing happens when the programme already exists.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from ledger.services import LineInput, post_journal_entry
from lms import demo as lms_demo
from lms import roles

from . import services
from .books import kpi_figures_from_book, open_venture_book
from .models import KpiReport, MilestoneTemplate, Programme, Stage, VentureKind

PROGRAMME_NAME = "Inkubasi Wirausaha Koperasi Kota Mojokerto 2025/2026"
MILESTONES = [
    ("NIB diperoleh", 30),
    ("Badan hukum koperasi terdaftar", 90),
    ("Tiga bulan pembukuan tertib", 120),
    ("Pembiayaan pertama diperoleh", 180),
    ("Omzet naik 20% dari data dasar", 270),
    ("Sertifikat halal atau PIRT", 300),
]
KECAMATAN = [
    ("Prajurit Kulon", "Surodinawan"),
    ("Magersari", "Gunung Gedangan"),
    ("Kranggan", "Meri"),
    ("Prajurit Kulon", "Blooto"),
    ("Magersari", "Wates"),
    ("Kranggan", "Sekarputih"),
]
SECTORS = [
    ("Pangan", "10792"),
    ("Jasa", "96099"),
    ("Kerajinan", "13134"),
    ("Perdagangan", "47111"),
    ("Pertanian", "01139"),
]
# Final stage per venture index (18 new cooperatives, then the online one): a spread across the path.
STAGES = [
    Stage.INKUBASI,
    Stage.INKUBASI,
    Stage.PASCA,
    Stage.INKUBASI,
    Stage.LULUS,
    Stage.INKUBASI,
    Stage.PRA,
    Stage.INKUBASI,
    Stage.PASCA,
    Stage.KELUAR,
    Stage.INKUBASI,
    Stage.PRA,
    Stage.INKUBASI,
    Stage.PASCA,
    Stage.INKUBASI,
    Stage.INKUBASI,
    Stage.LULUS,
    Stage.PRA,
    Stage.INKUBASI,
]
AT_RISK = {5, 11, 14}  # stopped reporting three months ago
BOOK_KEEPERS = 3  # the first three ventures keep their books in Sinau
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _month_add(period: dt.date, months: int) -> dt.date:
    index = period.year * 12 + period.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _kpi(rng: random.Random, base: dict, month: int) -> dict:
    growth = Decimal(1) + Decimal(month) * Decimal(rng.randint(1, 6)) / 100
    omzet = (base["omzet"] * growth).quantize(Decimal("1000"))
    return {
        "omzet": omzet,
        "members": base["members"] + month * rng.randint(0, 2),
        "employees_male": base["employees_male"] + (month // 4),
        "employees_female": base["employees_female"] + (month // 3),
        "assets": (base["assets"] * (Decimal(1) + Decimal(month) / 40)).quantize(Decimal("1000")),
        "shu": (omzet * Decimal(rng.randint(-2, 12)) / 100).quantize(Decimal("1000")),
        "financing": Decimal(rng.choice([0, 0, 0, 0, 5_000_000, 10_000_000])),
    }


def _book_entries(book, owner, periods, rng):
    """A small business's month: sales, cost of sales, wages and rent; capital in the first month."""
    dr, cr = LineInput.dr, LineInput.cr
    first = periods[0]
    entries = [
        (first.replace(day=2), "Setoran modal penyertaan anggota", [dr("1101", 15_000_000), cr("3103", 15_000_000)]),
        (first.replace(day=3), "Pembelian persediaan awal", [dr("1105", 6_000_000), cr("1101", 6_000_000)]),
    ]
    for period in periods:
        sales = 4_000_000 + rng.randint(0, 30) * 100_000
        cost = sales * 55 // 100
        month = f"{period:%m/%Y}"
        entries += [
            (period.replace(day=15), f"Penjualan {month}", [dr("1101", sales), cr("4102", sales)]),
            (period.replace(day=15), f"HPP {month}", [dr("5108", cost), cr("1105", cost)]),
            (period.replace(day=20), f"Belanja persediaan {month}", [dr("1105", cost), cr("1101", cost)]),
            (
                period.replace(day=25),
                f"Upah dan sewa {month}",
                [dr("5102", 600_000), dr("5103", 250_000), cr("1101", 850_000)],
            ),
        ]
    for date, description, lines in entries:
        post_journal_entry(book=book, user=owner, date=date, description=description, lines=lines)


@transaction.atomic
def load(*, stdout, people: dict) -> None:
    if Programme.objects.filter(name=PROGRAMME_NAME).exists():
        stdout.write("  Inkubasi: sudah ada")
        return
    rng = random.Random(13)  # noqa: S311  # nosec B311  # repeatable demo figures, not a secret
    officers = people.get("officers") or [people["admin"]]
    officer = officers[0]
    today = timezone.localdate()
    this_month = today.replace(day=1)
    entry_month = _month_add(this_month, -12)
    programme = Programme.objects.create(
        name=PROGRAMME_NAME,
        intake_year=entry_month.year,
        start_date=entry_month,
        end_date=_month_add(entry_month, 24) - dt.timedelta(days=1),
        description="Inkubasi wirausaha koperasi baru: legalitas, pembukuan, pemasaran, pembiayaan, pendampingan.",
    )
    for order, (title, days) in enumerate(MILESTONES):
        MilestoneTemplate.objects.create(programme=programme, title=title, due_after_days=days, sort_order=order)

    trainees = {t.organisation: t for t in people.get("trainees") or []}
    names = [(name, VentureKind.NEW_COOPERATIVE) for name in lms_demo.NEW_COOPERATIVES]
    names.append((lms_demo.ONLINE_COOPERATIVE, VentureKind.ONLINE_COOPERATIVE))
    contacts = list(people.get("venture_contacts") or [])
    # Two more trainees report for their cooperatives and keep its books (with peserta01: three).
    for trainee in (people.get("trainees") or [])[1:BOOK_KEEPERS]:
        roles.assign_role(trainee, roles.VENTURE_CONTACT)
        contacts.append(trainee)
    contact_of = {c.organisation: c for c in contacts}

    books = 0
    for index, (name, kind) in enumerate(names):
        kecamatan, kelurahan = KECAMATAN[index % len(KECAMATAN)]
        sector, kbli = SECTORS[index % len(SECTORS)]
        entry = entry_month + dt.timedelta(days=rng.randint(0, 9))
        contact = contact_of.get(name)
        trainee = trainees.get(name)
        venture = services.create_venture(
            programme=programme,
            name=name,
            kind=kind,
            entry_date=entry,
            by=officer,
            contacts=[contact] if contact else [],
            people=[trainee] if trainee else [],
            sector=sector,
            kbli=kbli,
            kecamatan=kecamatan,
            kelurahan=kelurahan,
        )
        # Stage history along the path up to the final stage.
        target = STAGES[index % len(STAGES)]
        path = {
            Stage.PRA: [],
            Stage.INKUBASI: [Stage.INKUBASI],
            Stage.PASCA: [Stage.INKUBASI, Stage.PASCA],
            Stage.LULUS: [Stage.INKUBASI, Stage.PASCA, Stage.LULUS],
            Stage.KELUAR: [Stage.INKUBASI, Stage.KELUAR],
        }[target]
        for step, stage in enumerate(path, start=1):
            services.change_stage(
                venture=venture,
                to_stage=stage,
                date=entry + dt.timedelta(days=75 * step),
                by=officer,
                reason={
                    Stage.INKUBASI: "Lolos seleksi dan menyelesaikan pelatihan pra-inkubasi",
                    Stage.PASCA: "Usaha berjalan mandiri, laporan tertib",
                    Stage.LULUS: "Memenuhi kriteria kelulusan: legalitas lengkap, omzet naik",
                    Stage.KELUAR: "Pengurus memutuskan menghentikan usaha",
                }[stage],
            )
        venture.refresh_from_db()
        # Milestones: those already due are done and verified (at-risk ventures miss their latest);
        # every third venture has sent evidence early for the next one, waiting for verification.
        due = [m for m in venture.milestones.order_by("due_date") if m.due_date <= today]
        upcoming = [m for m in venture.milestones.order_by("due_date") if m.due_date > today][:1]
        if index in AT_RISK and due:
            due = due[:-1]
        for milestone in due + (upcoming if index % 3 == 0 else []):
            services.submit_evidence(
                milestone=milestone,
                upload=SimpleUploadedFile("bukti.pdf", MINIMAL_PDF),
                done_date=min(milestone.due_date - dt.timedelta(days=rng.randint(0, 10)), today),
                note="",
                by=officer,
            )
            if milestone.due_date <= today:
                services.verify_milestone(milestone=milestone, by=officer)
        # Mentoring: two or three sessions with action items.
        for session in range(2 + index % 2):
            date = entry + dt.timedelta(days=40 + 100 * session)
            if date > today:
                continue
            services.record_mentoring(
                venture=venture,
                date=date,
                mentor=["Dra. Endang Wahyuni", "Ir. Bambang Hermanto"][session % 2],
                topics=["Legalitas dan perizinan", "Pencatatan keuangan", "Pemasaran daring"][session % 3],
                notes="Pendampingan di sekretariat koperasi.",
                action_items=[
                    ("Lengkapi dokumen yang diminta", date + dt.timedelta(days=14)),
                    ("Catat kas harian", date + dt.timedelta(days=30)),
                ],
                by=officer,
            )
            if session == 0:
                for item in venture.mentoring_sessions.order_by("date").first().action_items.all():
                    services.set_action_item_done(item=item, done=True, by=officer)

        # KPI: baseline at entry, then every month up to last month (at-risk ones stop 3 months ago).
        base = {
            "omzet": Decimal(rng.randint(20, 80) * 100_000),
            "members": rng.randint(9, 25),
            "employees_male": rng.randint(0, 2),
            "employees_female": rng.randint(1, 3),
            "assets": Decimal(rng.randint(10, 60) * 500_000),
            "shu": Decimal(0),
            "financing": Decimal(0),
        }
        baseline, _created = services.submit_kpi_report(
            venture=venture, period=entry, figures=base, by=officer, baseline=True
        )
        KpiReport.objects.filter(pk=baseline.pk).update(
            submitted_at=timezone.make_aware(dt.datetime.combine(entry, dt.time(9, 0)))
        )
        last = _month_add(this_month, -4 if index in AT_RISK else -1)
        if target == Stage.KELUAR:
            last = _month_add(entry_month, 5)
        periods = []
        period = entry_month
        while period <= last:
            periods.append(period)
            period = _month_add(period, 1)
        if index < BOOK_KEEPERS and contact is not None:
            book = open_venture_book(venture=venture, by=contact)
            _book_entries(book, contact, periods, rng)
            books += 1
        for month, period in enumerate(periods, start=1):
            figures = _kpi(rng, base, month)
            book_figures = None
            if venture.book_id is not None or (index < BOOK_KEEPERS and contact is not None):
                venture.refresh_from_db()
                book_figures = kpi_figures_from_book(venture.book, period).figures
                figures.update(book_figures)
            reporter = contact or officer
            report, _created = services.submit_kpi_report(
                venture=venture, period=period, figures=figures, by=reporter, book_figures=book_figures
            )
            # Backdate: sent in the first days of the next month, a few of them late.
            late = rng.random() < 0.1
            sent = _month_add(period, 1) + dt.timedelta(days=rng.randint(12, 20) if late else rng.randint(1, 9))
            KpiReport.objects.filter(pk=report.pk).update(
                submitted_at=timezone.make_aware(dt.datetime.combine(sent, dt.time(9, 0))), late=late
            )
    stdout.write(
        f"  Inkubasi: 1 program, {len(names)} usaha binaan, {books} dengan pembukuan di Sinau; "
        f"kontak usaha (peserta01–03): {', '.join(c.get_full_name() for c in contacts)}"
    )
