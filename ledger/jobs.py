"""Background jobs of the ledger (through `lms.jobs`): a report download too long for a request."""

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import jobs

from . import access
from .models import Book

REPORT_FILE = "ledger.report_file"


def render_report_file(ctx: jobs.JobContext) -> jobs.JobResult:
    """Render one report of a book as PDF or XLSX with every row (params: book_id, slug, fmt,
    query: the page's filters). The owner's right to the book is checked again: time has passed."""
    from .exports import PDF_JOB_MAX_ROWS, XLSX_CONTENT_TYPE, build_report, document_rows, render_pdf, render_xlsx

    params = ctx.params
    book = Book.objects.select_related("owner", "chart", "exercise").filter(pk=params.get("book_id")).first()
    if book is None or not access.may_view_book(ctx.owner, book):
        raise jobs.JobError(_("Buku ini tidak ada lagi atau Anda tidak berhak membukanya."))
    ctx.progress(0, None, _("Menyusun laporan…"))
    document = build_report(params["slug"], book=book, params=QueryDict(params.get("query", "")))
    if document is None:
        raise jobs.JobError(_("Laporan ini tidak dikenal."))
    filename = f"{params['slug']}-buku-{book.pk}.{params['fmt']}"
    if params["fmt"] == "xlsx":
        ctx.progress(0, document_rows(document), _("Menulis XLSX…"))
        return jobs.JobResult(content=render_xlsx(document), filename=filename, content_type=XLSX_CONTENT_TYPE)
    ctx.progress(0, min(document_rows(document), PDF_JOB_MAX_ROWS), _("Menata halaman PDF…"))
    content = render_pdf(document, max_rows=PDF_JOB_MAX_ROWS, progress=lambda done, total: ctx.progress(done, total))
    return jobs.JobResult(content=content, filename=filename, content_type="application/pdf")


def register() -> None:
    jobs.register(
        REPORT_FILE,
        run=render_report_file,
        label=gettext_lazy("Laporan buku"),
        # ~60 rows a second: PDF_JOB_MAX_ROWS rows take under two minutes on a quiet worker.
        soft_time_limit=900,
        keep_days=7,
    )
