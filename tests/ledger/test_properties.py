"""Property-based tests (hypothesis): the books always balance, closing empties the income accounts,
rejected entries change nothing, SHU shares round half-up within Rp 0,50 of the exact share."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger import reports
from ledger.charts import DEFAULT_ACCOUNTS
from ledger.exceptions import LedgerValidationError
from ledger.models import Book, BookKind, JournalEntry, JournalLine, LedgerAuditEvent, Member
from ledger.services import LineInput, close_period, post_journal_entry, reverse_journal_entry
from ledger.shu import EXAMPLE_COMPONENTS, MemberShuInput, allocate_shu

D = Decimal
POSTABLE = [row[0] for row in DEFAULT_ACCOUNTS if row[4]]
HEADERS = [row[0] for row in DEFAULT_ACCOUNTS if not row[4]]
SUBLEDGER = {row[0] for row in DEFAULT_ACCOUNTS if row[5]}
MEMBERS = ["A001", "A002", "A003"]
START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

amounts = st.integers(min_value=1, max_value=10**11).map(lambda cents: D(cents) / 100)
dates = st.integers(min_value=0, max_value=364).map(lambda days: START + dt.timedelta(days=days))


@st.composite
def lines_for(draw, code_strategy=st.sampled_from(POSTABLE)):
    code = draw(code_strategy)
    member = draw(st.sampled_from(MEMBERS)) if code in SUBLEDGER else draw(st.none() | st.sampled_from(MEMBERS))
    return code, member


@st.composite
def balanced_entries(draw):
    """A balanced entry: 1-3 debit lines, 1-3 credit lines adding up to the same total."""
    debits = draw(st.lists(amounts, min_size=1, max_size=3))
    total = sum(debits)
    credits = draw(st.lists(amounts, min_size=0, max_size=2))
    if sum(credits) >= total:
        credits = []
    credits.append(total - sum(credits))
    lines = []
    for amount in debits:
        code, member = draw(lines_for())
        lines.append(LineInput(code, debit=amount, member_number=member))
    for amount in credits:
        code, member = draw(lines_for())
        lines.append(LineInput(code, credit=amount, member_number=member))
    return draw(st.permutations(lines)), draw(dates)


def fresh_book(owner, chart):
    book = Book.objects.create(
        owner=owner, title="Properti", kind=BookKind.PRACTICE, chart=chart, period_start=START, period_end=END
    )
    Member.objects.bulk_create([Member(book=book, number=n, name=f"Anggota {n}") for n in MEMBERS])
    return book


def snapshot(book):
    return (
        list(JournalEntry.objects.filter(book=book).values_list("pk", "number")),
        JournalLine.objects.filter(entry__book=book).count(),
        LedgerAuditEvent.objects.filter(book=book).count(),
    )


def assert_books_balance(book):
    tb = reports.trial_balance(book)
    assert tb.is_balanced, (tb.total_debit, tb.total_credit)
    fp = reports.financial_position(book)
    assert fp.is_balanced, (fp.total_assets, fp.total_liabilities_and_equity)


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(entries=st.lists(balanced_entries(), min_size=1, max_size=6))
def test_accepted_entries_keep_the_books_balanced(trainee, chart, entries):
    book = fresh_book(trainee, chart)
    posted_total = D(0)
    for lines, date in entries:
        entry = post_journal_entry(book=book, user=trainee, date=date, description="Properti", lines=list(lines))
        posted_total += sum((line.amount for line in entry.lines.all() if line.side == "D"), D(0))
        assert_books_balance(book)
    journal = reports.general_journal(book)
    assert journal.total_debit == journal.total_credit == posted_total
    assert [e.number for e in journal.entries] == list(range(1, len(entries) + 1))


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(entries=st.lists(balanced_entries(), min_size=1, max_size=6))
def test_after_closing_assets_equal_liabilities_plus_equity(trainee, chart, entries):
    book = fresh_book(trainee, chart)
    for lines, date in entries:
        post_journal_entry(book=book, user=trainee, date=date, description="Properti", lines=list(lines))
    shu_before = reports.income_statement(book).shu
    shu_account_before = -reports.trial_balance(book).balance_of("3106")  # entries may post to 3106 too
    try:
        close_period(book=book, user=trainee, date=END)
    except LedgerValidationError as error:
        assert "Tidak ada saldo" in error.messages[0]
    fp = reports.financial_position(book)
    assert fp.total_assets == fp.total_liabilities_and_equity
    assert fp.unclosed_shu == 0
    tb = reports.trial_balance(book)
    assert tb.is_balanced
    assert not [row for row in tb.rows if row.group in ("pendapatan", "beban")]
    # The year's SHU now sits in 3106 (credit balance), and the PHU still reports it.
    assert -tb.balance_of("3106") == shu_account_before + shu_before
    assert reports.income_statement(book).shu == shu_before


def _break(lines, how, draw_amount):
    """Make one invalid variant of a balanced entry."""
    first = lines[0]
    side_amount = first.debit if first.debit is not None else first.credit
    if how == "unbalanced":
        lines[0] = LineInput(
            first.account_code,
            debit=first.debit and first.debit + draw_amount,
            credit=first.credit and first.credit + draw_amount,
            member_number=first.member_number,
        )
    elif how == "both_sides":
        lines[0] = LineInput(
            first.account_code, debit=side_amount, credit=side_amount, member_number=first.member_number
        )
    elif how == "no_side":
        lines[0] = LineInput(first.account_code, member_number=first.member_number)
    elif how == "header":
        lines[0] = LineInput(HEADERS[0], debit=first.debit, credit=first.credit)
    elif how == "unknown_account":
        lines[0] = LineInput("9999", debit=first.debit, credit=first.credit)
    elif how == "three_decimals":
        lines[0] = LineInput(first.account_code, debit=side_amount + D("0.001"), member_number=first.member_number)
    elif how == "negative":
        lines[0] = LineInput(first.account_code, debit=-side_amount, member_number=first.member_number)
    elif how == "letters":
        lines[0] = LineInput(first.account_code, debit="12x", member_number=first.member_number)
    elif how == "huge":
        lines[0] = LineInput(first.account_code, debit=D(10) ** 15 + 1, member_number=first.member_number)
    elif how == "member_missing":
        lines[0] = LineInput("3101", debit=first.debit, credit=first.credit)
    elif how == "unknown_member":
        lines[0] = LineInput(first.account_code, debit=first.debit, credit=first.credit, member_number="Z999")
    elif how == "one_line":
        del lines[1:]
    return lines


BREAKS = [
    "unbalanced",
    "both_sides",
    "no_side",
    "header",
    "unknown_account",
    "three_decimals",
    "negative",
    "letters",
    "huge",
    "member_missing",
    "unknown_member",
    "one_line",
    "bad_date",
]


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(
    before=st.lists(balanced_entries(), max_size=3),
    bad=balanced_entries(),
    how=st.sampled_from(BREAKS),
    delta=amounts,
    outside=st.sampled_from([dt.date(2025, 12, 31), dt.date(2027, 1, 1)]),
)
def test_rejected_entries_leave_the_book_unchanged(trainee, chart, before, bad, how, delta, outside):
    book = fresh_book(trainee, chart)
    for lines, date in before:
        post_journal_entry(book=book, user=trainee, date=date, description="Properti", lines=list(lines))
    tb_before = reports.trial_balance(book)
    state = snapshot(book)
    lines, date = bad
    lines = _break(list(lines), how, delta)
    if how == "bad_date":
        date = outside
    with pytest.raises(LedgerValidationError) as info:
        post_journal_entry(book=book, user=trainee, date=date, description="Properti", lines=lines)
    assert info.value.messages  # always says why
    assert snapshot(book) == state
    assert reports.trial_balance(book) == tb_before


@settings(max_examples=50, deadline=None)
@given(
    shu=st.integers(min_value=1, max_value=10**12),
    figures=st.lists(
        st.tuples(st.integers(min_value=0, max_value=10**10), st.integers(min_value=0, max_value=10**11)),
        min_size=1,
        max_size=30,
    ),
    split=st.lists(st.integers(min_value=0, max_value=40), min_size=5, max_size=5),
)
def test_shu_shares_round_half_up_within_half_a_rupiah(shu, figures, split):
    figures[0] = (figures[0][0] + 1, figures[0][1] + 1)  # totals are never zero
    rest = 100 - sum(split[:3])
    components = {"cadangan": D(split[0]), "pengurus": D(split[1]), "sosial": D(split[2])}
    if rest < 0:
        with pytest.raises(LedgerValidationError):
            allocate_shu(
                shu_amount=D(shu), components={**components, "jasa_usaha": D(0), "jasa_modal": D(0)}, members=[]
            )
        return
    components["jasa_usaha"] = D(rest) / 2
    components["jasa_modal"] = D(rest) - components["jasa_usaha"]
    members = [MemberShuInput(str(i), f"A{i}", D(s), D(t)) for i, (s, t) in enumerate(figures)]
    allocation = allocate_shu(shu_amount=D(shu), components=components, members=members)
    total_s = sum(D(s) for s, _t in figures)
    total_t = sum(D(t) for _s, t in figures)
    for member in allocation.members:
        exact_modal = allocation.jasa_modal_amount * member.simpanan / total_s
        exact_usaha = allocation.jasa_usaha_amount * member.transactions / total_t
        assert -D("0.5") < member.jasa_modal - exact_modal <= D("0.5")
        assert -D("0.5") < member.jasa_usaha - exact_usaha <= D("0.5")
        assert member.jasa_modal == member.jasa_modal.to_integral_value()
    assert abs(allocation.rounding_difference) <= D("0.5") * 2 * len(members) + 1
    assert allocation.components_total - D(shu) <= D("0.01") * len(components)


def test_shu_domain_example_property():
    """The day-3 lesson's example: JMA Rp 90.000 + JUA Rp 180.000 = Rp 270.000, for any other members
    that keep the totals at Rp 240.000.000 simpanan and Rp 1.800.000.000 purchases."""

    @settings(max_examples=50, deadline=None)
    @given(cuts=st.lists(st.integers(min_value=1, max_value=237_599_999), max_size=5, unique=True))
    def check(cuts):
        bounds = [0, *sorted(cuts), 237_600_000]
        others = [D(b - a) for a, b in zip(bounds, bounds[1:], strict=False)]
        purchases = [D(1_782_000_000) * part / D(237_600_000) for part in others]
        members = [MemberShuInput("X", "Contoh", D(2_400_000), D(18_000_000))] + [
            MemberShuInput(str(i), "Lain", s, t) for i, (s, t) in enumerate(zip(others, purchases, strict=True))
        ]
        allocation = allocate_shu(shu_amount=D(60_000_000), components=EXAMPLE_COMPONENTS, members=members)
        member = allocation.member("X")
        assert (member.jasa_modal, member.jasa_usaha, member.total) == (D(90_000), D(180_000), D(270_000))

    check()


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(entries=st.lists(st.tuples(balanced_entries(), st.booleans()), min_size=1, max_size=5))
def test_reversed_entries_cancel_out(trainee, chart, entries):
    """Reversing any subset of entries leaves the balances of a book holding only the others."""
    book, control = fresh_book(trainee, chart), fresh_book(trainee, chart)
    for (lines, date), reverse in entries:
        entry = post_journal_entry(book=book, user=trainee, date=date, description="Properti", lines=list(lines))
        if reverse:
            reverse_journal_entry(entry=entry, user=trainee, reason="koreksi")
        else:
            post_journal_entry(book=control, user=trainee, date=date, description="Properti", lines=list(lines))
    assert_books_balance(book)
    assert reports.trial_balance(book).rows == reports.trial_balance(control).rows
    assert reports.member_cards(book, "simpanan").totals == reports.member_cards(control, "simpanan").totals
