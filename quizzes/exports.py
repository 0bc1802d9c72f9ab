"""CSV/XLSX exports of the quiz engine, one `lms.exporter.ListExporter` each (every cell escaped)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.exporter import ListExporter


def _yes(value: bool) -> str:
    return _("ya") if value else _("belum")


class GradebookExport(ListExporter):
    sheet_title = gettext_lazy("Nilai kuis")

    def __init__(self, book):
        self.book = book
        self.filename = f"nilai-kuis-angkatan-{book.cohort.pk}"

    def header(self):
        head = [_("Nama"), _("Email"), _("Koperasi/usaha")]
        for quiz in self.book.quizzes:
            head += [
                _("%(quiz)s: nilai") % {"quiz": quiz.title},
                _("%(quiz)s: lulus") % {"quiz": quiz.title},
                _("%(quiz)s: percobaan") % {"quiz": quiz.title},
            ]
        return head

    def rows(self):
        for row in self.book.rows:
            user = row.enrollment.user
            line = [user.full_name, user.email, user.organisation]
            for _quiz, grade, _open in row.cells:
                line += [grade.score, _yes(grade.passed), grade.attempts] if grade else ["", "", 0]
            yield line


class AttemptsExport(ListExporter):
    sheet_title = gettext_lazy("Percobaan")

    def __init__(self, quiz, cohort, attempts):
        self.attempts = attempts
        self.filename = f"percobaan-kuis-{quiz.pk}-angkatan-{cohort.pk}"

    def header(self):
        return [
            _("Nama"),
            _("Email"),
            _("Percobaan ke-"),
            _("Status"),
            _("Mulai"),
            _("Selesai"),
            _("Nilai"),
            _("Poin"),
            _("Poin maksimal"),
            _("Lulus"),
            _("Dikirim otomatis"),
        ]

    def rows(self):
        for attempt in self.attempts:
            yield [
                attempt.user.full_name,
                attempt.user.email,
                attempt.number,
                attempt.get_state_display(),
                attempt.started_at,
                attempt.finished_at,
                attempt.score,
                attempt.points,
                attempt.max_points,
                _yes(attempt.passed),
                _yes(attempt.auto_submitted),
            ]


class StatisticsExport(ListExporter):
    sheet_title = gettext_lazy("Statistik soal")

    def __init__(self, quiz, cohort, stats):
        self.stats = stats
        self.filename = f"statistik-kuis-{quiz.pk}-angkatan-{cohort.pk}"

    def header(self):
        return [
            _("Soal"),
            _("Jenis"),
            _("Dijawab"),
            _("Benar penuh (%)"),
            _("Rata-rata skor (%)"),
            _("Jawaban salah terbanyak"),
            _("Dipilih"),
            _("Daya beda"),
        ]

    def rows(self):
        from .models import QuestionKind

        labels = dict(QuestionKind.choices)
        for entry in self.stats:
            yield [
                entry.title,
                str(labels.get(entry.kind, entry.kind)),
                entry.answered,
                entry.share_right,
                entry.facility,
                entry.top_wrong,
                entry.top_wrong_count or "",
                entry.discrimination if entry.discrimination is not None else "",
            ]


class GainExport(ListExporter):
    sheet_title = gettext_lazy("Peningkatan")

    def __init__(self, report):
        self.report = report
        self.filename = f"peningkatan-kuis-{report.posttest.pk}-angkatan-{report.cohort.pk}"

    def header(self):
        head = [_("Nama"), _("Email"), _("Pre-test"), _("Post-test"), _("Peningkatan"), _("Gain ternormalisasi")]
        for row in self.report.categories:
            head += [
                _("%(category)s: pre") % {"category": row.category.name},
                _("%(category)s: post") % {"category": row.category.name},
            ]
        return head

    def rows(self):
        for trainee in self.report.trainees:
            user = trainee.enrollment.user
            line = [user.full_name, user.email, trainee.pre, trainee.post, trainee.gain, trainee.normalized_gain]
            for row in self.report.categories:
                line += [
                    trainee.pre_by_category.get(row.category.pk),
                    trainee.post_by_category.get(row.category.pk),
                ]
            yield line
        yield []
        yield [_("Kategori"), "", _("Pre-test"), _("Post-test"), _("Peningkatan"), _("Peserta")]
        for row in self.report.categories:
            yield [row.category.name, "", row.pre, row.post, row.gain, row.trainees]
