"""Pages of the ledger sandbox under /buku/: books, the journal entry form, reports, SHU, exercises.

Views are thin: they check access (`ledger.access`), read through selectors/reports and write
through `ledger.services`. Someone who may not see a book gets a 404, never a hint that it exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms import jobs

from . import access, exports, selectors, services
from .amounts import MoneySum
from .charts import SIMPANAN_POKOK
from .exceptions import LedgerValidationError
from .exports import PAGE_PARAMS, REPORT_LINKS, REPORTS, build_report, estimated_rows, report_response
from .forms import (
    SHU_COMPONENTS,
    ClosingForm,
    JournalEntryForm,
    MemberForm,
    PracticeBookForm,
    ReversalForm,
    ShuAllocationForm,
    account_suggestions,
)
from .jobs import REPORT_FILE
from .models import Book, BookKind, EntryKind, JournalEntry, LedgerExercise, Side


def add_service_errors(form, exc: LedgerValidationError) -> None:
    """Put a service's errors on the form: on the field of the same name, else on the form."""
    for key, msgs in exc.errors.items():
        if key == "lines":
            continue  # line errors belong to the journal entry form's rows (apply_service_errors)
        for message in msgs:
            form.add_error(key if key in form.fields else None, str(message))


# --- Access helpers -----------------------------------------------------------------------


def get_book_for(user, book_id: int, *, edit: bool = False) -> Book:
    """The book if `user` may see it (or write in it, with `edit`); 404 otherwise (no leak)."""
    book = get_object_or_404(Book.objects.select_related("owner", "chart", "exercise"), pk=book_id)
    if not access.may_view_book(user, book):
        raise Http404
    if edit and not access.may_edit_book(user, book):
        raise Http404 if not access.is_book_owner(user, book) else _ArchivedBook(book)
    return book


class _ArchivedBook(Exception):
    def __init__(self, book):
        self.book = book


def _book_context(request, book: Book, **extra) -> dict:
    return {
        "book": book,
        "may_edit": access.may_edit_book(request.user, book),
        "is_owner": access.is_book_owner(request.user, book),
        **extra,
    }


def _archived_redirect(request, book):
    messages.error(request, _("Buku ini sudah diarsipkan sehingga tidak dapat diubah lagi."))
    return redirect("ledger:book_detail", book_id=book.pk)


def _edit_view(func):
    """Wrap a view that writes in a book: the archived case becomes a message, not an error page."""

    def wrapper(request, *args, **kwargs):
        try:
            return func(request, *args, **kwargs)
        except _ArchivedBook as exc:
            return _archived_redirect(request, exc.book)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


# --- Books --------------------------------------------------------------------------------


@login_required
def book_list(request):
    """My books: practice books and exercise attempts (active first, then archived attempts)."""
    books = list(selectors.books_of(request.user, archived=None))
    practice = [b for b in books if b.kind == BookKind.PRACTICE and not b.archived]
    attempts = [b for b in books if b.kind == BookKind.EXERCISE and not b.archived]
    archived = [b for b in books if b.archived]
    return render(
        request,
        "ledger/book_list.html",
        {
            "practice_books": practice,
            "attempt_books": attempts,
            "archived_books": archived,
            "supervised_books": selectors.supervised_books(request.user),
            "form": PracticeBookForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def book_create(request):
    form = PracticeBookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        start, end = form.period()
        try:
            book = services.create_practice_book(
                owner=request.user,
                title=form.cleaned_data["title"],
                cooperative_name=form.cleaned_data["cooperative_name"],
                period_start=start,
                period_end=end,
                simpanan_pokok=form.cleaned_data.get("simpanan_pokok"),
            )
        except LedgerValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Buku latihan “%(title)s” sudah dibuat.") % {"title": book.title})
            return redirect("ledger:book_detail", book_id=book.pk)
    return render(request, "ledger/book_create.html", {"form": form})


def _book_totals(book: Book) -> dict:
    """Entry count and debit/credit totals of a book in ONE query."""
    from django.db.models import DecimalField, Value
    from django.db.models.functions import Coalesce

    from .models import JournalLine

    money = DecimalField(max_digits=20, decimal_places=2)
    zero = Value(0, output_field=money)
    return JournalLine.objects.filter(entry__book_id=book.pk).aggregate(
        entries=Count("entry", distinct=True),
        debit=Coalesce(MoneySum("amount", filter=Q(side=Side.DEBIT)), zero, output_field=money),
        credit=Coalesce(MoneySum("amount", filter=Q(side=Side.CREDIT)), zero, output_field=money),
    )


AUDIT_EVENTS_SHOWN = 20


@login_required
def book_detail(request, book_id: int):
    """A book's overview: figures, latest entries, links to every report. Fixed number of queries."""
    book = get_book_for(request.user, book_id)
    totals = _book_totals(book)
    recent = list(JournalEntry.objects.filter(book=book).select_related("reversed_by").order_by("-number")[:10])
    member_count = book.members.count()
    # Who did what and when (day 4: the audit trail as an internal control), newest first.
    audit_events = list(book.audit_events.select_related("actor", "entry")[:AUDIT_EVENTS_SHOWN])
    return render(
        request,
        "ledger/book_detail.html",
        _book_context(
            request,
            book,
            totals=totals,
            recent_entries=recent,
            audit_events=audit_events,
            member_count=member_count,
            reports=REPORT_LINKS,
            pokok_warnings=selectors.simpanan_pokok_warnings(book),
        ),
    )


# --- Journal entries -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@_edit_view
def entry_create(request, book_id: int):
    """The journal entry form (header + line rows). Works without JavaScript; double submits count once."""
    book = get_book_for(request.user, book_id, edit=True)
    accounts = list(selectors.postable_accounts(book))
    members = list(selectors.book_members(book))
    add_rows = request.method == "POST" and "add_rows" in request.POST
    form = JournalEntryForm(
        book=book,
        accounts=accounts,
        members=members,
        data=request.POST if request.method == "POST" else None,
        add_rows=add_rows,
    )
    if request.method == "POST" and not add_rows and form.is_valid():
        # The form's one-time nonce is the entry's client_token: the service, holding the book's
        # row lock, returns the entry already posted with it, so a double click or a resend after
        # a slow network posts once — across processes, not only within one.
        nonce = form.nonce
        already = bool(nonce) and JournalEntry.objects.filter(book=book, client_token=nonce[:64]).exists()
        inputs, rows = form.line_inputs()
        header = form.header.cleaned_data
        try:
            entry = services.post_journal_entry(
                book=book,
                user=request.user,
                date=header["date"],
                description=header["description"],
                voucher=header.get("voucher") or "",
                lines=inputs,
                client_token=nonce,
            )
        except LedgerValidationError as exc:
            form.apply_service_errors(exc.errors, rows)
        else:
            if already:
                messages.info(request, _("Jurnal ini sudah tersimpan; tidak dicatat dua kali."))
                return redirect("ledger:entry_detail", book_id=book.pk, number=entry.number)
            messages.success(request, _("Jurnal #%(number)s sudah diposting.") % {"number": entry.number})
            if any(str(line.account_code or "").strip() == SIMPANAN_POKOK for line in inputs):
                for warning in selectors.simpanan_pokok_warnings(book):
                    messages.warning(request, warning)
            if "save_another" in request.POST:
                return redirect("ledger:entry_create", book_id=book.pk)
            return redirect("ledger:entry_detail", book_id=book.pk, number=entry.number)
    status = 400 if form.has_errors else 200
    return render(
        request,
        "ledger/entry_form.html",
        _book_context(
            request,
            book,
            form=form,
            accounts=accounts,
            account_options=account_suggestions(accounts),
            members=members,
            error_summary=form.error_summary() if form.has_errors else [],
        ),
        status=status,
    )


def _get_entry(book: Book, number: int) -> JournalEntry:
    return get_object_or_404(
        selectors.entries_with_lines(book=book).select_related("reverses", "reversed_by"), number=number
    )


@login_required
def entry_detail(request, book_id: int, number: int):
    book = get_book_for(request.user, book_id)
    entry = _get_entry(book, number)
    lines = list(entry.lines.all())
    debit = sum((line.amount for line in lines if line.side == Side.DEBIT), 0)
    credit = sum((line.amount for line in lines if line.side == Side.CREDIT), 0)
    may_reverse = (
        access.may_edit_book(request.user, book)
        and entry.kind not in (EntryKind.REVERSAL, EntryKind.OPENING)
        and not entry.is_reversed
    )
    return render(
        request,
        "ledger/entry_detail.html",
        _book_context(
            request,
            book,
            entry=entry,
            lines=lines,
            debit_total=debit,
            credit_total=credit,
            may_reverse=may_reverse,
            reversal_form=ReversalForm() if may_reverse else None,
        ),
    )


@login_required
@require_POST
@_edit_view
def entry_reverse(request, book_id: int, number: int):
    """Post the reversal ("jurnal pembalik") of an entry, with a reason."""
    book = get_book_for(request.user, book_id, edit=True)
    entry = _get_entry(book, number)
    form = ReversalForm(request.POST)
    if form.is_valid():
        try:
            reversal = services.reverse_journal_entry(
                entry=entry, user=request.user, date=form.cleaned_data["date"], reason=form.cleaned_data["reason"]
            )
        except LedgerValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Jurnal pembalik #%(number)s sudah diposting untuk jurnal #%(original)s.")
                % {"number": reversal.number, "original": entry.number},
            )
            return redirect("ledger:entry_detail", book_id=book.pk, number=reversal.number)
    lines = list(entry.lines.all())
    return render(
        request,
        "ledger/entry_detail.html",
        _book_context(
            request,
            book,
            entry=entry,
            lines=lines,
            debit_total=sum((x.amount for x in lines if x.side == Side.DEBIT), 0),
            credit_total=sum((x.amount for x in lines if x.side == Side.CREDIT), 0),
            may_reverse=True,
            reversal_form=form,
        ),
        status=400,
    )


# --- Members -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def member_list(request, book_id: int):
    book = get_book_for(request.user, book_id)
    may_edit = access.may_edit_book(request.user, book)
    form = MemberForm(request.POST or None) if may_edit else None
    if request.method == "POST":
        if not may_edit:
            if not access.is_book_owner(request.user, book):
                raise Http404
            return _archived_redirect(request, book)
        if form.is_valid():
            try:
                member = services.add_member(
                    book=book, user=request.user, number=form.cleaned_data["number"], name=form.cleaned_data["name"]
                )
            except LedgerValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Anggota %(member)s sudah ditambahkan.") % {"member": member})
                return redirect("ledger:member_list", book_id=book.pk)
    members = list(selectors.book_members(book))
    return render(
        request,
        "ledger/member_list.html",
        _book_context(
            request, book, members=members, form=form, pokok_warnings=selectors.simpanan_pokok_warnings(book)
        ),
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


# --- Closing -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@_edit_view
def closing(request, book_id: int):
    """Closing entries for a period: preview the lines, then post them (owner only)."""
    book = get_book_for(request.user, book_id)
    may_edit = access.may_edit_book(request.user, book)
    data = request.POST if request.method == "POST" else (request.GET if "date" in request.GET else None)
    form = ClosingForm(data, initial={"date": book.period_end})
    preview = []
    if form.is_bound and form.is_valid():
        date = form.cleaned_data["date"]
        if request.method == "POST":
            book = get_book_for(request.user, book_id, edit=True)
            try:
                entry = services.close_period(book=book, user=request.user, date=date)
            except LedgerValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Jurnal penutup #%(number)s sudah diposting.") % {"number": entry.number})
                return redirect("ledger:entry_detail", book_id=book.pk, number=entry.number)
        else:
            if not book.contains_date(date):
                form.add_error("date", _("Tanggal harus di dalam periode buku."))
            else:
                try:
                    preview = services.closing_lines(book=book, date=date)
                except LedgerValidationError as exc:
                    form.add_error(None, "; ".join(exc.messages))
    closings = list(
        JournalEntry.objects.filter(book=book, kind=EntryKind.CLOSING).select_related("reversed_by").order_by("number")
    )
    return render(
        request,
        "ledger/closing.html",
        _book_context(
            request,
            book,
            form=form,
            preview=preview,
            preview_debit=sum((x.amount for x in preview if x.side == Side.DEBIT), 0),
            preview_credit=sum((x.amount for x in preview if x.side == Side.CREDIT), 0),
            closings=closings,
            may_edit=may_edit,
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Reports -------------------------------------------------------------------------------


def _without_page(params) -> QueryDict:
    query = params.copy()
    for name in PAGE_PARAMS:
        query.pop(name, None)
    return query


def _pager_links(request, pager) -> dict:
    """URLs of the first, previous and next keyset pages (the filters kept)."""
    if pager is None:
        return {}
    base = _without_page(request.GET)
    links = {}
    if not pager.is_first:
        links["first"] = f"?{base.urlencode()}"
        if pager.previous_cursor:
            previous = base.copy()
            previous["sebelum"] = pager.previous_cursor
            links["previous"] = f"?{previous.urlencode()}"
    if not pager.is_last and pager.next_cursor:
        following = base.copy()
        following["setelah"] = pager.next_cursor
        links["next"] = f"?{following.urlencode()}"
    return links


@login_required
def report(request, book_id: int, slug: str):
    book = get_book_for(request.user, book_id)
    document = build_report(slug, book=book, params=request.GET, paged=True)
    if document is None:
        raise Http404
    context = _book_context(
        request,
        book,
        document=document,
        slug=slug,
        query=_without_page(request.GET).urlencode(),
        reports=REPORT_LINKS,
        pager=_pager_links(request, document.pager),
    )
    return render(request, "ledger/report.html", context)


@login_required
def entry_list(request, book_id: int):
    """The entry list is the jurnal umum, each entry linking to its page."""
    return report(request, book_id, "jurnal-umum")


@login_required
def report_download(request, book_id: int, slug: str, fmt: str) -> HttpResponse:
    """A report as PDF or XLSX. Long ones go to a background job (the request only starts it and
    shows its progress page): xhtml2pdf needs about a second per 60 rows."""
    book = get_book_for(request.user, book_id)
    if slug not in REPORTS or fmt not in ("pdf", "xlsx"):
        raise Http404
    params = _without_page(request.GET)
    limit = exports.PDF_SYNC_MAX_ROWS if fmt == "pdf" else exports.XLSX_SYNC_MAX_ROWS
    if estimated_rows(slug, book=book, params=params) > limit:
        label, _builder = REPORTS[slug]
        job = jobs.start_job(
            kind=REPORT_FILE,
            owner=request.user,
            params={"book_id": book.pk, "slug": slug, "fmt": fmt, "query": params.urlencode()},
            label=f"{label} ({fmt.upper()}) · {book.title}",
            return_url=reverse("ledger:report", kwargs={"book_id": book.pk, "slug": slug})
            + (f"?{params.urlencode()}" if params else ""),
        )
        return redirect(job)
    document = build_report(slug, book=book, params=params)
    if document is None:
        raise Http404
    return report_response(document, fmt=fmt, filename=f"{slug}-buku-{book.pk}")


# --- Exercises -----------------------------------------------------------------------------


def published_exercises(user=None):
    """Exercises `user` may open: published ones, plus drafts for instructors and admins."""
    qs = LedgerExercise.objects.all()
    if user is not None and access.may_reveal_answers(user):
        return qs
    return qs.filter(live=True)


@login_required
def exercise_list(request):
    exercises = list(
        published_exercises(request.user).annotate(transaction_count=Count("transactions")).order_by("title")
    )
    active = {b.exercise_id: b for b in Book.objects.filter(owner=request.user, kind=BookKind.EXERCISE, archived=False)}
    rows = [{"exercise": e, "book": active.get(e.pk)} for e in exercises]
    return render(request, "ledger/exercise_list.html", {"rows": rows})


def _exercise_or_404(slug: str, user) -> LedgerExercise:
    return get_object_or_404(published_exercises(user), slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def exercise_detail(request, slug: str):
    """Narrative, start/continue/reset my attempt, and "periksa jawaban" (score and feedback)."""
    exercise = _exercise_or_404(slug, request.user)
    book = Book.objects.filter(owner=request.user, exercise=exercise, archived=False).first()
    result = shu_result = None
    shu_submitted: dict[str, dict[str, str]] = {}
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "start":
            book = services.start_exercise_book(owner=request.user, exercise=exercise)
            return redirect("ledger:book_detail", book_id=book.pk)
        if action == "reset" and book is not None:
            try:
                book = services.reset_exercise_book(book=book, user=request.user)
            except LedgerValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            else:
                messages.success(
                    request, _("Latihan dimulai lagi dari saldo awal (percobaan ke-%(n)s).") % {"n": book.attempt}
                )
            return redirect("ledger:exercise_detail", slug=exercise.slug)
        if action == "check" and book is not None:
            result = grade(book=book, user=request.user)
        elif action == "check_shu" and book is not None and exercise.shu_amount:
            shu_submitted = _submitted_shu(request.POST, exercise)
            shu_result = _grade_shu(book=book, exercise=exercise, submitted=shu_submitted)
        elif action not in ("start", "reset", "check", "check_shu"):
            messages.error(request, _("Tindakan tidak dikenal."))
    transactions = list(exercise.transactions.order_by("number", "sort_order"))
    shu_members = []
    if book is not None and exercise.shu_amount and exercise.shu_components:
        shu_members = [
            {
                "number": m.number,
                "name": m.name,
                "jasa_modal": shu_submitted.get(m.number, {}).get("jasa_modal", ""),
                "jasa_usaha": shu_submitted.get(m.number, {}).get("jasa_usaha", ""),
            }
            for m in exercise.members.all()
        ]
    return render(
        request,
        "ledger/exercise_detail.html",
        {
            "exercise": exercise,
            "book": book,
            "transactions": transactions,
            "result": result,
            "shu_members": shu_members,
            "shu_result": shu_result,
            "may_reveal": access.may_reveal_answers(request.user, exercise),
        },
    )


def _submitted_shu(data, exercise) -> dict[str, dict[str, str]]:
    out = {}
    for member in exercise.members.all():
        out[member.number] = {
            part: (data.get(f"shu-{member.number}-{part}") or "").strip()[:40] for part in ("jasa_modal", "jasa_usaha")
        }
    return out


def _grade_shu(*, book: Book, exercise: LedgerExercise, submitted: dict, reveal: bool = False):
    """Grade the trainee's per-member SHU against the exercise's allocation (D's grade_shu)."""
    from .grading import grade_shu
    from .shu import allocation_for_exercise

    allocation = allocation_for_exercise(exercise=exercise, book=book)
    if allocation is None:
        return None
    return grade_shu(submitted=submitted, allocation=allocation, reveal=reveal, tolerance=exercise.tolerance)


def grade(*, book: Book, user):
    """Run the grader on the trainee's book; the expected answer is never revealed here."""
    from .grading import grade_book

    return grade_book(book=book, reveal=False)


@login_required
def book_grade(request, book_id: int):
    """Check an exercise book. Its owner sees score and feedback; an instructor or admin reading a
    trainee's book also sees the expected answer (reveal)."""
    book = get_book_for(request.user, book_id)
    if book.exercise is None:
        raise Http404
    reveal = access.may_reveal_answers(request.user, book.exercise) and not access.is_book_owner(request.user, book)
    from .grading import grade_book

    result = grade_book(book=book, reveal=reveal)
    return render(request, "ledger/book_grade.html", _book_context(request, book, result=result, reveal=reveal))


@login_required
def exercise_answer(request, slug: str):
    """The expected answer of an exercise (instructors and admins only)."""
    exercise = _exercise_or_404(slug, request.user)
    if not access.may_reveal_answers(request.user, exercise):
        raise Http404
    transactions = list(exercise.transactions.order_by("number", "sort_order"))
    expected = {}
    for line in exercise.expected_lines.order_by("transaction_number", "sort_order"):
        expected.setdefault(line.transaction_number, []).append(line)
    for tx in transactions:
        tx.expected = expected.get(tx.number, [])
    return render(
        request,
        "ledger/exercise_answer.html",
        {
            "exercise": exercise,
            "transactions": transactions,
            "opening_balances": list(exercise.opening_balances.all()),
            "expected_balances": list(exercise.expected_balances.all()),
            "members": list(exercise.members.all()),
        },
    )


def book_url(book: Book) -> str:
    return reverse("ledger:book_detail", kwargs={"book_id": book.pk})


# --- SHU -----------------------------------------------------------------------------------


def _shu_allocation(request, book: Book, members_part=None):
    """(form, allocation or None, SHU amount) from the query string; the form starts from the book's
    figures and the SHU to share defaults to the members' part of SHU after tax (`members_part`)."""
    from . import reports
    from .shu import allocate_shu, members_shu_part, shu_member_figures_from_book

    if members_part is None:
        members_part = members_shu_part(reports.income_statement(book))

    initial = {}
    exercise = book.exercise
    if exercise is not None and exercise.shu_components:
        for key, value in exercise.shu_components.items():
            initial[f"pct_{key}"] = str(value).replace(".", ",")
    data = request.GET if "shu_amount" in request.GET else None
    form = ShuAllocationForm(data, initial=initial)
    if data is None:
        # Unbound: compute with the initial percentages so the page shows an allocation at once.
        form = ShuAllocationForm(
            {f"pct_{key}": form[f"pct_{key}"].value() or "" for key, _l in SHU_COMPONENTS} | {"shu_amount": ""}
        )
    if not form.is_valid():
        return form, None, None
    shu_amount = form.cleaned_data["shu_amount"]
    if shu_amount is None:
        # Only SHU from members is shared: the default is the members' part of SHU after tax
        # (shown with how it was found), unless the exercise states the amount to share.
        shu_amount = members_part.amount
        if exercise is not None and exercise.shu_amount:
            shu_amount = exercise.shu_amount
    percents = {key: value for key, value in form.cleaned_data["percents"].items() if value}
    try:
        allocation = allocate_shu(
            shu_amount=shu_amount, components=percents, members=shu_member_figures_from_book(book)
        )
    except LedgerValidationError as exc:
        for key, msgs in exc.errors.items():
            if key == "lines":
                continue
            for message in msgs:
                form.add_error("shu_amount" if key == "shu_amount" else None, str(message))
        return form, None, shu_amount
    return form, allocation, shu_amount


@login_required
def shu(request, book_id: int):
    """SHU allocation: components in percent (must add to 100%), jasa modal and jasa usaha per member."""
    from . import reports
    from .exports import shu_document
    from .shu import members_shu_part

    book = get_book_for(request.user, book_id)
    statement = reports.income_statement(book)
    members_part = members_shu_part(statement)
    form, allocation, shu_amount = _shu_allocation(request, book, members_part)
    document = shu_document(book, allocation, members_part=members_part) if allocation is not None else None
    query = request.GET.urlencode()
    return render(
        request,
        "ledger/shu.html",
        _book_context(
            request,
            book,
            form=form,
            allocation=allocation,
            document=document,
            query=query,
            shu_amount=shu_amount,
            statement=statement,
            members_part=members_part,
            exercise_amount=book.exercise.shu_amount if book.exercise_id else None,
        ),
        status=400 if form.errors and "shu_amount" in request.GET else 200,
    )


@login_required
def shu_download(request, book_id: int, fmt: str):
    from .exports import shu_document

    book = get_book_for(request.user, book_id)
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    from . import reports
    from .shu import members_shu_part

    members_part = members_shu_part(reports.income_statement(book))
    form, allocation, _amount = _shu_allocation(request, book, members_part)
    if allocation is None:
        messages.error(request, _("Perbaiki isian pembagian SHU terlebih dahulu."))
        return redirect(reverse("ledger:shu", kwargs={"book_id": book.pk}) + "?" + request.GET.urlencode())
    return report_response(
        shu_document(book, allocation, members_part=members_part), fmt=fmt, filename=f"pembagian-shu-buku-{book.pk}"
    )
